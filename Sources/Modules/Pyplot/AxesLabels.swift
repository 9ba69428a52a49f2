import Plot
import Script

/// The calls that name and mark the axes: titles, axis labels, scales, ticks and tick labels,
/// the legend and the grid.
enum AxesLabels {
    typealias M = AxesMethods

    /// `pad`: points between the axes and the title (matplotlib's `rcParams['axes.titlepad']`, 6,
    /// whenever a call leaves it out).
    static let titleDeclaration = "label, !fontdict=None, !loc=None, pad=None, *, !y=None, **kwargs"
    static let xTicksDeclaration = "ticks, labels=None, *, !minor=False, **kwargs"

    nonisolated(unsafe) static let calls: [AxesCall] = [
        AxesCall(axes: "set_title", pyplot: "title", titleDeclaration) { ax, a in
            ax.title = try label(a, "label", "set_title")
            ax.titlePad = try a.optional("pad")?.double("pad") ?? 6
            return .none
        },
        AxesCall(axes: "set_xlabel", pyplot: "xlabel", "xlabel, !fontdict=None, !labelpad=None, *, !loc=None, **kwargs") { ax, a in
            ax.xlabel = try label(a, "xlabel", "set_xlabel")
            return .none
        },
        AxesCall(axes: "set_ylabel", pyplot: "ylabel", "ylabel, !fontdict=None, !labelpad=None, *, !loc=None, **kwargs") { ax, a in
            ax.ylabel = try label(a, "ylabel", "set_ylabel")
            return .none
        },
        AxesCall(axes: "set_xscale", pyplot: "xscale", "value, **kwargs") { ax, a in ax.xscale = try scale(a, "set_xscale"); return .none },
        AxesCall(axes: "set_yscale", pyplot: "yscale", "value, **kwargs") { ax, a in ax.yscale = try scale(a, "set_yscale"); return .none },
        AxesCall(axes: "set_xticks", pyplot: nil, xTicksDeclaration) { ax, a in try xticks(ax, a, "set_xticks") },
        AxesCall(axes: nil, pyplot: "xticks", "ticks=None, labels=None, *, !minor=False, **kwargs") { ax, a in try xticks(ax, a, "xticks") },
        AxesCall(axes: "set_yticks", pyplot: nil, xTicksDeclaration) { ax, a in try yticks(ax, a, "set_yticks") },
        AxesCall(axes: nil, pyplot: "yticks", "ticks=None, labels=None, *, !minor=False, **kwargs") { ax, a in try yticks(ax, a, "yticks") },
        AxesCall(axes: "set_xticklabels", pyplot: nil, "labels, *, !minor=False, !fontdict=None, **kwargs") { ax, a in
            let props = try ArtistKeywords(a.extraKeywords, .text, call: "set_xticklabels", drawn: ["rotation"])
            let labels = try tickLabels(a["labels"])
            let values = ax.xticks?.values ?? ax.ticks().x
            ax.xticks = (Array(values.prefix(labels.count)), Array(labels.prefix(values.count)))
            if let r = props["rotation"] { ax.xTickRotation = try AxesDecorations.rotation(r) }
            return .none
        },
        AxesCall(axes: "set_yticklabels", pyplot: nil, "labels, *, !minor=False, !fontdict=None, **kwargs") { ax, a in
            _ = try ArtistKeywords(a.extraKeywords, .text, call: "set_yticklabels", drawn: [])
            let labels = try tickLabels(a["labels"])
            let values = ax.yticks?.values ?? ax.ticks().y
            ax.yticks = (Array(values.prefix(labels.count)), Array(labels.prefix(values.count)))
            return .none
        },
        AxesCall("tick_params", "axis='both', **kwargs") { ax, a in
            let which = try a["axis"].string("axis")
            guard ["x", "y", "both"].contains(which) else { throw ScriptError.value("'\(which)' is not a valid value for axis; supported values are 'x', 'y', 'both'") }
            for (name, value) in a.extraKeywords {
                if name == "labelrotation", which != "y" {
                    if which == "both" { throw ScriptError.notImplemented("tick_params: labelrotation on the y axis is not supported yet; pass axis='x'") }
                    ax.xTickRotation = try AxesDecorations.rotation(value)
                } else if tickParameters.contains(name) {
                    throw ScriptError.notImplemented("tick_params: \(name) is not supported yet")
                } else {
                    let hint = Suggest.closest(to: name, in: tickParameters).map { "; did you mean '\($0)'?" } ?? ""
                    throw ScriptError.value("keyword \(name) is not recognized; valid keywords are \(tickParameters)\(hint)")
                }
            }
            return .none
        },
        AxesCall("legend", "*args, **kwargs", legend),
        AxesCall("grid", "visible=None, !which='major', !axis='both', **kwargs") { ax, a in
            _ = try ArtistKeywords(a.extraKeywords, .line, call: "grid", drawn: [])
            ax.grid = try a.optional("visible")?.bool("visible") ?? true
            return .none
        },
    ]

    /// What `tick_params` takes in matplotlib.
    static let tickParameters = ["size", "width", "color", "tickdir", "pad", "labelsize", "labelcolor", "labelfontfamily", "zorder",
                                 "gridOn", "tick1On", "tick2On", "label1On", "label2On", "length", "direction", "left", "bottom",
                                 "right", "top", "labelleft", "labelbottom", "labelright", "labeltop", "labelrotation",
                                 "labelrotation_mode", "which", "reset", "grid_color", "grid_alpha", "grid_linewidth", "grid_linestyle"]

