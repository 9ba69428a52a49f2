/// A Python set: insertion-ordered here, so printing is deterministic.
final class SetObject: ScriptObject {
    var items: [Value] = []
    var keys: Set<HashKey> = []
    unowned let interpreter: Interpreter

    init(_ values: [Value], interpreter: Interpreter) throws {
        self.interpreter = interpreter
        for v in values { try insert(v) }
    }

    func insert(_ v: Value) throws {
        let k = try HashKey(v)
        if keys.insert(k).inserted { items.append(v) }
    }

    func contains(_ v: Value) throws -> Bool { keys.contains(try HashKey(v)) }

    var typeName: String { "set" }
    func iterate() throws -> [Value]? { items }
    func length() throws -> Int? { items.count }
    func truth() throws -> Bool? { !items.isEmpty }
    func repr() -> String { items.isEmpty ? "set()" : "{" + items.map { interpreter.repr($0) }.joined(separator: ", ") + "}" }

    /// Removes `v`; whether it was there.
    func remove(_ v: Value) throws -> Bool {
        let k = try HashKey(v)
        guard keys.remove(k) != nil else { return false }
        if let i = try items.firstIndex(where: { try HashKey($0) == k }) { items.remove(at: i) }
        return true
    }

    func removeAll() {
        items = []
        keys = []
    }

    func attribute(_ name: String) throws -> Value? { BuiltinMethod.bound(name, in: SetObject.index, to: self) }

    var attributeNames: [String] { SetObject.table.names }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard case .object(let o as SetObject) = other else { return nil }
        switch op {
        case .equal, .notEqual:
            let same = keys == o.keys
            return .bool(op == .equal ? same : !same)
        case .bitOr: return .object(try SetObject(items + o.items, interpreter: interpreter))
        case .bitAnd: return .object(try SetObject(try items.filter { try o.contains($0) }, interpreter: interpreter))
        case .subtract: return .object(try SetObject(try (reflected ? o.items : items).filter { try !(reflected ? self : o).contains($0) }, interpreter: interpreter))
        default: return nil
        }
    }
}
