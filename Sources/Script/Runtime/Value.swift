/// A value of the experiment language. Python's built-in types are cases; everything a host
/// library provides (arrays, models, figures, modules) is an `.object` conforming to `ScriptObject`.
public enum Value: @unchecked Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list(ListStorage)
    case tuple([Value])
    case dict(DictStorage)
    case object(any ScriptObject)
}

/// A Python list: a reference, so aliases see mutations as in Python.
public final class ListStorage {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }

    /// Frees nested lists and dicts with a loop instead of recursion, so a list nested a million
    /// deep (`l = [l]` in a loop) cannot overflow the stack when it goes.
    deinit { Value.releaseIteratively(&items) }
}

extension Value {
    /// Empties `values`, taking apart every list and dict only it holds one level at a time.
    static func releaseIteratively(_ values: inout [Value]) {
        guard values.contains(where: { if case .list = $0 { return true }; if case .dict = $0 { return true }; return false }) else { return }
        var pending: [[Value]] = [values]
        values = []
        while var batch = pending.popLast() {
            for i in batch.indices {
                // Move the item out first, so that no copy of it is alive while its owner is asked.
                var item = Value.none
                swap(&item, &batch[i])
                if var list = item.takeList() {
                    if isKnownUniquelyReferenced(&list), !list.items.isEmpty {
                        pending.append(list.items)
                        list.items = []
                    }
                } else if var dict = item.takeDict() {
                    if isKnownUniquelyReferenced(&dict) { pending.append(dict.takeAll()) }
                } else if case .tuple(let t) = item {
                    item = .none
                    pending.append(t)
                }
            }
        }
    }

    /// The list this value holds, leaving `.none` in its place.
    mutating func takeList() -> ListStorage? {
        guard case .list(let l) = self else { return nil }
        self = .none
        return l
    }

    /// The dict this value holds, leaving `.none` in its place.
    mutating func takeDict() -> DictStorage? {
        guard case .dict(let d) = self else { return nil }
        self = .none
        return d
    }
}

/// A Python dict: insertion-ordered, keyed by hashable values.
public final class DictStorage {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    public init() {}
    public init(_ pairs: [(Value, Value)]) throws {
        for (k, v) in pairs { try set(k, v) }
    }

    public var count: Int { keys.count }

    public func get(_ key: Value) throws -> Value? {
        guard let i = index[try HashKey(key)] else { return nil }
        return values[i]
    }

    public func set(_ key: Value, _ value: Value) throws {
        let h = try HashKey(key)
        if let i = index[h] { values[i] = value; return }
        index[h] = keys.count
        keys.append(key)
        values.append(value)
    }

    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        let h = try HashKey(key)
        guard let i = index[h] else { return nil }
        let old = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        index[h] = nil
        for (k, j) in index where j > i { index[k] = j - 1 }
        return old
    }

    public func removeAll() { keys = []; values = []; index = [:] }

    /// Empties the dict, handing over its keys and values (for freeing without recursion).
    func takeAll() -> [Value] {
        let all = keys + values
        removeAll()
        return all
    }

    deinit { Value.releaseIteratively(&values) }

    /// Convenience for hosts: string-keyed lookup.
    public subscript(name: String) -> Value? { (try? get(.string(name))) ?? nil }
}

/// The hashable form of a value used as a dict key or set member. Numbers hash by value
/// so that `1`, `1.0` and `True` are the same key, as in Python.
public enum HashKey: Hashable, Sendable {
    case none
    case number(Double)
    case string(String)
    case tuple([HashKey])
    case identity(ObjectIdentifier)

    public init(_ v: Value) throws {
        switch v {
        case .none: self = .none
        case .bool(let b): self = .number(b ? 1 : 0)
        case .int(let i): self = .number(Double(i))
        case .float(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .tuple(let items): self = .tuple(try items.map(HashKey.init))
        case .object(let o):
            if let key = o.hashKey { self = key } else { self = .identity(ObjectIdentifier(o)) }
        case .list: throw ScriptError.type("unhashable type: 'list'")
        case .dict: throw ScriptError.type("unhashable type: 'dict'")
        }
    }
}
