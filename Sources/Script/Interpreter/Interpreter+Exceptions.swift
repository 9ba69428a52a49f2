import Foundation

/// `raise`, `try`/`except`/`finally` and the exception values `except E as e` binds: their
/// `args`, `__cause__` (`raise X from Y`) and `__context__` (raised while handling another).
extension Interpreter {

    func raise(_ e: Expr?, cause: Expr?, _ scope: Scope, _ loc: Loc) throws {
        guard let e else {
            // A bare `raise` re-raises the exception being handled, as it was.
            if let current = handling.last { throw current }
            throw located(ScriptError.runtime("No active exception to reraise"), loc)
        }
        let v = try exceptionInstance(try eval(e, scope), loc, "exceptions must derive from BaseException")
        guard case .object(let inst as Instance) = v else { return }
        if let cause {
            let c = try eval(cause, scope)
            if case .none = c {
                inst.fields["__cause__"] = Value.none
            } else {
                inst.fields["__cause__"] = try exceptionInstance(c, cause.loc, "exception causes must derive from BaseException")
            }
            inst.fields["__suppress_context__"] = .bool(true)
        }
        throw located(error(for: inst), loc)
    }

    /// `value` as an exception instance: an instance as it is, a class called with no arguments.
    private func exceptionInstance(_ value: Value, _ loc: Loc, _ complaint: String) throws -> Value {
        var v = value
        if case .object(let c as ClassObject) = v, c.isException { v = try at(loc) { try call(v, Arguments()) } }
        guard case .object(let inst as Instance) = v, inst.cls.isException else {
            throw located(ScriptError.type(complaint), loc)
        }
        return v
    }

    /// The error that carries exception instance `inst` up the Swift stack.
    func error(for inst: Instance) -> ScriptError {
        var err = ScriptError(kind: inst.cls.name, message: inst.str())
        err.payload = .object(inst)
        return err
    }

    /// An error of built-in class `name` whose instance has `args`, as if the lesson raised it.
    func exceptionError(_ name: String, _ args: [Value]) -> ScriptError {
        let inst = Instance(cls: exceptionClass(named: name))
        inst.fields["args"] = .tuple(args)
        return error(for: inst)
    }

    /// An error whose report adds advice (`; did you mean 'x'?`) to Python's own message, while
    /// the exception a handler sees has Python's message alone as `args` and `str(e)`.
    func exceptionError(_ name: String, _ message: String, hint: String?) -> ScriptError {
        var err = exceptionError(name, [.string(message)])
        if let hint { err.message += hint }
        return err
    }

    /// A KeyError for `key`, whose `args` hold the key itself as in Python.
    func keyError(_ key: Value) -> ScriptError { exceptionError("KeyError", [key]) }

    /// The block's deadline ends it whatever its `except` clauses say; every other error,
    /// including a `TimeoutError` the lesson raises itself, can be caught.
    func isCatchable(_ error: ScriptError) -> Bool {
        !(error.kind == "TimeoutError" && error.payload == nil)
    }

    func tryBlock(_ body: [Stmt], _ handlers: [Handler], _ otherwise: [Stmt]?, _ finally: [Stmt]?, _ scope: Scope) throws -> Flow {
        var flow: Flow = .normal
        do {
            var failed = false
            do {
                flow = try execBlock(body, scope)
            } catch let caught as ScriptError where isCatchable(caught) {
                failed = true
                let error = materialized(caught)
                guard let h = try handlers.first(where: { try matches(error, $0, scope) }) else { throw error }
                flow = try handle(error, h, scope)
            }
            if !failed, case .normal = flow, let otherwise { flow = try execBlock(otherwise, scope) }
        } catch {
            // `finally` runs while the error propagates; an error it raises has this one as context.
            let pending = (error as? ScriptError).flatMap { isCatchable($0) ? materialized($0) : nil }
            if let pending { handling.append(pending) }
            defer { if pending != nil { handling.removeLast() } }
            let f: Flow
            do {
                f = try finally.map { try execBlock($0, scope) } ?? .normal
            } catch let inner as ScriptError {
                throw pending.map { chained(inner, context: $0) } ?? inner
            }
            if !isNormal(f) { return f }
            throw pending ?? error
        }
        if let finally, case let f = try execBlock(finally, scope), !isNormal(f) { return f }
        return flow
    }

    /// Runs handler `h` for `error`: binds `as name` for the handler's length (Python unbinds
    /// it afterwards), and makes `error` the context of anything the handler raises.
    private func handle(_ error: ScriptError, _ h: Handler, _ scope: Scope) throws -> Flow {
        if let name = h.name, let payload = error.payload { setVariable(name, payload, scope) }
        handling.append(error)
        defer {
            handling.removeLast()
            if let name = h.name {
                if scope.globalNames.contains(name) { globalScope.removeValue(name) } else { scope.removeValue(name) }
            }
        }
        do {
            return try execBlock(h.body, scope)
        } catch let inner as ScriptError {
            throw chained(inner, context: error)
        }
    }

    /// `error` with an exception instance behind it, so that every `except` sees the same object.
    func materialized(_ error: ScriptError) -> ScriptError {
        guard error.payload == nil else { return error }
        var e = error
        e.payload = exceptionValue(error)
        return e
    }

    /// `inner`, raised while `context` was being handled, with `__context__` set as Python sets it.
    private func chained(_ inner: ScriptError, context: ScriptError) -> ScriptError {
        guard isCatchable(inner) else { return inner }
        let e = materialized(inner)
        guard case .object(let inst as Instance)? = e.payload, case .object(let ctx as Instance)? = context.payload,
              inst !== ctx else { return e }
        if inst.fields["__context__"] == nil { inst.fields["__context__"] = .object(ctx) }
        return e
    }

    func isNormal(_ f: Flow) -> Bool {
        if case .normal = f { return true }
        return false
    }

    func matches(_ error: ScriptError, _ h: Handler, _ scope: Scope) throws -> Bool {
        guard let typesExpr = h.types else { return true }
        let types = try eval(typesExpr, scope)
        let list: [Value]
        if case .tuple(let t) = types { list = t } else { list = [types] }
        let cls = exceptionClass(for: error)
        for t in list {
            guard case .object(let c as ClassObject) = t, c.isException else {
                throw located(ScriptError.type("catching classes that do not inherit from BaseException is not allowed"), typesExpr.loc)
            }
            if cls.isSubclass(of: c) { return true }
        }
        return false
    }

    func exceptionClass(for error: ScriptError) -> ClassObject {
        if case .object(let inst as Instance)? = error.payload { return inst.cls }
        return exceptionClass(named: error.kind)
    }

    /// The built-in class called `name`; a library's own error kind (`NotFittedError`) becomes
    /// a subclass of Exception of that name, made once.
    func exceptionClass(named name: String) -> ClassObject {
        if let c = exceptionClasses[name] { return c }
        let c = ClassObject(name: name, base: exceptionClasses["Exception"], members: [:], interpreter: self)
        exceptionClasses[name] = c
        return c
    }

    /// The instance `except E as e` binds for an error the interpreter or a library raised:
    /// its message is its one argument (none when the message is empty, as for a bare `assert`).
    func exceptionValue(_ error: ScriptError) -> Value {
        if let p = error.payload { return p }
        let inst = Instance(cls: exceptionClass(for: error))
        inst.fields["args"] = .tuple(error.message.isEmpty ? [] : [.string(error.message)])
        return .object(inst)
    }
}
