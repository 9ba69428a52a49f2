/// `for` loops. A `range` is walked by counting, never turned into a list, and a plain name
/// target is bound through its cached slot.
extension Interpreter {
    func forLoop(_ target: Expr, _ iterableExpr: Expr, _ body: [Stmt], _ otherwise: [Stmt]?, _ scope: Scope,
                 _ loc: Loc) throws -> Flow {
        let iterable = try eval(iterableExpr, scope)
        if case .object(let r as RangeObject) = iterable {
            var value = r.start
            for _ in 0..<r.count {
                try tick(loc)
                try bind(target, .int(value), scope)
                value &+= r.step
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                case .normal, .continueLoop: continue
                }
            }
        } else {
            let items = try at(iterableExpr.loc) { try iterate(iterable) }
            for item in items {
                try tick(loc)
                try bind(target, item, scope)
                switch try execBlock(body, scope) {
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                case .normal, .continueLoop: continue
                }
            }
        }
        if let otherwise { return try execBlock(otherwise, scope) }
        return .normal
    }

    @inline(__always)
    private func bind(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        if target.tag == .name {
            assignName(target, value, scope)
        } else {
            try assign(target, value, scope)
        }
    }
}
