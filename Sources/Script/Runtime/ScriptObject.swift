/// Binary operators as the interpreter dispatches them to host objects.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case bitAnd = "&", bitOr = "|", bitXor = "^", leftShift = "<<", rightShift = ">>"
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", invert = "~"
}

/// What a host library implements to appear in the language: arrays, models, layers, figures,
/// modules. Every requirement has a default that means "not supported", so a host type
/// implements only what it offers; the interpreter turns a `nil` into Python's usual error
/// (`AttributeError`, `TypeError: 'X' object is not subscriptable`, ...).
public protocol ScriptObject: AnyObject {
    /// Python's type name, used in error messages and default reprs (`ndarray`, `Sequential`).
    var typeName: String { get }
    /// `obj.name`; nil when there is no such attribute.
    func attribute(_ name: String) throws -> Value?
    /// `obj.name = value`; false when the attribute cannot be set.
    func setAttribute(_ name: String, _ value: Value) throws -> Bool
    /// Names offered for "did you mean" suggestions.
    var attributeNames: [String] { get }
    /// `obj(...)`; nil when the object is not callable.
    func call(_ args: Arguments, _ context: CallContext) throws -> Value?
    /// `obj[key]`; nil when not subscriptable.
    func getItem(_ key: Value) throws -> Value?
    /// `obj[key] = value`; false when not supported.
    func setItem(_ key: Value, _ value: Value) throws -> Bool
    /// `self op other` (or `other op self` when `reflected`); nil when not supported for `other`.
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value?
    func unary(_ op: UnaryOperator) throws -> Value?
    /// Elements for `for`, `list()`, unpacking; nil when not iterable.
    func iterate() throws -> [Value]?
    /// `len(obj)`; nil when it has no length.
    func length() throws -> Int?
    /// Truth value; nil means Python's default (true), hosts may throw (NumPy's ambiguity error).
    func truth() throws -> Bool?
    /// Conversion for `float(obj)` / `int(obj)` and `%f` formatting of scalars.
    func toFloat() throws -> Double?
    /// `repr(obj)`: what a notebook shows for a final bare expression.
    func repr() -> String
    /// `str(obj)`: what `print` shows.
    func str() -> String
    /// A value-based hash key when the object is hashable by value (NumPy scalars); nil for identity.
    var hashKey: HashKey? { get }
}

extension ScriptObject {
    public func attribute(_ name: String) throws -> Value? { nil }
    public func setAttribute(_ name: String, _ value: Value) throws -> Bool { false }
    public var attributeNames: [String] { [] }
    public func call(_ args: Arguments, _ context: CallContext) throws -> Value? { nil }
    public func getItem(_ key: Value) throws -> Value? { nil }
    public func setItem(_ key: Value, _ value: Value) throws -> Bool { false }
    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
    public func unary(_ op: UnaryOperator) throws -> Value? { nil }
    public func iterate() throws -> [Value]? { nil }
    public func length() throws -> Int? { nil }
    public func truth() throws -> Bool? { nil }
    public func toFloat() throws -> Double? { nil }
    public func repr() -> String { "<\(typeName) object>" }
    public func str() -> String { repr() }
    public var hashKey: HashKey? { nil }
}

/// What a host function sees of the running interpreter: a way to call back into the
/// language (a user's callback, a `lambda` passed to `map`) and to write captured output.
public protocol CallContext: AnyObject {
    /// Calls any callable value (user function, lambda, bound method, host callable).
    func call(_ callee: Value, _ args: Arguments) throws -> Value
    /// Text printed by the lesson (print, `verbose` training logs): captured per block.
    func write(_ text: String)
    /// Python's `repr` and `str` of any value, as the interpreter formats them.
    func repr(_ value: Value) -> String
    func str(_ value: Value) -> String
    /// Throws when the block's time limit has passed; hosts call it inside long loops
    /// (every training epoch) so a runaway block stops with a clear error.
    func checkDeadline() throws
}

/// The arguments of a call: positional values and keyword arguments in call order.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// A keyword given to the call (`str.format`'s named fields).
    public func keyword(_ name: String) -> Value? {
        keywords.last(where: { $0.name == name })?.value
    }
}

/// A function implemented by the host (`print`, `np.zeros`, `Dense`). One made from a `Signature`
/// binds its arguments by Python's rules before the body runs, and the signature stays readable
/// (the coverage test walks every declared callable against the real libraries).
public final class BuiltinFunction: ScriptObject {
    public let name: String
    public let signature: Signature?
    public let body: (Arguments, CallContext) throws -> Value

    public init(_ name: String, _ body: @escaping (Arguments, CallContext) throws -> Value) {
        self.name = name
        self.signature = nil
        self.body = body
    }

    public init(_ signature: Signature, _ body: @escaping (BoundArguments, CallContext) throws -> Value) {
        self.name = signature.name
        self.signature = signature
        self.body = { args, context in try body(signature.bind(args), context) }
    }

    /// What the callable answers as attributes when it stands for a class (`Dense.from_config`).
    public var members: [String: Value] = [:]

    public var typeName: String { "builtin_function_or_method" }
    public func call(_ args: Arguments, _ context: CallContext) throws -> Value? { try body(args, context) }
    public func attribute(_ name: String) throws -> Value? { members[name] }
    public var attributeNames: [String] { members.keys.sorted() }
    public func repr() -> String { "<built-in function \(name)>" }
}

/// An importable module: a name and its members. Submodules are members that are modules.
public final class ModuleObject: ScriptObject {
    public let name: String
    public var members: [String: Value]

    public init(_ name: String, members: [String: Value] = [:]) {
        self.name = name
        self.members = members
    }

    public var typeName: String { "module" }
    public func attribute(_ name: String) throws -> Value? { members[name] }
    public func setAttribute(_ name: String, _ value: Value) throws -> Bool { members[name] = value; return true }
    public var attributeNames: [String] { members.keys.sorted() }
    public func repr() -> String { "<module '\(name)'>" }
}
