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

    /// The method `name` bound to `owner`, or nil when the type has no such method.
    static func bound(_ name: String, in index: MethodIndex<Owner>, to owner: Owner) -> Value? {
        guard let m = index.find(name) else { return nil }
        return .object(BuiltinMethod(m, of: owner))
    }

    var signature: Signature { method.signature }
    var typeName: String { "builtin_function_or_method" }
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        try method.body(owner, method.signature.bind(args), context)
    }
    func repr() -> String { "<built-in method \(method.signature.name)>" }
}

/// A method table searched without hashing the name (a lesson looks a name up on every method
/// call): the methods sit in buckets by the name's length and last letter, so a lookup compares
/// one name, rarely two.
struct MethodIndex<Owner> {
    private let buckets: [[Method<Owner>]]

    init(_ table: MethodTable<Owner>) {
        var buckets = [[Method<Owner>]](repeating: [], count: 64)
        for name in table.names {
            if let m = table.methods[name] { buckets[MethodIndex.bucket(name)].append(m) }
        }
        self.buckets = buckets
    }

    private static func bucket(_ name: String) -> Int {
        (name.utf8.count &* 7 &+ Int(name.utf8.last ?? 0)) & 63
    }

    func find(_ name: String) -> Method<Owner>? {
        for m in buckets[MethodIndex.bucket(name)] where m.signature.name == name { return m }
        return nil
    }
}
