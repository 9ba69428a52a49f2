/// A callable made from a method table's declaration: what it declares.
protocol DeclaredMethod: ScriptObject {
    var signature: Signature { get }
}

/// A built-in value's method bound to the value (`l.append`): the table's declaration and body
/// and the receiver in one object. A lesson makes one on every method call it writes, so it is
/// one allocation, with no closures around the table's body.
final class BuiltinMethod<Owner>: DeclaredMethod {
    let method: Method<Owner>
    let owner: Owner

    init(_ method: Method<Owner>, of owner: Owner) {
        self.method = method
        self.owner = owner
    }

    /// `table`'s method `name` bound to `owner`, or nil when the type has no such method.
    static func bound(_ name: String, in table: MethodTable<Owner>, to owner: Owner) -> Value? {
        guard let m = table.methods[name] else { return nil }
        return .object(BuiltinMethod(m, of: owner))
    }

    var signature: Signature { method.signature }
    var typeName: String { "builtin_function_or_method" }
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        try method.body(owner, method.signature.bind(args), context)
    }
    func repr() -> String { "<built-in method \(method.signature.name)>" }
}