    /// What `legend` takes in matplotlib besides its handles and labels.
    static let legendParameters = ["loc", "bbox_to_anchor", "ncols", "ncol", "prop", "fontsize", "labelcolor", "numpoints",
                                   "scatterpoints", "scatteryoffsets", "markerscale", "markerfirst", "reverse", "frameon",
                                   "fancybox", "shadow", "framealpha", "facecolor", "edgecolor", "mode", "bbox_transform", "title",
                                   "title_fontsize", "title_fontproperties", "alignment", "borderpad", "labelspacing", "handlelength",
                                   "handleheight", "handletextpad", "borderaxespad", "columnspacing", "draggable", "handler_map",
                                   "handles", "labels"]

    static func label(_ a: BoundArguments, _ name: String, _ call: String) throws -> String {
        _ = try ArtistKeywords(a.extraKeywords, .text, call: call, drawn: [])
        return try a[name].string(name)
    }

    static func scale(_ a: BoundArguments, _ call: String) throws -> Scale {
        try refuseKeywords(a.extraKeywords, call: call)
        let name = try a["value"].string("value")
        guard let s = Scale(rawValue: name) else {
            throw ScriptError.value("'\(name)' is not a valid value for scale; supported values are 'linear', 'log'")
        }
        return s
    }

    static func tickLabels(_ v: Value) throws -> [String] {
        try v.sequence("labels").map { item -> String in
            if case .string(let s) = item { return s }
            return item.shortDescription
        }
    }

    static func ticks(_ a: BoundArguments) throws -> (values: [Double], labels: [String]?)? {
        guard let t = a.optional("ticks") else {
            if a.optional("labels") != nil { throw ScriptError.type("Parameter 'labels' can't be set without setting 'ticks'") }
            return nil
        }
        return (try M.numbers(t), try a.optional("labels").map(tickLabels))
    }

    static func xticks(_ ax: Axes, _ a: BoundArguments, _ call: String) throws -> Value {
        let props = try ArtistKeywords(a.extraKeywords, .text, call: call, drawn: ["rotation"])
        if let r = props["rotation"] { ax.xTickRotation = try AxesDecorations.rotation(r) }
        if let t = try ticks(a) { ax.xticks = t }
        return .none
    }

    static func yticks(_ ax: Axes, _ a: BoundArguments, _ call: String) throws -> Value {
        _ = try ArtistKeywords(a.extraKeywords, .text, call: call, drawn: [])
        if let t = try ticks(a) { ax.yticks = t }
        return .none
    }

    /// matplotlib's font size names, as multiples of its default 10 pt (`font_scalings`).
    static let fontScalings: KeyValuePairs = ["xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0, "large": 1.2,
                                              "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833]

    /// A `fontsize` in points: a number, or one of matplotlib's size names. Like matplotlib, sizes
    /// below 1 pt are drawn at 1 pt.
    static func fontSize(_ v: Value) throws -> Double {
        guard case .string(let name) = v else { return max(try v.double("fontsize"), 1) }
        guard let scale = fontScalings.first(where: { $0.key == name })?.value else {
            let names = fontScalings.map(\.key).joined(separator: ", ")
            throw ScriptError.value("Size is invalid. Valid font size are \(names), None")
        }
        return 10 * scale
    }

    /// `legend()`, `legend(labels)`, `legend(handles, labels)`, `legend(loc=...)`, `legend(fontsize=...)`.
    static func legend(_ ax: Axes, _ a: BoundArguments) throws -> Value {
        var keywords: [String: Value] = [:]
        for (name, value) in a.extraKeywords {
            if ["loc", "labels", "fontsize"].contains(name) {
                keywords[name] = value
            } else if legendParameters.contains(name) {
                throw ScriptError.notImplemented("legend: \(name) is not supported yet")
            } else {
                let hint = Suggest.closest(to: name, in: legendParameters).map { "; did you mean '\($0)'?" } ?? ""
                throw ScriptError.type("Legend.__init__() got an unexpected keyword argument '\(name)'\(hint)")
            }
        }
        let p = a.extraPositional
        guard p.count <= 2 else { throw ScriptError.type("legend() takes labels, or handles and labels; pass loc= by keyword") }
        let size = try keywords["fontsize"].flatMap { $0.isNone ? nil : try fontSize($0) } ?? 10
        if p.count == 1, case .string(let loc) = p[0], keywords["loc"] == nil, keywords["labels"] == nil {
            ax.legend(location: loc, fontSize: size)
            return .none
        }
        let loc = try AxesDecorations.legendLocation(keywords["loc"])
        guard loc == "best" || FigureRendererNames.locations.contains(loc) else {
            var m = "'\(loc)' is not a valid value for loc"
            if let sug = Suggest.closest(to: loc, in: FigureRendererNames.locations) { m += "; did you mean '\(sug)'?" }
            throw ScriptError.value(m)
        }
        if let labels = keywords["labels"] ?? p.last, case .list = labels {
            ax.relabel(try labels.sequence("labels").map { try $0.string("labels") })
        }
        ax.legend(location: loc, fontSize: size)
        return .none
    }
}
