import Plot
import Script

/// The calls that set or read what the axes show: limits, `axis`, the aspect, inversion.
enum AxesLimits {
    static let xlimDeclaration = "left=None, right=None, *, !emit=True, !auto=False, xmin=None, xmax=None"
    static let ylimDeclaration = "bottom=None, top=None, *, !emit=True, !auto=False, ymin=None, ymax=None"
    static let setXlim = Signature("set_xlim", xlimDeclaration)
    static let setYlim = Signature("set_ylim", ylimDeclaration)

    nonisolated(unsafe) static let calls: [AxesCall] = [
        AxesCall(axes: "set_xlim", pyplot: nil, xlimDeclaration) { ax, a in
            ax.xlim = try limits(a, ("left", "right"), ("xmin", "xmax"), ax.computedLimits().x)
            return .none
        },
        AxesCall(axes: "set_ylim", pyplot: nil, ylimDeclaration) { ax, a in
            ax.ylim = try limits(a, ("bottom", "top"), ("ymin", "ymax"), ax.computedLimits().y)
            return .none
        },
        // pyplot's xlim() reads the limits; given arguments, it passes them on to set_xlim.
        AxesCall(axes: nil, pyplot: "xlim", "*args, **kwargs") { ax, a in
            guard !a.extraPositional.isEmpty || !a.extraKeywords.isEmpty else { return pair(ax.computedLimits().x) }
            let s = try setXlim.bind(Arguments(a.extraPositional, keywords: a.extraKeywords))
            ax.xlim = try limits(s, ("left", "right"), ("xmin", "xmax"), ax.computedLimits().x)
            return .none
        },
        AxesCall(axes: nil, pyplot: "ylim", "*args, **kwargs") { ax, a in
            guard !a.extraPositional.isEmpty || !a.extraKeywords.isEmpty else { return pair(ax.computedLimits().y) }
            let s = try setYlim.bind(Arguments(a.extraPositional, keywords: a.extraKeywords))
            ax.ylim = try limits(s, ("bottom", "top"), ("ymin", "ymax"), ax.computedLimits().y)
            return .none
        },
        AxesCall("get_xlim", "") { ax, _ in pair(ax.computedLimits().x) },
        AxesCall("get_ylim", "") { ax, _ in pair(ax.computedLimits().y) },
        AxesCall("invert_xaxis", "") { ax, _ in ax.xInverted.toggle(); return .none },
        AxesCall("invert_yaxis", "") { ax, _ in ax.yInverted.toggle(); return .none },
        AxesCall("axis", "arg=None, /, *, !emit=True, **kwargs", axis),
        AxesCall(axes: "set_aspect", pyplot: nil, "aspect, !adjustable=None, !anchor=None, !share=False") { ax, a in
            switch a["aspect"] {
            case .string("equal"): ax.equalAspect = true
            case .string("auto"): ax.equalAspect = false
            case .int(1), .float(1.0): ax.equalAspect = true
            case let v: throw ScriptError.notImplemented("set_aspect supports 'equal' and 'auto'. Received: \(v.shortDescription)")
            }
            return .none
        },
    ]

    static func pair(_ l: (Double, Double)) -> Value { .tuple([.float(l.0), .float(l.1)]) }

    /// `set_xlim(left, right)`, `set_xlim((left, right))`, `set_xlim(xmin=..., xmax=...)`; a side
    /// not given keeps its current value.
    static func limits(_ a: BoundArguments, _ names: (String, String), _ aliases: (String, String),
                       _ current: (Double, Double)) throws -> (Double, Double) {
        var low = a.optional(names.0), high = a.optional(names.1)
        if high == nil, let both = low, case .tuple = both { (low, high) = try split(both, names.0) }
        if high == nil, let both = low, case .list = both { (low, high) = try split(both, names.0) }
        for (name, alias, isLow) in [(names.0, aliases.0, true), (names.1, aliases.1, false)] {
            guard let v = a.optional(alias) else { continue }
            if (isLow ? low : high) != nil { throw ScriptError.type("Cannot pass both '\(name)' and '\(alias)'") }
            if isLow { low = v } else { high = v }
        }
        return (try low?.double(names.0) ?? current.0, try high?.double(names.1) ?? current.1)
    }

    static func split(_ v: Value, _ name: String) throws -> (Value?, Value?) {
        let items = try v.sequence(name)
        guard items.count == 2 else { throw ScriptError.value("\(name) takes a pair (low, high). Received \(items.count) values") }
        return (items[0].isNone ? nil : items[0], items[1].isNone ? nil : items[1])
    }

    /// `axis('off')`, `axis('equal')`, `axis([xmin, xmax, ymin, ymax])`, `axis(xmin=...)`: the
    /// limits after the change.
    static func axis(_ ax: Axes, _ a: BoundArguments) throws -> Value {
        var sides: [String: Double] = [:]
        for (name, value) in a.extraKeywords {
            guard ["xmin", "xmax", "ymin", "ymax"].contains(name) else {
                let hint = Suggest.closest(to: name, in: ["xmin", "xmax", "ymin", "ymax"]).map { "; did you mean '\($0)'?" } ?? ""
                throw ScriptError.type("axis() got an unexpected keyword argument '\(name)'\(hint)")
            }
            sides[name] = try value.double(name)
        }
        switch a["arg"] {
        case .none: break
        case .bool(let on): ax.axisOn = on
        case .string(let mode):
            switch mode {
            case "off": ax.axisOn = false
            case "on": ax.axisOn = true
            case "equal", "scaled", "square": ax.equalAspect = true
            case "auto", "tight", "normal": ax.equalAspect = false
            default: throw ScriptError.value("Unrecognized string '\(mode)' to axis; try 'on', 'off', 'equal', 'scaled', 'tight', 'auto'")
            }
        case let v:
            let l = try v.sequence("axis").map { try $0.double("axis") }
            guard l.count == 4 else { throw ScriptError.type("axis() takes [xmin, xmax, ymin, ymax]") }
            (sides["xmin"], sides["xmax"], sides["ymin"], sides["ymax"]) = (l[0], l[1], l[2], l[3])
        }
        let current = ax.computedLimits()
        if sides["xmin"] != nil || sides["xmax"] != nil { ax.xlim = (sides["xmin"] ?? current.x.0, sides["xmax"] ?? current.x.1) }
        if sides["ymin"] != nil || sides["ymax"] != nil { ax.ylim = (sides["ymin"] ?? current.y.0, sides["ymax"] ?? current.y.1) }
        let l = ax.computedLimits()
        return .tuple([.float(l.x.0), .float(l.x.1), .float(l.y.0), .float(l.y.1)])
    }
}
