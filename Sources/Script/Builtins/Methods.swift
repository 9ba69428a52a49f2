import Foundation

/// The methods of list, tuple and dict, each with CPython's signature, and the dispatch from a
/// built-in value to its type's table.
extension Interpreter {
    func methodNames(_ v: Value) -> [String] {
        switch v {
        case .string: return Interpreter.strTable.names
        case .list: return Interpreter.listTable.names
        case .dict: return Interpreter.dictTable.names
        case .tuple: return Interpreter.tupleTable.names
        default: return []
        }
    }

    func builtinMethod(_ obj: Value, _ name: String) throws -> Value? { PendingMethod(obj, name)?.bound }

    /// The tables as methods are looked up; read-only after they are built, as the tables are,
    /// so sharing them between interpreters is safe.
    static let strIndex = MethodIndex(strTable)
    static let listIndex = MethodIndex(listTable)
    static let dictIndex = MethodIndex(dictTable)
    static let tupleIndex = MethodIndex(tupleTable)
    static let listTable = MethodTable<ListStorage>([
        Method("append", "object, /") { l, a, _ in
            l.items.append(a["object"])
            return .none
        },
        Method("extend", "iterable, /") { l, a, context in
            let added = try Interpreter.of(context).iterate(a["iterable"])
            try Limits.check(elements: l.items.count + added.count, times: 1, bytesEach: Limits.listItemBytes)
            l.items += added
            return .none
        },
        Method("insert", "index, object, /") { l, a, context in
            var i = try Interpreter.of(context).integer(a["index"])
            if i < 0 { i += l.items.count }
            l.items.insert(a["object"], at: min(max(i, 0), l.items.count))
            return .none
        },
        Method("pop", "index=-1, /") { l, a, context in
            guard !l.items.isEmpty else { throw ScriptError.index("pop from empty list") }
            return l.items.remove(at: try Interpreter.of(context).normalizeIndex(a["index"], l.items.count, "pop"))
        },
        Method("remove", "value, /") { l, a, context in
            let ip = try Interpreter.of(context)
            guard let i = try l.items.firstIndex(where: { try ip.equal($0, a["value"]) }) else {
                throw ScriptError.value("list.remove(x): x not in list")
            }
            l.items.remove(at: i)
            return .none
        },
        Method("index", "value, start=0, stop=9223372036854775807, /") { l, a, context in
            let ip = try Interpreter.of(context)
            return try ip.position(in: l.items, a) { "\(ip.repr(a["value"])) is not in list" }
        },
        Method("count", "value, /") { l, a, context in try Interpreter.of(context).occurrences(in: l.items, a) },
        Method("sort", "*, key=None, reverse=False") { l, a, context in
            let ip = try Interpreter.of(context)
            try ip.sortValues(&l.items, key: a.optional("key"), reverse: ip.isTrue(a["reverse"]))
            return .none
        },
        Method("reverse", "") { l, _, _ in l.items.reverse(); return .none },
        Method("copy", "") { l, _, _ in .list(ListStorage(l.items)) },
        Method("clear", "") { l, _, _ in l.items.removeAll(); return .none },
    ])

    static let tupleTable = MethodTable<[Value]>([
        Method("index", "value, start=0, stop=9223372036854775807, /") { t, a, context in
            try Interpreter.of(context).position(in: t, a) { "tuple.index(x): x not in tuple" }
        },
        Method("count", "value, /") { t, a, context in try Interpreter.of(context).occurrences(in: t, a) },
    ])

    static let dictTable = MethodTable<DictStorage>([
        Method("keys", "") { d, _, _ in .list(ListStorage(d.keys)) },
        Method("values", "") { d, _, _ in .list(ListStorage(d.values)) },
        Method("items", "") { d, _, _ in .list(ListStorage(zip(d.keys, d.values).map { .tuple([$0, $1]) })) },
        Method("get", "key, default=None, /") { d, a, _ in try d.get(a["key"]) ?? a["default"] },
        Method("pop", "key, default=<no value>, /") { d, a, context in
            if let v = try d.remove(a["key"]) { return v }
            if a.given("default") { return a["default"] }
            throw try Interpreter.of(context).keyError(a["key"])
        },
        Method("popitem", "") { d, _, context in
            guard let k = d.keys.last, let v = try d.remove(k) else {
                throw try Interpreter.of(context).keyError(.string("popitem(): dictionary is empty"))
            }
            return .tuple([k, v])
        },
        Method("update", "other=<no value>, /, **kwargs") { d, a, context in
            if a.given("other") { try Interpreter.of(context).merge(a["other"], into: d) }
            for (k, v) in a.extraKeywords { try d.set(.string(k), v) }
            return .none
        },
        Method("setdefault", "key, default=None, /") { d, a, _ in
            if let v = try d.get(a["key"]) { return v }
            try d.set(a["key"], a["default"])
            return a["default"]
        },
        Method("copy", "") { d, _, _ in .dict(try DictStorage(Array(zip(d.keys, d.values)))) },
        Method("clear", "") { d, _, _ in d.removeAll(); return .none },
    ])

    /// `list.index` and `tuple.index`: the first equal item between `start` and `stop`.
    private func position(in items: [Value], _ a: BoundArguments, _ missing: () -> String) throws -> Value {
        let w = try window(a, count: items.count, start: "start", end: "stop")
        for i in w where try equal(items[i], a["value"]) { return .int(i) }
        throw ScriptError.value(missing())
    }

    private func occurrences(in items: [Value], _ a: BoundArguments) throws -> Value {
        .int(try items.reduce(0) { n, x in try equal(x, a["value"]) ? n + 1 : n })
    }

    /// `dict(x)` and `d.update(x)`: a dict's pairs, or an iterable of key-value pairs.
    func merge(_ other: Value, into d: DictStorage) throws {
        if case .dict(let o) = other {
            for (k, v) in zip(o.keys, o.values) { try d.set(k, v) }
            return
        }
        for (i, item) in try iterate(other).enumerated() {
            let pair = try iterate(item)
            guard pair.count == 2 else {
                throw ScriptError.value("dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1])
        }
    }
}

/// Every built-in type's declared methods and the built-in functions' signatures, by the real
/// class's name (`str`, `list`, ...; the functions under `builtins`), for the coverage test.
public enum PythonSignatures {
    public static let byOwner: [String: [String: Signature]] = [
        "str": Interpreter.strTable.signatures,
        "list": Interpreter.listTable.signatures,
        "dict": Interpreter.dictTable.signatures,
        "tuple": Interpreter.tupleTable.signatures,
        "set": SetObject.table.signatures,
        "builtins": Interpreter(modules: ModuleRegistry()).builtinSignatures,
    ]
}
