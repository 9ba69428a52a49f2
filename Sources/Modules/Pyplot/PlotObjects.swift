import Plot
import Script

/// `ax` objects (from `subplots`, `gca`, `add_subplot`): the methods of `AxesMethods.table`.
final class AxesObject: ScriptObject {
    let axes: Axes
    init(_ axes: Axes) { self.axes = axes }
    var typeName: String { "Axes" }
    func repr() -> String { "<Axes>" }
    static var methods: MethodTable<Axes> { AxesMethods.table }
    var attributeNames: [String] { Self.methods.names }

    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: axes) }
}

/// The axes array `subplots(rows, cols)` returns: index it as `axes[i]`, `axes[i, j]`, iterate it,
/// or flatten it, as NumPy's object array allows.
final class AxesGrid: ScriptObject {
    let rows: Int, cols: Int
    let items: [AxesObject]
    init(rows: Int, cols: Int, items: [AxesObject]) {
        self.rows = rows
        self.cols = cols
        self.items = items
    }
    var typeName: String { "ndarray" }
    var twoDimensional: Bool { rows > 1 && cols > 1 }
    func repr() -> String { "array of \(items.count) Axes" }
    func length() throws -> Int? { twoDimensional ? rows : items.count }

    func iterate() throws -> [Value]? {
        if twoDimensional {
            return (0..<rows).map { r in .object(AxesGrid(rows: 1, cols: cols, items: Array(items[(r * cols)..<((r + 1) * cols)]))) }
        }
        return items.map { .object($0) }
    }

    func getItem(_ key: Value) throws -> Value? {
        func index(_ v: Value, _ n: Int) throws -> Int {
            var i = try v.int("index")
            if i < 0 { i += n }
            guard i >= 0, i < n else { throw ScriptError.index("index \(i) is out of bounds for axis 0 with size \(n)") }
            return i
        }
        if case .tuple(let parts) = key, parts.count == 2 {
            return .object(items[try index(parts[0], rows) * cols + index(parts[1], cols)])
        }
        if twoDimensional { return try iterate()?[try index(key, rows)] }
        return .object(items[try index(key, items.count)])
    }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "flat": return .list(ListStorage(items.map { .object($0) }))
        case "flatten", "ravel":
            // Every order gives the same list of a grid's axes ('C', 'F', 'A', 'K' differ only for 2-D grids read by column).
            return .object(BuiltinFunction(Signature(name, "order='C'")) { a, _ in
                let order = try a["order"].string("order")
                guard ["C", "A", "K"].contains(order) else { throw ScriptError.notImplemented("\(name): order='\(order)' is not supported yet") }
                return .list(ListStorage(self.items.map { .object($0) }))
            })
        case "shape": return twoDimensional ? .tuple([.int(rows), .int(cols)]) : .tuple([.int(items.count)])
        default: return nil
        }
    }
}

/// A figure as the language sees it: the methods of `FigureCalls.table`.
final class FigureObject: ScriptObject {
    let figure: Figure
    unowned let session: LessonSession
    init(_ f: Figure, session: LessonSession) { figure = f; self.session = session }
    var typeName: String { "Figure" }
    func repr() -> String { "<Figure size \(figure.pixelSize.width)x\(figure.pixelSize.height)>" }
    static var methods: MethodTable<FigureObject> { FigureCalls.table }
    var attributeNames: [String] { Self.methods.names }

    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }
}

/// What `colorbar()` returns: `set_label` names the bar.
final class ColorbarObject: ScriptObject {
    let axes: Axes
    init(_ axes: Axes) { self.axes = axes }
    var typeName: String { "Colorbar" }
    func repr() -> String { "<matplotlib.colorbar.Colorbar>" }
    static let methods = MethodTable<ColorbarObject>([
        Method("set_label", "label, *, !loc=None, **kwargs") { bar, a, _ in
            _ = try ArtistKeywords(a.extraKeywords, .text, call: "set_label", drawn: [])
            bar.axes.colorbar?.label = try AxesMethods.label(a["label"])
            return .none
        },
    ])
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }
}
