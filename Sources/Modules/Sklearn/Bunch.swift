import Script

/// scikit-learn's `Bunch`: a dict whose keys are also attributes (`iris.data`, `iris['data']`),
/// in insertion order, printed as a dict.
final class Bunch: ScriptObject {
    private(set) var keys: [String]
    private var values: [String: Value]

    init(_ pairs: [(String, Value)]) {
        keys = pairs.map(\.0)
        values = Dictionary(pairs, uniquingKeysWith: { _, b in b })
    }

    var typeName: String { "Bunch" }
    var attributeNames: [String] { keys + Self.methods.names }

    func value(_ key: String) -> Value? { values[key] }

    private func set(_ key: String, _ value: Value) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
    }

    /// dict's methods a lesson reads a bunch with.
    static let methods = MethodTable<Bunch>([
        Method("keys", "") { bunch, _, _ in .list(ListStorage(bunch.keys.map { .string($0) })) },
        Method("values", "") { bunch, _, _ in .list(ListStorage(bunch.keys.compactMap { bunch.values[$0] })) },
        Method("items", "") { bunch, _, _ in
            .list(ListStorage(bunch.keys.compactMap { k in bunch.values[k].map { .tuple([.string(k), $0]) } }))
        },
        Method("get", "key, default=None, /") { bunch, a, _ in
            guard case .string(let k) = a["key"] else { return a["default"] }
            return bunch.values[k] ?? a["default"]
        },
    ])

    func attribute(_ name: String) throws -> Value? {
        if let v = values[name] { return v }
        return Self.methods.bound(name, to: self)
    }

    func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        set(name, value)
        return true
    }

    func getItem(_ key: Value) throws -> Value? {
        guard case .string(let k) = key, let v = values[k] else {
            throw ScriptError.key(key.shortDescription)
        }
        return v
    }

    func setItem(_ key: Value, _ value: Value) throws -> Bool {
        guard case .string(let k) = key else { throw ScriptError.type("Bunch keys are strings. Received: \(key.shortDescription)") }
        set(k, value)
        return true
    }

    func iterate() throws -> [Value]? { keys.map { .string($0) } }
    func length() throws -> Int? { keys.count }

    func repr() -> String {
        "{" + keys.map { k in StringArray.quote(k) + ": " + Self.repr(values[k] ?? .none) }.joined(separator: ", ") + "}"
    }

    /// The repr of the values a loader puts in a bunch.
    static func repr(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .string(let s): return StringArray.quote(s)
        case .list(let l): return "[" + l.items.map(repr).joined(separator: ", ") + "]"
        case .tuple(let t): return "(" + t.map(repr).joined(separator: ", ") + (t.count == 1 ? ",)" : ")")
        case .dict: return "{...}"
        case .object(let o): return o.repr()
        }
    }
}
