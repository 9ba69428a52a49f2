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
    /// Read and written on every variable access by the one thread running the interpreter, so
    /// kept out of Swift's dynamic exclusivity checks.
    @exclusivity(unchecked) private(set) var slots: ContiguousArray<Value?>
    let parent: Scope?
    var globalNames: Set<String> = []
    var nonlocalNames: Set<String> = []

    init(parent: Scope?, layout: ScopeLayout = ScopeLayout()) {
        self.parent = parent
        self.layout = layout
        self.slots = ContiguousArray(repeating: nil, count: layout.count)
    }

    /// Whether `global` or `nonlocal` sent some name elsewhere: then writes go through `setVariable`.
    var redirects: Bool { !globalNames.isEmpty || !nonlocalNames.isEmpty }

    @inline(__always)
    func value(at slot: Int) -> Value? {
        slot < slots.count ? slots[slot] : nil
    }

    @inline(__always)
    func set(_ value: Value?, at slot: Int) {
        if slot >= slots.count {
            slots.append(contentsOf: repeatElement(nil, count: layout.count - slots.count))
        }
        slots[slot] = value
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
        slots[i] = nil
        return old
    }

    /// The bound variables, in the order their names were first seen.
    var variables: [(name: String, value: Value)] {
        var out: [(name: String, value: Value)] = []
        for (i, v) in slots.enumerated() { if let v { out.append((layout.names[i], v)) } }
        return out
    }

    var boundNames: [String] { variables.map(\.name) }
}

/// What the interpreter remembers on a name node: the layout and slot it was last found in, and
/// (for code at or one call below the lesson's top level) its global slot and built-in value.
/// Lambdas and comprehensions keep their shared layout in `layout`.
struct NameCache {
    var layout: ScopeLayout?
    var slot = 0
    var globalSlot = -1
    var builtin: Value?
}
