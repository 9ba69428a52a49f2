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
