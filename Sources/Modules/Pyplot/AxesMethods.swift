import Plot
import Script

/// One drawing call, declared once: its Python signature, the names it has as an Axes method and
/// as a pyplot function (on the current axes), and its body on the axes it draws on.
struct AxesCall {
    let axesName: String?
    let pyplotName: String?
    let declaration: String
    let body: (Axes, BoundArguments) throws -> Value

    /// The same name and signature on an Axes and in pyplot (`plot`, `scatter`, `legend`).
    init(_ name: String, _ declaration: String, _ body: @escaping (Axes, BoundArguments) throws -> Value) {
        self.init(axes: name, pyplot: name, declaration, body)
    }

    /// A call with different names (`set_title` / `title`), or only one of the two (nil).
    init(axes: String?, pyplot: String?, _ declaration: String, _ body: @escaping (Axes, BoundArguments) throws -> Value) {
        axesName = axes
        pyplotName = pyplot
        self.declaration = declaration
        self.body = body
    }
}

/// The drawing calls of `matplotlib.axes.Axes`, shared by `ax.NAME(...)` and `pyplot.NAME(...)`.
enum AxesMethods {
    nonisolated(unsafe) static let calls: [AxesCall] = AxesPlotting.calls + AxesMeshes.calls + AxesLabels.calls + AxesLimits.calls + AxesDecorations.calls

    /// `matplotlib.axes.Axes`'s methods as Lectern has them.
    static let table = MethodTable<Axes>(calls.compactMap { call in
        call.axesName.map { name in Method(name, call.declaration) { ax, a, _ in try call.body(ax, a) } }
    })

    /// The pyplot functions, each on the axes `current` gives when called.
    static func pyplotFunctions(on current: @escaping () -> Axes) -> [(String, Value)] {
        calls.compactMap { call in
            call.pyplotName.map { name in
                (name, .object(BuiltinFunction(Signature(name, call.declaration)) { a, _ in try call.body(current(), a) }))
            }
        }
    }

    static func colorArgument(_ v: Value?, _ what: String = "color") throws -> Color? {
        guard let v, !v.isNone else { return nil }
        let name = try v.string(what)
        guard let c = Color.parse(name) else { throw ScriptError.value("'\(name)' is not a valid color value.") }
        return c
    }

    static func numbers(_ v: Value) throws -> [Double] {
        if case .int(let i) = v { return [Double(i)] }
        if case .float(let d) = v { return [d] }
        return try NDArray.coerce(v).storage
    }

    /// A label argument: None or a string.
    static func label(_ v: Value?) throws -> String? {
        guard let v, !v.isNone else { return nil }
        return try v.string("label")
    }

    /// An argument allowed only at one of a few values Lectern draws as matplotlib does (`origin`
    /// must be 'upper', `shading` 'auto' or 'nearest'); any other is refused by name.
    static func only(_ a: BoundArguments, _ name: String, in accepted: [String], call: String) throws {
        guard let v = a.optional(name) else { return }
        let s = try v.string(name)
        guard accepted.contains(s) else { throw ScriptError.notImplemented("\(call): \(name)='\(s)' is not supported yet (Lectern draws \(accepted.map { "'\($0)'" }.joined(separator: ", ")))") }
    }

    /// A format string's line style, marker and colour, then the `linestyle`, `marker` and `color`
    /// properties over them, as matplotlib applies them.
    static func lineLook(format: String?, _ props: ArtistKeywords) throws -> (style: LineStyle, marker: Marker?, color: Color?) {
        var style: LineStyle = .solid
        var marker: Marker?
        var color = try props.color()
        if let format {
            let parsed = try FormatString.parse(format)
            style = parsed.style ?? (parsed.marker == nil ? .solid : .none)
            marker = parsed.marker
            color = color ?? parsed.color
        }
        if let ls = try props.string("linestyle") { style = try FormatString.lineStyle(ls) }
        if let m = try props.string("marker") { marker = try FormatString.marker(m) }
        return (style, marker, color)
    }
}

/// Legend location names accepted by `legend(loc=...)`.
enum FigureRendererNames {
    static let locations = ["best", "upper right", "upper left", "lower left", "lower right", "right",
                            "center left", "center right", "lower center", "upper center", "center"]
}
