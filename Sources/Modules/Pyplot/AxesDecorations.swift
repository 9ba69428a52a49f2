import Foundation
import Plot
import Script

/// The axes calls beyond the basic plot kinds: twin axes, steps, annotations, axis modes,
/// limits read back, tick label rotation, and the colormap/mappable objects behind colorbars.
enum AxesDecorations {
    typealias Method = AxesMethods.Method

    static let methods: [String: Method] = [
        "twinx": { ax, _ in .object(AxesObject(ax.twinx())) },
        "step": { ax, args in
            let s = try args.bind("step", ["x", "y", "fmt", "where", "label", "color", "linestyle", "linewidth", "c", "ls", "lw"], required: 2)
            var style = LineStyle.solid
            var color = try AxesMethods.colorArgument(s.value(5) ?? s.value(8))
            if let fmt = try s.value(2)?.string("fmt") {
                let parsed = try FormatString.parse(fmt)
                style = parsed.style ?? .solid
                color = color ?? parsed.color
            }
            if let ls = try (s.value(6) ?? s.value(9))?.string("linestyle") { style = try FormatString.lineStyle(ls) }
            do {
                try ax.step(x: try AxesMethods.numbers(s[0] ?? .none), y: try AxesMethods.numbers(s[1] ?? .none),
                            where: try s.value(3)?.string("where") ?? "pre", label: try s.value(4)?.string("label"), color: color,
                            lineStyle: style, lineWidth: try (s.value(7) ?? s.value(10))?.double("linewidth") ?? 1.5)
            } catch let e as PlotError {
                throw ScriptError.value(e.description)
            }
            return .none
        },
        "annotate": { ax, args in
            let s = try args.bind("annotate", ["text", "xy", "xytext", "arrowprops", "fontsize", "color", "xycoords", "textcoords",
                                               "ha", "va", "horizontalalignment", "verticalalignment", "s", "size"], required: 1)
            let text = try (s[0] ?? s.value(12) ?? .none).string("text")
            guard let xyValue = s.value(1) else { throw ScriptError.type("annotate() missing 1 required positional argument: 'xy'") }
            func pair(_ v: Value, _ name: String) throws -> (Double, Double) {
                let p = try v.sequence(name).map { try $0.double(name) }
                guard p.count == 2 else { throw ScriptError.value("\(name) must be a pair (x, y)") }
                return (p[0], p[1])
            }
            for (index, name) in [(6, "xycoords"), (7, "textcoords")] {
                if let c = s.value(index), try c.string(name) != "data" {
                    throw ScriptError.notImplemented("annotate(\(name)=...) supports 'data' coordinates only")
                }
            }
            ax.annotate(text, xy: try pair(xyValue, "xy"), xytext: try s.value(2).map { try pair($0, "xytext") },
                        arrow: s.value(3).map { !$0.isNone } ?? false, color: try AxesMethods.colorArgument(s.value(5)) ?? .black,
                        size: try (s.value(4) ?? s.value(13))?.double("fontsize") ?? 10)
            return .none
        },
        "axis": { ax, args in
            let s = try args.bind("axis", ["arg", "emit"], allowExtraKeywords: true)
            switch s.value(0) {
            case .string(let mode)?:
                switch mode {
                case "off": ax.axisOn = false
                case "on": ax.axisOn = true
                case "equal", "scaled", "square": ax.equalAspect = true
                case "auto", "tight", "normal": ax.equalAspect = false
                default: throw ScriptError.value("Unrecognized string '\(mode)' to axis; try 'on', 'off', 'equal', 'scaled', 'tight', 'auto'")
                }
            case let v? where !v.isNone:
                let l = try v.sequence("axis").map { try $0.double("axis") }
                guard l.count == 4 else { throw ScriptError.type("axis() takes [xmin, xmax, ymin, ymax]") }
                ax.xlim = (l[0], l[1])
                ax.ylim = (l[2], l[3])
            default: break
            }
            let l = ax.computedLimits()
            return .tuple([.float(l.x.0), .float(l.x.1), .float(l.y.0), .float(l.y.1)])
        },
        "set_aspect": { ax, args in
            let s = try args.bind("set_aspect", ["aspect", "adjustable", "anchor"], required: 1)
            switch s[0] ?? .none {
            case .string("equal"): ax.equalAspect = true
            case .string("auto"): ax.equalAspect = false
            case .int(1), .float(1.0): ax.equalAspect = true
            case let v: throw ScriptError.notImplemented("set_aspect supports 'equal' and 'auto'. Received: \(v.shortDescription)")
            }
            return .none
        },
        "invert_yaxis": { ax, _ in ax.yInverted.toggle(); return .none },
        "invert_xaxis": { ax, _ in ax.xInverted.toggle(); return .none },
        "get_xlim": { ax, _ in let l = ax.computedLimits().x; return .tuple([.float(l.0), .float(l.1)]) },
        "get_ylim": { ax, _ in let l = ax.computedLimits().y; return .tuple([.float(l.0), .float(l.1)]) },
        "tick_params": { ax, args in
            let s = try args.bind("tick_params", ["axis", "labelrotation", "rotation"], allowExtraKeywords: true)
            let which = try s.value(0)?.string("axis") ?? "both"
            if let r = s.value(1) ?? s.value(2), which != "y" { ax.xTickRotation = try rotation(r) }
            return .none
        },
        "set_xticklabels": { ax, args in
            let s = try args.bind("set_xticklabels", ["labels", "rotation", "fontdict"], required: 1, allowExtraKeywords: true)
            let labels = try (s[0] ?? .none).sequence("labels").map { v -> String in if case .string(let t) = v { return t }; return v.shortDescription }
            let values = ax.xticks?.values ?? ax.ticks().x
            ax.xticks = (Array(values.prefix(labels.count)), Array(labels.prefix(values.count)))
            if let r = s.value(1) { ax.xTickRotation = try rotation(r) }
            return .none
        },
        "set_yticklabels": { ax, args in
            let s = try args.bind("set_yticklabels", ["labels", "fontdict"], required: 1, allowExtraKeywords: true)
            let labels = try (s[0] ?? .none).sequence("labels").map { v -> String in if case .string(let t) = v { return t }; return v.shortDescription }
            let values = ax.yticks?.values ?? ax.ticks().y
            ax.yticks = (Array(values.prefix(labels.count)), Array(labels.prefix(values.count)))
            return .none
        },
    ]

