/// The names a kind of scope holds, each with a fixed slot: one layout for the lesson's globals,
/// one shared by every call of a `def`, one per lambda and comprehension. A layout only grows,
/// so a slot once found for a name stays that name's slot, and the interpreter can cache it on
/// the syntax node instead of hashing the name on every access.
final class ScopeLayout {
    private(set) var names: [String] = []
    private var index: [String: Int] = [:]

    init() {}

    /// A function's layout: its parameters first, in order (positional, keyword-only, `*args`,
    /// `**kwargs`), so binding arguments writes slots by position.
    init(parameters: Parameters) {
        for p in parameters.positional { reserve(p.name) }
        for p in parameters.keywordOnly { reserve(p.name) }
        if let v = parameters.varargs { reserve(v) }
        if let k = parameters.kwargs { reserve(k) }
    }

    var count: Int { names.count }

    func slot(of name: String) -> Int? { index[name] }

    /// The slot of `name`, adding it (unbound in every scope) when the layout lacks it.
    @discardableResult
    func reserve(_ name: String) -> Int {
        if let i = index[name] { return i }
        index[name] = names.count
        names.append(name)
        return names.count - 1
    }
}

/// Variables of one function call (or of the lesson, for the global scope). Closures keep their
/// defining scope alive through `parent`. A variable lives in its layout's slot; nil is unbound.
final class Scope {
    let layout: ScopeLayout
    /// `layout`'s address, for identity checks on the hot path that need no retain.
    let layoutID: UnsafeMutableRawPointer
    /// The slots, owned here: read and written on every variable access, so kept out of
    /// Swift's array copy-on-write and exclusivity checks (one thread runs an interpreter).
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<Value?>
    @exclusivity(unchecked) private var capacity: Int
    let parent: Scope?
    @exclusivity(unchecked) var globalNames: Set<String> = []
    @exclusivity(unchecked) var nonlocalNames: Set<String> = []

    init(parent: Scope?, layout: ScopeLayout = ScopeLayout()) {
        self.parent = parent
        self.layout = layout
        self.layoutID = Unmanaged.passUnretained(layout).toOpaque()
        capacity = max(layout.count, 4)
        storage = .allocate(capacity: capacity)
        storage.initialize(repeating: nil, count: capacity)
    }

    deinit {
        storage.deinitialize(count: capacity)
        storage.deallocate()
    }

    /// Whether `global` or `nonlocal` sent some name elsewhere: then writes go through `setVariable`.
    var redirects: Bool { !globalNames.isEmpty || !nonlocalNames.isEmpty }

    @inline(__always)
    func value(at slot: Int) -> Value? {
        slot < capacity ? storage[slot] : nil
    }

    @inline(__always)
    func set(_ value: Value?, at slot: Int) {
        if slot >= capacity { grow(to: slot + 1) }
        storage[slot] = value
    }

    private func grow(to count: Int) {
        let newCapacity = max(count, layout.count, capacity * 2)
        let newStorage = UnsafeMutablePointer<Value?>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: capacity)
        (newStorage + capacity).initialize(repeating: nil, count: newCapacity - capacity)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    subscript(name: String) -> Value? {
        get { layout.slot(of: name).flatMap { value(at: $0) } }
        set {
            if newValue == nil, layout.slot(of: name) == nil { return }
            set(newValue, at: layout.reserve(name))
        }
    }

    /// Unbinds `name`, returning what it held (nil when it was not bound here).
    @discardableResult
    func removeValue(_ name: String) -> Value? {
        guard let i = layout.slot(of: name), let old = value(at: i) else { return nil }
        storage[i] = nil
        return old
    }

    /// The bound variables, in the order their names were first seen.
    var variables: [(name: String, value: Value)] {
        var out: [(name: String, value: Value)] = []
        for i in 0..<min(capacity, layout.count) { if let v = storage[i] { out.append((layout.names[i], v)) } }
        return out
    }

    var boundNames: [String] { variables.map(\.name) }
}
