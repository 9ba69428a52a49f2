/// Reading, binding and deleting variables. Each name node caches the slot it was found in
/// (see `Expr.cachedLayout`), so a loop reads and writes its variables without hashing their names.
extension Interpreter {

    /// The value of the name node `e` (spelled `name`) in `scope`.
    @inline(__always)
    func lookup(_ e: Expr, _ scope: Scope) throws -> Value {
        if e.cachedLayout == scope.layoutID {
            if let v = scope.value(at: e.cachedSlot) { return v }
            // Unbound here: at the top level or one call below it, the global, else the built-in.
            if scope === globalScope || scope.parent === globalScope, e.cachedGlobalSlot >= 0 {
                if let v = globalScope.value(at: e.cachedGlobalSlot) { return v }
                if let b = e.cachedBuiltin { return b }
            }
        }
        return try lookupSlow(e, scope)
    }

    /// The full search (local, enclosing, global, built-in), remembering where the name lives.
    private func lookupSlow(_ e: Expr, _ scope: Scope) throws -> Value {
        guard case .name(let name) = e.kind else { return try eval(e, scope) }
        let v = try lookup(name, scope, e.loc)
        e.remember(layout: scope.layout, slot: scope.layout.reserve(name),
                   globalSlot: globalScope.layout.reserve(name), builtin: builtins[name])
        return v
    }

    func lookup(_ name: String, _ scope: Scope, _ loc: Loc) throws -> Value {
        var s: Scope? = scope
        if scope.globalNames.contains(name) { s = globalScope }
        while let sc = s {
            if let v = sc[name] { return v }
            s = sc.parent
        }
        if scope !== globalScope, let v = globalScope[name] { return v }
        if let v = builtins[name] { return v }
        var candidates = globalScope.boundNames + Array(builtins.keys)
        var c: Scope? = scope
        while let sc = c, sc !== globalScope { candidates += sc.boundNames; c = sc.parent }
        let hint = Suggest.closest(to: name, in: candidates).map { "; did you mean '\($0)'?" }
        throw located(exceptionError("NameError", "name '\(name)' is not defined", hint: hint), loc)
    }

    /// Binds the name node `target` in `scope`.
    @inline(__always)
    func assignName(_ target: Expr, _ value: Value, _ scope: Scope) {
        if target.cachedLayout == scope.layoutID, !scope.redirects {
            scope.set(value, at: target.cachedSlot)
            return
        }
        assignNameSlow(target, value, scope)
    }

    private func assignNameSlow(_ target: Expr, _ value: Value, _ scope: Scope) {
        guard case .name(let name) = target.kind else { return }
        setVariable(name, value, scope)
        if !scope.redirects {
            target.remember(layout: scope.layout, slot: scope.layout.reserve(name))
        }
    }

    func setVariable(_ name: String, _ value: Value, _ scope: Scope) {
        if scope.globalNames.contains(name) { globalScope[name] = value; return }
        if scope.nonlocalNames.contains(name) {
            var s = scope.parent
            while let sc = s {
                if sc[name] != nil { sc[name] = value; return }
                s = sc.parent
            }
        }
        scope[name] = value
    }

    func assign(_ target: Expr, _ value: Value, _ scope: Scope) throws {
        switch target.kind {
        case .name:
            assignName(target, value, scope)
        case .tuple(let items), .list(let items):
            let values = try at(target.loc) { try iterate(value) }
            if let star = items.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
                let after = items.count - star - 1
                guard values.count >= items.count - 1 else {
                    throw located(ScriptError.value("not enough values to unpack (expected at least \(items.count - 1), got \(values.count))"), target.loc)
                }
                for k in 0..<star { try assign(items[k], values[k], scope) }
                if case .starred(let inner) = items[star].kind {
                    try assign(inner, .list(ListStorage(Array(values[star..<(values.count - after)]))), scope)
                }
                for k in 0..<after { try assign(items[star + 1 + k], values[values.count - after + k], scope) }
                return
            }
            guard values.count == items.count else {
                let message = values.count > items.count
                    ? "too many values to unpack (expected \(items.count))"
                    : "not enough values to unpack (expected \(items.count), got \(values.count))"
                throw located(ScriptError.value(message), target.loc)
            }
            for (t, v) in zip(items, values) { try assign(t, v, scope) }
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            try at(target.loc) { try setAttribute(obj, name, value) }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            try at(target.loc) { try setItem(obj, key, value) }
        case .starred:
            throw located(ScriptError(kind: "SyntaxError", message: "starred assignment target must be in a list or tuple"), target.loc)
        default:
            throw located(ScriptError(kind: "SyntaxError", message: "cannot assign to expression"), target.loc)
        }
    }

    func augmented(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ scope: Scope, _ loc: Loc) throws {
        switch target.kind {
        case .name:
            let current = try lookup(target, scope)
            try augmentName(target, op, current, try eval(valueExpr, scope), scope, loc)
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr, scope)
            let current = try at(target.loc) { try getAttribute(obj, name) }
            let rhs = try eval(valueExpr, scope)
            try at(loc) { try setAttribute(obj, name, try binary(op, current, rhs)) }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            let current = try at(target.loc) { try getItem(obj, key) }
            let rhs = try eval(valueExpr, scope)
            try at(loc) { try setItem(obj, key, try binary(op, current, rhs)) }
        default:
            throw located(ScriptError(kind: "SyntaxError", message: "illegal expression for augmented assignment"), target.loc)
        }
    }

    /// `name op= rhs` once both sides are known: a list extends in place, as in Python.
    func augmentName(_ target: Expr, _ op: BinaryOperator, _ current: Value, _ rhs: Value, _ scope: Scope, _ loc: Loc) throws {
        if case .list(let l) = current, op == .add {
            l.items += try at(loc) { try iterate(rhs) }
            return
        }
        assignName(target, try at(loc) { try binary(op, current, rhs) }, scope)
    }

    func delete(_ target: Expr, _ scope: Scope) throws {
        switch target.kind {
        case .name(let n):
            if scope.removeValue(n) == nil && globalScope.removeValue(n) == nil {
                throw located(ScriptError.name("name '\(n)' is not defined"), target.loc)
            }
        case .item(let objExpr, let keyExpr):
            let obj = try eval(objExpr, scope)
            let key = try eval(keyExpr, scope)
            try at(target.loc) {
                switch obj {
                case .list(let l):
                    if case .object(let s as SliceObject) = key {
                        let idx = Set(try s.indices(count: l.items.count))
                        l.items = l.items.enumerated().filter { !idx.contains($0.offset) }.map(\.element)
                    } else {
                        let i = try normalizeIndex(key, l.items.count, "list")
                        l.items.remove(at: i)
                    }
                case .dict(let d):
                    if try d.remove(key) == nil { throw keyError(key) }
                default:
                    throw ScriptError.type("'\(typeName(obj))' object does not support item deletion")
                }
            }
        case .tuple(let items), .list(let items):
            for i in items { try delete(i, scope) }
        case .attribute:
            throw located(ScriptError.notImplemented("deleting attributes is not supported"), target.loc)
        default:
            throw located(ScriptError(kind: "SyntaxError", message: "cannot delete expression"), target.loc)
        }
    }
}
