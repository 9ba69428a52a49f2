/// The `with` statement: Python's context-manager protocol on any value that has `__enter__` and
/// `__exit__` (host objects such as files, and classes a lesson defines).
extension Interpreter {
    /// Enters the first manager, runs the rest (then the body) inside it, and calls its
    /// `__exit__` however that ends: with the exception's class and value when one was raised
    /// (a true result swallows it), with three Nones otherwise. A timeout is never swallowed.
    func withBlock(_ items: ArraySlice<(manager: Expr, target: Expr?)>, _ body: [Stmt], _ scope: Scope) throws -> Flow {
        guard let item = items.first else { return try execBlock(body, scope) }
        let loc = item.manager.loc
        let manager = try eval(item.manager, scope)
        let (enter, exit) = try at(loc) { () throws -> (Value, Value) in
            guard case .object = manager, let enter = try? getAttribute(manager, "__enter__"),
                  let exit = try? getAttribute(manager, "__exit__") else {
                throw ScriptError.type("'\(typeName(manager))' object does not support the context manager protocol")
            }
            return (enter, exit)
        }
        let entered = try at(loc) { try call(enter, Arguments()) }
        let flow: Flow
        do {
            if let target = item.target { try assign(target, entered, scope) }
            flow = try withBlock(items.dropFirst(), body, scope)
        } catch let error as ScriptError where error.kind != "TimeoutError" {
            let arguments = Arguments([.object(exceptionClass(for: error)), exceptionValue(error), .none])
            let swallowed = try at(loc) { try call(exit, arguments) }
            if try truth(swallowed, loc) { return .normal }
            throw error
        }
        _ = try at(loc) { try call(exit, Arguments([.none, .none, .none])) }
        return flow
    }
}
