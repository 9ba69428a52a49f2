import Foundation

/// `raise`, `except` matching and Python's tree of exception classes.
extension Interpreter {

    func raise(_ e: Expr?, _ scope: Scope, _ loc: Loc) throws {
        guard let e else {
            throw located(ScriptError.runtime("No active exception to reraise"), loc)
        }
        var v = try eval(e, scope)
        if case .object(let c as ClassObject) = v, c.isException { v = try at(loc) { try call(v, Arguments()) } }
        guard case .object(let inst as Instance) = v, inst.cls.isException else {
            throw located(ScriptError.type("exceptions must derive from BaseException"), loc)
        }
        var err = ScriptError(kind: inst.cls.name, message: inst.exceptionMessage)
        err.payload = v
        throw located(err, loc)
    }

    func exceptionClass(for error: ScriptError) -> ClassObject {
        if case .object(let inst as Instance)? = error.payload { return inst.cls }
        if let c = exceptionClasses[error.kind] { return c }
        return exceptionClasses["Exception"] ?? ClassObject(name: "Exception", base: nil, members: [:], interpreter: self)
    }

    func tryBlock(_ body: [Stmt], _ handlers: [Handler], _ otherwise: [Stmt]?, _ finally: [Stmt]?, _ scope: Scope) throws -> Flow {
        var flow: Flow = .normal
        do {
            var failed = false
            do {
                flow = try execBlock(body, scope)
            } catch let error as ScriptError where error.kind != "TimeoutError" {
                failed = true
                guard let h = try handlers.first(where: { try matches(error, $0, scope) }) else { throw error }
                if let name = h.name { setVariable(name, exceptionValue(error), scope) }
                flow = try execBlock(h.body, scope)
            }
            if !failed, case .normal = flow, let otherwise { flow = try execBlock(otherwise, scope) }
        } catch {
            if let finally, case let f = try execBlock(finally, scope), !isNormal(f) { return f }
            throw error
        }
        if let finally, case let f = try execBlock(finally, scope), !isNormal(f) { return f }
        return flow
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
            guard case .object(let c as ClassObject) = t else {
                throw located(ScriptError.type("catching classes that do not inherit from BaseException is not allowed"), typesExpr.loc)
            }
            if cls.isSubclass(of: c) { return true }
        }
        return false
    }

    func exceptionValue(_ error: ScriptError) -> Value {
        if let p = error.payload { return p }
        let inst = Instance(cls: exceptionClass(for: error))
        inst.fields["args"] = .tuple([.string(error.message)])
        return .object(inst)
    }

    func installExceptionClasses() {
        let tree: [(String, String?)] = [
            ("BaseException", nil), ("Exception", "BaseException"), ("ArithmeticError", "Exception"),
            ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"), ("LookupError", "Exception"),
            ("IndexError", "LookupError"), ("KeyError", "LookupError"), ("ValueError", "Exception"), ("TypeError", "Exception"),
            ("NameError", "Exception"), ("AttributeError", "Exception"), ("RuntimeError", "Exception"),
            ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"), ("AssertionError", "Exception"),
            ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"), ("StopIteration", "Exception"),
            ("AxisError", "ValueError"), ("LinAlgError", "ValueError"), ("SyntaxError", "Exception"),
            ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"),
            ("IsADirectoryError", "OSError"), ("NotADirectoryError", "OSError"), ("FileExistsError", "OSError"),
            ("TimeoutError", "OSError"), ("MemoryError", "Exception"), ("UnicodeError", "ValueError"),
        ]
        for (name, base) in tree {
            let c = ClassObject(name: name, base: base.flatMap { exceptionClasses[$0] }, members: [:], interpreter: self)
            exceptionClasses[name] = c
            builtins[name] = .object(c)
        }
    }
}
