/// The modules a lesson can import, by dotted name, each loaded once on first import.
public final class ModuleRegistry {
    private var loaders: [String: () throws -> ModuleObject] = [:]
    private var loaded: [String: ModuleObject] = [:]

    /// Built-in names a host provides or replaces (`open`, reading the lesson's course folder);
    /// an interpreter made with this registry installs them over its own.
    public var builtins: [String: Value] = [:]

    public init() {}

    public func register(_ dottedName: String, _ loader: @escaping () throws -> ModuleObject) {
        loaders[dottedName] = loader
        loaded[dottedName] = nil
    }

    public func load(_ dottedName: String) throws -> ModuleObject? {
        if let m = loaded[dottedName] { return m }
        guard let loader = loaders[dottedName] else { return nil }
        let m = try loader()
        loaded[dottedName] = m
        return m
    }

    public var names: [String] { loaders.keys.sorted() }
}
