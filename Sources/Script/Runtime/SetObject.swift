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

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "add":
            return .object(BuiltinFunction("add") { args, _ in
                guard let v = args.positional.first else { throw ScriptError.type("add() takes exactly one argument") }
                try self.insert(v)
                return .none
            })
        case "union", "intersection", "difference":
            return .object(BuiltinFunction(name) { args, ctx in
                guard let other = args.positional.first else { throw ScriptError.type("\(name)() takes one argument") }
                let otherSet = try SetObject(try self.interpreter.iterate(other), interpreter: self.interpreter)
                let result: [Value]
                switch name {
                case "union": result = self.items + otherSet.items
                case "intersection": result = try self.items.filter { try otherSet.contains($0) }
                default: result = try self.items.filter { try !otherSet.contains($0) }
                }
                return .object(try SetObject(result, interpreter: self.interpreter))
            })
        default: return nil
        }
    }

    var attributeNames: [String] { ["add", "union", "intersection", "difference"] }

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
