/// Python's equality, ordering, identity and membership.
extension Interpreter {
    func equal(_ a: Value, _ b: Value) throws -> Bool {
        compareDepth += 1
        defer { compareDepth -= 1 }
        if compareDepth > Interpreter.maxDepth { throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded in comparison") }
        try checkStack(" in comparison")
        if let x = number(a), let y = number(b) {
            if case .bool(let r) = try arithmetic(.equal, x, y) { return r }
        }
        switch (a, b) {
        case (.none, .none): return true
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return try sequenceEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceEqual(x, y)
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let w = try y.get(k), try equal(v, w) else { return false }
            }
            return true
        case (.object(let o), _):
            if let r = try o.binary(.equal, b, reflected: false) { return try isTrue(r) }
            if case .object(let p) = b { return o === p }
            return false
        case (_, .object(let o)):
            if let r = try o.binary(.equal, a, reflected: true) { return try isTrue(r) }
            return false
        default: return false
        }
    }

    /// Items compare as Python's lists do: the same object is equal to itself without a look
    /// inside (so a list that contains itself equals itself).
    private func sequenceEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where try !Self.identical(p, q) && !equal(p, q) { return false }
        return true
    }

    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    func order(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Bool {
        let c = try compareValues(a, b, op)
        switch op {
        case .less: return c < 0
        case .lessEqual: return c <= 0
        case .greater: return c > 0
        default: return c >= 0
        }
    }

    /// -1, 0 or 1 for values Python can order (numbers, strings, lists and tuples).
    func compareValues(_ a: Value, _ b: Value, _ op: BinaryOperator = .less) throws -> Int {
        if let x = number(a), let y = number(b) {
            if case .bool(true) = try arithmetic(.less, x, y) { return -1 }
            if case .bool(true) = try arithmetic(.greater, x, y) { return 1 }
            return 0
        }
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.list(let x), .list(let y)): return try compareSequences(x.items, y.items, op)
        case (.tuple(let x), .tuple(let y)): return try compareSequences(x, y, op)
        case (.object(let o), _):
            if let r = try o.binary(.less, b, reflected: false) { return try isTrue(r) ? -1 : (try isTrue(try binary(.greater, a, b)) ? 1 : 0) }
        case (_, .object(let o)):
            if let r = try o.binary(.greater, a, reflected: true) { return try isTrue(r) ? -1 : (try isTrue(try binary(.greater, a, b)) ? 1 : 0) }
        default: break
        }
        throw ScriptError.type("'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
    }

    private func compareSequences(_ x: [Value], _ y: [Value], _ op: BinaryOperator) throws -> Int {
        for (p, q) in zip(x, y) {
            if try equal(p, q) { continue }
            return try compareValues(p, q, op)
        }
        return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
    }

    func compare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .eq: return try binaryCompare(.equal, a, b)
        case .ne: return try binaryCompare(.notEqual, a, b)
        case .lt: return try binaryCompare(.less, a, b)
        case .le: return try binaryCompare(.lessEqual, a, b)
        case .gt: return try binaryCompare(.greater, a, b)
        case .ge: return try binaryCompare(.greaterEqual, a, b)
        case .isOp: return .bool(identical(a, b))
        case .isNot: return .bool(!identical(a, b))
        case .inOp: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        }
    }

    private func binaryCompare(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .object = a { return try binary(op, a, b) }
        if case .object = b { return try binary(op, a, b) }
        switch op {
        case .equal: return .bool(try equal(a, b))
        case .notEqual: return .bool(!(try equal(a, b)))
        default: return .bool(try order(op, a, b))
        }
    }

    func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let sub) = item else { throw ScriptError.type("'in <string>' requires string as left operand, not \(typeName(item))") }
            return sub.isEmpty || s.contains(sub)
        case .dict(let d): return try d.get(item) != nil
        case .object(let o as SetObject): return try o.contains(item)
        default:
            for v in try iterate(container) where try equal(v, item) { return true }
            return false
        }
    }
}
