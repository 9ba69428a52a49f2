/// One method of a host type (a class, or a value type such as `str`): its Python signature and its body, which receives the object and
/// the arguments bound by name.
public final class Method<Owner> {
    public let signature: Signature
    public let body: (Owner, BoundArguments, CallContext) throws -> Value

    public init(_ name: String, _ declaration: String, rejection: Signature.Rejection = .python,
                _ body: @escaping (Owner, BoundArguments, CallContext) throws -> Value) {
        signature = Signature(name, declaration, rejection: rejection)
        self.body = body
    }
}

/// A host type's methods, declared once: `attribute(name)` finds them here, `attributeNames` (the
/// "did you mean" list) is read from here, and the coverage test walks their signatures, so the
/// three cannot drift apart.
public struct MethodTable<Owner> {
    public let methods: [String: Method<Owner>]
    /// The names in declaration order.
    public let names: [String]

    public init(_ list: [Method<Owner>]) {
        var methods: [String: Method<Owner>] = [:]
        for m in list {
            precondition(methods[m.signature.name] == nil, "method \(m.signature.name) declared twice")
            methods[m.signature.name] = m
        }
        self.methods = methods
        names = list.map(\.signature.name)
    }

    /// Tables joined (a subclass's methods after its base's); a later name replaces an earlier one.
    public init(_ tables: MethodTable<Owner>...) {
        var methods: [String: Method<Owner>] = [:]
        var names: [String] = []
        for t in tables {
            for n in t.names where methods[n] == nil { names.append(n) }
            methods.merge(t.methods) { _, new in new }
        }
        self.methods = methods
        self.names = names
    }

    /// `owner.name` as a callable bound to `owner`, or nil when the type has no such method.
    public func bound(_ name: String, to owner: Owner) -> Value? {
        guard let m = methods[name] else { return nil }
        return .object(BuiltinFunction(m.signature) { a, context in try m.body(owner, a, context) })
    }

    public var signatures: [String: Signature] { methods.mapValues(\.signature) }
}

// Tables are built once, never changed, and their bodies keep no state of their own, so one
// shared table per type is safe.
extension Method: @unchecked Sendable {}
extension MethodTable: @unchecked Sendable {}
