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
/// call): each method has a slot chosen by its name's length and first letter, and the few
/// whose slot is taken are compared one by one after it.
struct MethodIndex<Owner> {
    private let slots: [Method<Owner>?]
    private let others: [Method<Owner>]

    init(_ table: MethodTable<Owner>) {
        var slots = [Method<Owner>?](repeating: nil, count: 128)
        var others: [Method<Owner>] = []
        for name in table.names {
            guard let m = table.methods[name] else { continue }
            let i = MethodIndex.slot(name)
            if slots[i] == nil { slots[i] = m } else { others.append(m) }
        }
        self.slots = slots
        self.others = others
    }

    private static func slot(_ name: String) -> Int {
        (name.utf8.count &* 13 &+ Int(name.utf8.first ?? 0)) & 127
    }

    func find(_ name: String) -> Method<Owner>? {
        if let m = slots[MethodIndex.slot(name)], m.signature.name == name { return m }
        for m in others where m.signature.name == name { return m }
        return nil
    }
}

/// A built-in value's method found for a call about to be made: the table's method and its
/// receiver, held without allocating, so `l.append(x)` costs no more than the method itself.
enum PendingMethod {
    case string(Method<String>, String)
    case list(Method<ListStorage>, ListStorage)
    case dict(Method<DictStorage>, DictStorage)
    case tuple(Method<[Value]>, [Value])

    /// The method `name` of a string, list, dict or tuple; nil for anything else or an unknown name.
    init?(_ obj: Value, _ name: String) {
        switch obj {
        case .string(let s): guard let m = Interpreter.strIndex.find(name) else { return nil }; self = .string(m, s)
        case .list(let l): guard let m = Interpreter.listIndex.find(name) else { return nil }; self = .list(m, l)
        case .dict(let d): guard let m = Interpreter.dictIndex.find(name) else { return nil }; self = .dict(m, d)
        case .tuple(let t): guard let m = Interpreter.tupleIndex.find(name) else { return nil }; self = .tuple(m, t)
        default: return nil
        }
    }

    /// The method as a value (`f = l.append`): one object holding it and its receiver.
    var bound: Value {
        switch self {
        case .string(let m, let s): .object(BuiltinMethod(m, of: s))
        case .list(let m, let l): .object(BuiltinMethod(m, of: l))
        case .dict(let m, let d): .object(BuiltinMethod(m, of: d))
        case .tuple(let m, let t): .object(BuiltinMethod(m, of: t))
        }
    }

    func call(_ args: Arguments, _ context: CallContext) throws -> Value {
        switch self {
        case .string(let m, let s): try m.body(s, m.signature.bind(args), context)
        case .list(let m, let l): try m.body(l, m.signature.bind(args), context)
        case .dict(let m, let d): try m.body(d, m.signature.bind(args), context)
        case .tuple(let m, let t): try m.body(t, m.signature.bind(args), context)
        }
    }
}
