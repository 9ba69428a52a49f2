/// A `def` or `lambda` value.
final class Function: ScriptObject {
    let name: String
    let parameters: Parameters
    let body: [Stmt]
    /// For a lambda: its single expression.
    let expression: Expr?
    let defaults: [String: Value]
    let closure: Scope?
    /// Shared by every call of the same `def` or lambda.
    let layout: ScopeLayout
    unowned let interpreter: Interpreter
    let loc: Loc
    /// The class whose body defined this function, for `super()`.
    weak var definingClass: ClassObject?

    init(name: String, parameters: Parameters, body: [Stmt], expression: Expr?, defaults: [String: Value],
         closure: Scope?, layout: ScopeLayout, interpreter: Interpreter, loc: Loc) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.expression = expression
        self.defaults = defaults
        self.closure = closure
        self.layout = layout
        self.interpreter = interpreter
        self.loc = loc
    }

    var typeName: String { "function" }
    func repr() -> String { "<function \(name)>" }
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        try interpreter.callFunction(self, args)
    }
    func attribute(_ name: String) throws -> Value? {
        name == "__name__" ? .string(self.name) : nil
    }
}

/// A method bound to its instance: `obj.method`.
final class BoundMethod: ScriptObject {
    let function: Value
    let receiver: Value

    init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
    }

    var typeName: String { "method" }
    func repr() -> String { "<bound method>" }
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        var a = args
        a.positional.insert(receiver, at: 0)
        return try context.call(function, a)
    }
}
