import Script

extension DeclaredMethodTables {
    /// This family's host types and their declared methods, by the real class's dotted name; the
    /// built-in functions under `builtins`.
    static var python: [String: [String: Signature]] {
        PythonSignatures.byOwner
    }
}
