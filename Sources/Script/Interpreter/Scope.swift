/// Variables of one function call (or of the lesson, for the global scope). Closures keep their
/// defining scope alive through `parent`.
final class Scope {
    var vars: [String: Value] = [:]
    let parent: Scope?
    var globalNames: Set<String> = []
    var nonlocalNames: Set<String> = []

    init(parent: Scope?) { self.parent = parent }
}

/// A `def` or `lambda` value.
final class Function: ScriptObject {
    let name: String
    let parameters: Parameters
    let body: [Stmt]
    /// For a lambda: its single expression.
    let expression: Expr?
    let defaults: [String: Value]
    let closure: Scope?
    unowned let interpreter: Interpreter
    let loc: Loc
    /// The class whose body defined this function, for `super()`.
    weak var definingClass: ClassObject?

    init(name: String, parameters: Parameters, body: [Stmt], expression: Expr?, defaults: [String: Value],
         closure: Scope?, interpreter: Interpreter, loc: Loc) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.expression = expression
        self.defaults = defaults
        self.closure = closure
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

/// A user `class`, or one of the built-in exception classes.
public final class ClassObject: ScriptObject {
    public let name: String
    let base: ClassObject?
    var members: [String: Value]
    /// The interpreter that defined the class; nil for a host base class.
    weak var interpreter: Interpreter?

    init(name: String, base: ClassObject?, members: [String: Value], interpreter: Interpreter) {
        self.name = name
        self.base = base
        self.members = members
        self.interpreter = interpreter
    }

    /// A base class provided by a host library (Keras' `Callback`) for lesson classes to extend.
    /// Its members are the default methods; a host function member is called without `self`.
    public init(hostClass name: String, members: [String: Value]) {
        self.name = name
        self.base = nil
        self.members = members
        self.interpreter = nil
    }

    /// Whether `self` is `other` or inherits from it.
    public func inherits(from other: ClassObject) -> Bool { isSubclass(of: other) }

    public var typeName: String { "type" }
    public func repr() -> String { "<class '\(name)'>" }

    func lookup(_ n: String) -> Value? { members[n] ?? base?.lookup(n) }

    func isSubclass(of other: ClassObject) -> Bool {
        var c: ClassObject? = self
        while let k = c {
            if k === other { return true }
            c = k.base
        }
        return false
    }

    var isException: Bool {
        var c: ClassObject? = self
        while let k = c {
            if k.name == "BaseException" { return true }
            c = k.base
        }
        return false
    }

    public func attribute(_ n: String) throws -> Value? {
        if n == "__name__" { return .string(name) }
        return lookup(n)
    }

    public func setAttribute(_ n: String, _ value: Value) throws -> Bool {
        members[n] = value
        return true
    }

    public var attributeNames: [String] { Array(members.keys) + (base?.attributeNames ?? []) }

    public func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let instance = Instance(cls: self)
        if isException {
            instance.fields["args"] = .tuple(args.positional)
        }
        if let initializer = lookup("__init__") {
            var a = args
            a.positional.insert(.object(instance), at: 0)
            _ = try context.call(initializer, a)
        }
        return .object(instance)
    }
}

/// An instance of a user class.
public final class Instance: ScriptObject {
    public let cls: ClassObject
    var fields: [String: Value] = [:]

    init(cls: ClassObject) { self.cls = cls }

    public var typeName: String { cls.name }

    /// `obj(...)` calls the class's `__call__`, as Python does.
    public func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        guard let method = try attribute("__call__"), cls.lookup("__call__") != nil else { return nil }
        return try context.call(method, args)
    }

    public func attribute(_ name: String) throws -> Value? {
        if let v = fields[name] { return v }
        if name == "__class__" { return .object(cls) }
        if let m = cls.lookup(name) {
            if case .object(let f) = m, f is Function || f is HostMethod { return .object(BoundMethod(function: m, receiver: .object(self))) }
            return m
        }
        return nil
    }

    public func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        fields[name] = value
        return true
    }

    public var attributeNames: [String] { Array(fields.keys) + cls.attributeNames }

    /// The message of an exception instance: its first argument.
    var exceptionMessage: String {
        if case .tuple(let args)? = fields["args"] {
            if args.isEmpty { return "" }
            guard let interpreter = cls.interpreter else { return "" }
            if args.count == 1 { return interpreter.str(args[0]) }
            return interpreter.repr(.tuple(args))
        }
        return ""
    }

    public func repr() -> String {
        if cls.isException {
            if case .tuple(let args)? = fields["args"] {
                return cls.name + "(" + args.map { cls.interpreter?.repr($0) ?? "?" }.joined(separator: ", ") + ")"
            }
        }
        if let r = cls.lookup("__repr__"), let v = try? cls.interpreter?.call(r, Arguments([.object(self)])), case .string(let s) = v {
            return s
        }
        return "<\(cls.name) object>"
    }

    public func str() -> String {
        if cls.isException { return exceptionMessage }
        if let r = cls.lookup("__str__"), let v = try? cls.interpreter?.call(r, Arguments([.object(self)])), case .string(let s) = v {
            return s
        }
        return repr()
    }
}
