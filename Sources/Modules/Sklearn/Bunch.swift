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
    var attributeNames: [String] { keys + ["keys", "values", "items", "get"] }

    func value(_ key: String) -> Value? { values[key] }

    private func set(_ key: String, _ value: Value) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
    }

    func attribute(_ name: String) throws -> Value? {
        if let v = values[name] { return v }
        switch name {
        case "keys": return method("keys") { bunch, _ in .list(ListStorage(bunch.keys.map { .string($0) })) }
        case "values": return method("values") { bunch, _ in .list(ListStorage(bunch.keys.compactMap { bunch.values[$0] })) }
        case "items":
            return method("items") { bunch, _ in
                .list(ListStorage(bunch.keys.compactMap { k in bunch.values[k].map { .tuple([.string(k), $0]) } }))
            }
        case "get":
            return method("get") { bunch, args in
                let s = try args.bind("get", ["key", "default"], required: 1)
                guard case .string(let k)? = s[0] else { return s[1] ?? .none }
                return bunch.values[k] ?? s[1] ?? .none
            }
        default: return nil
        }
    }

    private func method(_ name: String, _ body: @escaping (Bunch, Arguments) throws -> Value) -> Value {
        .object(BuiltinFunction(name) { [self] args, _ in try body(self, args) })
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
