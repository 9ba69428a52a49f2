import Foundation

/// `range(...)`: lazy, so `range(1000000)` costs nothing until iterated.
final class RangeObject: ScriptObject {
    let start: Int, stop: Int, step: Int
    init(start: Int, stop: Int, step: Int) { self.start = start; self.stop = stop; self.step = step }
    /// The number of values, computed without overflow for any Int bounds.
    var count: Int {
        let span = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
        guard span > 0 else { return 0 }
        let n = (span / Double(abs(step))).rounded(.up)
        return n >= Double(Int.max) ? Int.max : Int(n)
    }
    var typeName: String { "range" }
    func iterate() throws -> [Value]? {
        try Limits.check(elements: count, times: 1, bytesEach: Limits.listItemBytes)
        return (0..<count).map { .int(start &+ $0 &* step) }
    }
    func length() throws -> Int? { count }
    func getItem(_ key: Value) throws -> Value? {
        guard case .int(var i) = key else { return nil }
        if i < 0 { i += count }
        guard i >= 0, i < count else { throw ScriptError.index("range object index out of range") }
        return .int(start &+ i &* step)
    }
    func repr() -> String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
}

/// The result of `type(x)` for a built-in value, and a host type such as `np.ndarray` that
/// `isinstance` matches by the name its instances report.
public final class TypeObject: ScriptObject {
    public let name: String
    public init(name: String) { self.name = name }
    public var typeName: String { "type" }
    public func repr() -> String { "<class '\(name)'>" }
    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .equal || op == .notEqual, case .object(let o as TypeObject) = other else { return nil }
        return .bool((o.name == name) == (op == .equal))
    }
    public var attributeNames: [String] { ["__name__"] }
    public func attribute(_ n: String) throws -> Value? { n == "__name__" ? .string(name) : nil }
}

/// `iter(x)`, for `next()`.
final class IteratorObject: ScriptObject {
    var items: [Value]
    var position = 0
    init(_ items: [Value]) { self.items = items }
    var typeName: String { "iterator" }
    func next() -> Value? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
    func iterate() throws -> [Value]? {
        defer { position = items.count }
        return Array(items[position...])
    }
}

/// `super()` inside a method: attribute lookup that starts at the defining class's base.
final class SuperProxy: ScriptObject {
    let start: ClassObject?
    let receiver: Value
    init(start: ClassObject?, receiver: Value) { self.start = start; self.receiver = receiver }
    var typeName: String { "super" }
    func attribute(_ name: String) throws -> Value? {
        guard let m = start?.lookup(name) else {
            // The implicit `object` base: its __init__ takes no arguments and does nothing.
            if name == "__init__" { return .object(BuiltinFunction("__init__") { _, _ in .none }) }
            return nil
        }
        if case .object(let f) = m, f is Function || f is HostMethod { return .object(BoundMethod(function: m, receiver: receiver)) }
        return m
    }
}
