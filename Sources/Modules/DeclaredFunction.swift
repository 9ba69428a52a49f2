import Script

/// A module member bound through its Python signature: `declared("sqrt", "x, /") { a, _ in ... }`.
func declared(_ name: String, _ declaration: String, aliases: [String: String] = [:],
              _ body: @escaping (BoundArguments, CallContext) throws -> Value) -> (String, Value) {
    (name, .object(BuiltinFunction(Signature(name, declaration, aliases: aliases), body)))
}
