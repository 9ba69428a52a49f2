/// `a:b:c` inside a subscript. Hosts read `start`, `stop` and `step` (nil when omitted).
public final class SliceObject: ScriptObject {
    public let start: Value?
    public let stop: Value?
    public let step: Value?

    public init(start: Value?, stop: Value?, step: Value?) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var typeName: String { "slice" }

    public func repr() -> String {
        func r(_ v: Value?) -> String {
            switch v {
            case .int(let i)?: return String(i)
            case nil, .none?: return "None"
            default: return "..."
            }
        }
        return "slice(\(r(start)), \(r(stop)), \(r(step)))"
    }

    static func intValue(_ v: Value?) throws -> Int? {
        switch v {
        case nil, .none?: return nil
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        case .object(let o)?:
            if let d = try o.toFloat(), let exact = Int(exactly: d) { return exact }
        default: break
        }
        throw ScriptError.type("slice indices must be integers or None")
    }

    /// The indices this slice selects from a sequence of `count` items, with Python's rules.
    public func indices(count: Int) throws -> [Int] {
        let step = try SliceObject.intValue(self.step) ?? 1
        guard step != 0 else { throw ScriptError.value("slice step cannot be zero") }
        func bound(_ v: Value?, _ dflt: Int) throws -> Int {
            guard var i = try SliceObject.intValue(v) else { return dflt }
            if i < 0 { i += count }
            return step > 0 ? min(max(i, 0), count) : min(max(i, -1), count - 1)
        }
        let start = try bound(self.start, step > 0 ? 0 : count - 1)
        let stop = try bound(self.stop, step > 0 ? count : -1)
        return Array(Swift.stride(from: start, to: stop, by: step))
    }
}

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
