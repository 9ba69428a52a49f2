/// A method of a host base class (`ClassObject(hostClass:)`) that needs the instance: looked
/// up on an instance, or through `super()`, it is bound like a `def` method, so it receives
/// `self` as its first positional argument (Keras' `Metric.add_weight`, `Metric.__init__`).
public final class HostMethod: ScriptObject {
    public let name: String
    public let body: (Value, Arguments, CallContext) throws -> Value

    public init(_ name: String, _ body: @escaping (_ receiver: Value, Arguments, CallContext) throws -> Value) {
        self.name = name
        self.body = body
    }

    public var typeName: String { "method_descriptor" }
    public func repr() -> String { "<method '\(name)'>" }

    /// Called bound (by `BoundMethod`), the receiver comes first.
    public func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        guard let receiver = args.positional.first else {
            throw ScriptError.type("descriptor '\(name)' needs an instance as its first argument")
        }
        var rest = args
        rest.positional.removeFirst()
        return try body(receiver, rest, context)
    }
}
