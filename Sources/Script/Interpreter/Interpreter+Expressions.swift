/// Evaluating expressions.
extension Interpreter {
    func eval(_ e: Expr, _ scope: Scope) throws -> Value {
        try checkStack(" while evaluating an expression")
        switch e.tag {
        case .name:
            return try lookup(e, scope)
        case .constant:
            return e.constant
        case .binary:
            let a = try e.leftRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
            let b = try e.rightRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
            if case .int(let x) = a, case .int(let y) = b, let v = intBinary(e.op, x, y) { return v }
            return try at(e.loc) { try binary(e.op, a, b) }
        case .compare:
            let a = try e.leftRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
            let b = try e.rightRef.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, scope) }
            if case .int(let x) = a, case .int(let y) = b, let r = intCompare(e.compareOp, x, y) { return .bool(r) }
            return try at(e.right.unsafelyUnwrapped.loc) { try compare(e.compareOp, a, b) }
        case .other:
            return try evalOther(e, scope)
        }
    }

    private func evalOther(_ e: Expr, _ scope: Scope) throws -> Value {
        switch e.kind {
        case .name:
            return try lookup(e, scope)
        case .constant(let v):
            return v
        case .fstring(let parts):
            return .string(try formatParts(parts, scope))
        case .list(let items):
            return .list(ListStorage(try evalItems(items, scope)))
        case .tuple(let items):
            return .tuple(try evalItems(items, scope))
        case .set(let items):
            return .object(try SetObject(try evalItems(items, scope), interpreter: self))
        case .dict(let pairs):
            let d = DictStorage()
            for (k, v) in pairs {
                if let k {
                    let key = try eval(k, scope)
                    let value = try eval(v, scope)
                    try at(k.loc) { try d.set(key, value) }
                } else {
                    guard case .dict(let other) = try eval(v, scope) else {
                        throw located(ScriptError.type("'**' needs a mapping"), v.loc)
                    }
                    for (ok, ov) in zip(other.keys, other.values) { try d.set(ok, ov) }
                }
            }
            return .dict(d)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            return try at(e.loc) { try getAttribute(obj, name) }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            return try at(e.loc) { try getItem(obj, key) }
        case .slice(let a, let b, let c):
            return .object(SliceObject(start: try a.map { try eval($0, scope) }, stop: try b.map { try eval($0, scope) },
                                       step: try c.map { try eval($0, scope) }))
        case .call(let calleeExpr, let argExprs):
            // A built-in value's method (`l.append(x)`) runs straight from its table, with no
            // bound-method object made for the call.
            var pending: PendingMethod?
            let callee: Value
            if case .attribute(let objExpr, let name) = calleeExpr.kind {
                let obj = try eval(objExpr, scope)
                pending = PendingMethod(obj, name)
                callee = pending == nil ? try at(calleeExpr.loc) { try getAttribute(obj, name) } : .none
            } else {
                callee = try eval(calleeExpr, scope)
            }
            var args = Arguments()
            args.positional.reserveCapacity(argExprs.count)
            for a in argExprs {
                switch a.kind {
                case .positional: args.positional.append(try eval(a.value, scope))
                case .keyword(let n): args.keywords.append((n, try eval(a.value, scope)))
                case .star:
                    let v = try eval(a.value, scope)
                    args.positional += try at(a.value.loc) { try iterate(v) }
                case .doubleStar:
                    guard case .dict(let d) = try eval(a.value, scope) else {
                        throw located(ScriptError.type("argument after ** must be a mapping"), a.value.loc)
                    }
                    for (k, v) in zip(d.keys, d.values) {
                        guard case .string(let name) = k else { throw located(ScriptError.type("keywords must be strings"), a.value.loc) }
                        args.keywords.append((name, v))
                    }
                }
            }
            if let pending { return try at(calleeExpr.loc) { try pending.call(args, self) } }
            return try at(calleeExpr.loc) { try call(callee, args) }
        case .binary(let op, let l, let r):
            let a = try eval(l, scope)
            let b = try eval(r, scope)
            if case .int(let x) = a, case .int(let y) = b, let v = intBinary(op, x, y) { return v }
            return try at(e.loc) { try binary(op, a, b) }
        case .unary(let op, let operand):
            let v = try eval(operand, scope)
            return try at(e.loc) { try unary(op, v) }
        case .not(let operand):
            return .bool(!(try truth(try eval(operand, scope), operand.loc)))
        case .and(let l, let r):
            let a = try eval(l, scope)
            return try truth(a, l.loc) ? try eval(r, scope) : a
        case .or(let l, let r):
            let a = try eval(l, scope)
            return try truth(a, l.loc) ? a : try eval(r, scope)
        case .compare(let first, let rest):
            var left = try eval(first, scope)
            var result: Value = .bool(true)
            for (op, rightExpr) in rest {
                let right = try eval(rightExpr, scope)
                if case .int(let x) = left, case .int(let y) = right, let r = intCompare(op, x, y) {
                    result = .bool(r)
                } else {
                    result = try at(rightExpr.loc) { try compare(op, left, right) }
                }
                // Element-wise comparisons of arrays return arrays; a chain stops at a false.
                if case .bool(false) = result { return result }
                left = right
            }
            return result
        case .conditional(let test, let then, let otherwise):
            return try truth(try eval(test, scope), test.loc) ? try eval(then, scope) : try eval(otherwise, scope)
        case .lambda(let params, let body):
            if e.ownLayout == nil { e.ownLayout = ScopeLayout(parameters: params) }
            let layout = e.ownLayout ?? ScopeLayout(parameters: params)
            return .object(try makeFunction(name: "<lambda>", parameters: params, body: [], expression: body, scope: scope,
                                            layout: layout, loc: e.loc))
        case .comprehension(let kind, let clauses):
            if e.ownLayout == nil { e.ownLayout = ScopeLayout() }
            return try comprehension(kind, clauses, scope, e.ownLayout ?? ScopeLayout(), e.loc)
        case .starred:
            throw located(ScriptError(kind: "SyntaxError", message: "can't use starred expression here"), e.loc)
        }
    }

    func evalItems(_ items: [Expr], _ scope: Scope) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                let v = try eval(inner, scope)
                out += try at(inner.loc) { try iterate(v) }
            } else {
                out.append(try eval(item, scope))
            }
        }
        return out
    }

    func comprehension(_ kind: ComprehensionKind, _ clauses: [Clause], _ outer: Scope, _ layout: ScopeLayout,
                       _ loc: Loc) throws -> Value {
        // Comprehension variables live in their own scope, as in Python 3.
        let scope = Scope(parent: outer, layout: layout)
        scope.globalNames = outer === globalScope ? [] : outer.globalNames
        var results: [Value] = []
        let dict = DictStorage()
        func produce() throws {
            switch kind {
            case .list(let e), .set(let e), .generator(let e): results.append(try eval(e, scope))
            case .dict(let k, let v):
                let key = try eval(k, scope)
                try dict.set(key, try eval(v, scope))
            }
        }
        func run(_ index: Int) throws {
            if index == clauses.count { try produce(); return }
            switch clauses[index] {
            case .forIn(let target, let iterableExpr):
                let iterable = try eval(iterableExpr, index == 0 ? outer : scope)
                for item in try at(iterableExpr.loc, { try iterate(iterable) }) {
                    try tick(loc)
                    try assign(target, item, scope)
                    try run(index + 1)
                }
            case .ifCond(let cond):
                if try truth(try eval(cond, scope), cond.loc) { try run(index + 1) }
            }
        }
        try run(0)
        switch kind {
        case .list, .generator: return .list(ListStorage(results))
        case .set: return .object(try SetObject(results, interpreter: self))
        case .dict: return .dict(dict)
        }
    }

    func truth(_ v: Value, _ loc: Loc) throws -> Bool {
        try at(loc) { try isTrue(v) }
    }
}