    /// `rotation=45`, `'vertical'` (90) or `'horizontal'` (0).
    static func rotation(_ v: Value) throws -> Double {
        switch v {
        case .string("vertical"): return 90
        case .string("horizontal"): return 0
        default:
            let degrees = try v.double("rotation")
            guard degrees.isFinite else { throw ScriptError.value("rotation must be a finite number of degrees") }
            return degrees.truncatingRemainder(dividingBy: 360)
        }
    }

    /// A colormap given by name (`'coolwarm'`, `'viridis_r'`) or as `plt.cm.NAME` / `plt.get_cmap(NAME)`.
    static func colormapName(_ v: Value?) throws -> String {
        switch v {
        case nil, .none?: return "viridis"
        case .object(let c as ColormapObject)?: return c.name
        case let other?:
            let name = try other.string("cmap")
            guard Colormap.isKnown(name) else {
                var m = "'\(name)' is not a valid value for cmap; supported values are \(Colormap.names.filter { !$0.hasSuffix("_r") }.joined(separator: ", ")) (and their _r forms)"
                if let s = Suggest.closest(to: name, in: Colormap.names) { m += "; did you mean '\(s)'?" }
                throw ScriptError.value(m)
            }
            return name
        }
    }

    /// `contourf(..., levels=N)`: about N+1 "nice" boundaries spanning the data; or the list given.
    static func levelBoundaries(_ v: Value, values: [Double]) throws -> [Double] {
        let finite = values.filter { $0.isFinite }
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if case .int(let n) = v {
            guard n >= 1, n <= 1000 else { throw ScriptError.value("levels must be between 1 and 1000. Received: \(n)") }
            guard hi > lo else { return [lo - 0.5, lo + 0.5] }
            let bounds = Ticks.covering(lo, hi, count: n + 1)
            return bounds.count >= 2 ? bounds : (0...n).map { lo + Double($0) * (hi - lo) / Double(n) }
        }
        let given = try v.sequence("levels").map { try $0.double("levels") }.sorted()
        guard given.count >= 2 else { throw ScriptError.value("contourf needs at least 2 levels. Received: \(given.count)") }
        return given
    }

