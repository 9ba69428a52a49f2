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
            if case .object(let f) = m, f is Function || f is HostMethod {
                return .object(BoundMethod(function: m, receiver: .object(self)))
            }
            return m
        }
        if cls.isException {
            // What every exception has before `raise ... from` or a handler sets it.
            switch name {
            case "__cause__", "__context__", "__traceback__": return Value.none
            case "__suppress_context__": return .bool(false)
            case "args": return .tuple([])
            default: break
            }
        }
        return nil
    }

    public func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        fields[name] = value
        return true
    }

    public var attributeNames: [String] { Array(fields.keys) + cls.attributeNames }

    /// `str()` of an exception as BaseException defines it: empty for no arguments, the one
    /// argument's `str` (its `repr` for a KeyError), else the `repr` of the arguments' tuple.
    var exceptionMessage: String {
        guard case .tuple(let args)? = fields["args"], !args.isEmpty, let interpreter = cls.interpreter else { return "" }
        if args.count == 1 {
            if let keyError = interpreter.exceptionClasses["KeyError"], cls.isSubclass(of: keyError) {
                return interpreter.repr(args[0])
            }
            return interpreter.str(args[0])
        }
        return interpreter.repr(.tuple(args))
    }

    /// The result of the lesson's own `__repr__` or `__str__`, when its class defines one.
    private func userMethod(_ name: String) -> String? {
        guard let r = cls.lookup(name), case .object(let f) = r, f is Function,
              let v = try? cls.interpreter?.call(r, Arguments([.object(self)])), case .string(let s) = v else { return nil }
        return s
    }

    public func repr() -> String {
        if let s = userMethod("__repr__") { return s }
        if cls.isException {
            // `ValueError('x')`; Python writes no trailing comma for one argument.
            var args: [Value] = []
            if case .tuple(let a)? = fields["args"] { args = a }
            return cls.name + "(" + args.map { cls.interpreter?.repr($0) ?? "?" }.joined(separator: ", ") + ")"
        }
        return "<\(cls.name) object>"
    }

    public func str() -> String {
        if let s = userMethod("__str__") { return s }
        if cls.isException { return exceptionMessage }
        return repr()
    }
}
