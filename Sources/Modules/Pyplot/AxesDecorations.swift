import Foundation
import Plot
import Script

/// Twin axes and annotations, and what the colour-mapping calls share: tick label rotation,
/// colormaps by name, contour levels, legend locations, and the mappable and colormap objects.
enum AxesDecorations {
    nonisolated(unsafe) static let calls: [AxesCall] = [
        AxesCall(axes: "twinx", pyplot: nil, "!axes_class=None, *, !delta_zorder=0.0, **kwargs") { ax, a in
            try refuseKeywords(a.extraKeywords, call: "twinx")
            return .object(AxesObject(ax.twinx()))
        },
        AxesCall(axes: nil, pyplot: "twinx", "ax=None") { current, a in
            guard let given = a.optional("ax") else { return .object(AxesObject(current.twinx())) }
            guard case .object(let o as AxesObject) = given else { throw ScriptError.type("twinx() expects Axes. Received: \(given.shortDescription)") }
            return .object(AxesObject(o.axes.twinx()))
        },
        AxesCall("annotate", "text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None, !annotation_clip=None, **kwargs", annotate),
    ]

    /// `annotate(text, xy, xytext=..., arrowprops=dict(arrowstyle='->'))` in data coordinates.
    static func annotate(_ ax: Axes, _ a: BoundArguments) throws -> Value {
        let props = try ArtistKeywords(a.extraKeywords, .annotation, call: "annotate", drawn: ["fontsize", "color"])
        func pair(_ v: Value, _ name: String) throws -> (Double, Double) {
            let p = try v.sequence(name).map { try $0.double(name) }
            guard p.count == 2 else { throw ScriptError.value("\(name) must be a pair (x, y)") }
            return (p[0], p[1])
        }
        try AxesMethods.only(a, "xycoords", in: ["data"], call: "annotate")
        try AxesMethods.only(a, "textcoords", in: ["data"], call: "annotate")
        var arrow = false
        if let given = a.optional("arrowprops") {
            guard case .dict(let d) = given else { throw ScriptError.type("arrowprops expects a dict. Received: \(given.shortDescription)") }
            // The arrow Lectern draws is matplotlib's '->'.
            for (key, value) in zip(d.keys, d.values) {
                guard case .string("arrowstyle") = key, case .string("->") = value else {
                    throw ScriptError.notImplemented("annotate: arrowprops \(key.shortDescription): \(value.shortDescription) is not supported yet (Lectern draws arrowstyle='->')")
                }
            }
            arrow = true
        }
        ax.annotate(try a["text"].string("text"), xy: try pair(a["xy"], "xy"), xytext: try a.optional("xytext").map { try pair($0, "xytext") },
                    arrow: arrow, color: try props.color() ?? .black, size: try props.double("fontsize") ?? 10)
        return .none
    }

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
        case "get_clim": return .object(BuiltinFunction(Signature(name, "")) { _, _ in
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
    static let signature = Signature("Colormap.__call__", "X, !alpha=None, !bytes=False")
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try Self.signature.bind(args)
        func rgba(_ t: Double) -> Value {
            let c = Colormap.color(t, name: name)
            return .tuple([.float(Double(c.r) / 255), .float(Double(c.g) / 255), .float(Double(c.b) / 255), .float(1)])
        }
        switch a["X"] {
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