    /// `loc='upper left'` or matplotlib's numeric codes 0-10.
    static func legendLocation(_ v: Value?) throws -> String {
        let codes = ["best", "upper right", "upper left", "lower left", "lower right", "right",
                     "center left", "center right", "lower center", "upper center", "center"]
        switch v {
        case nil, .none?: return "best"
        case .int(let k)?:
            guard k >= 0, k < codes.count else { throw ScriptError.value("loc code \(k) is out of range 0-10") }
            return codes[k]
        case let other?: return try other.string("loc")
        }
    }
}

/// What scatter / contourf / pcolormesh / imshow return: the axes and the colour mapping a
/// colorbar would show (nil when the colours were given directly).
final class MappableObject: ScriptObject {
    let axes: Axes
    let mappable: Mappable?
    init(_ axes: Axes, _ mappable: Mappable?) {
        self.axes = axes
        self.mappable = mappable
    }
    var typeName: String { mappable == nil ? "PathCollection" : "ScalarMappable" }
    func repr() -> String { "<matplotlib.collections.\(typeName)>" }
    var attributeNames: [String] { ["cmap", "get_clim"] }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "cmap": return mappable.map { .object(ColormapObject($0.colormap)) }
        case "get_clim": return .object(BuiltinFunction(name) { _, _ in
            guard let m = self.mappable else { return .tuple([.none, .none]) }
            return .tuple([.float(m.low), .float(m.high)])
        })
        default: return nil
        }
    }
}

/// `plt.cm.viridis`, `plt.get_cmap('coolwarm')`: a colormap by name, callable on values in [0, 1]
/// to give RGBA tuples as matplotlib's are.
final class ColormapObject: ScriptObject {
    let name: String
    init(_ name: String) { self.name = name }
    var typeName: String { "Colormap" }
    func repr() -> String { "<matplotlib.colors.Colormap object '\(name)'>" }
    var attributeNames: [String] { ["name"] }
    func attribute(_ attr: String) throws -> Value? { attr == "name" ? .string(name) : nil }
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let s = try args.bind(name, ["X", "alpha"], required: 1)
        func rgba(_ t: Double) -> Value {
            let c = Colormap.color(t, name: name)
            return .tuple([.float(Double(c.r) / 255), .float(Double(c.g) / 255), .float(Double(c.b) / 255), .float(1)])
        }
        switch s[0] ?? .none {
        case .int(let i): return rgba(Double(i) / 255)
        case .float(let t): return rgba(t)
        case let v: return .list(ListStorage(try NDArray.coerce(v).storage.map(rgba)))
        }
    }
}

/// `plt.cm`: every colormap as an attribute.
final class ColormapModule: ScriptObject {
    var typeName: String { "module" }
    func repr() -> String { "<module 'matplotlib.cm'>" }
    var attributeNames: [String] { Colormap.names + ["get_cmap"] }
    func attribute(_ name: String) throws -> Value? {
        if name == "get_cmap" { return .object(PyplotModule.getCmap) }
        return Colormap.isKnown(name) ? .object(ColormapObject(name)) : nil
    }
}
