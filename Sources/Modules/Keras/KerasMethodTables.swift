import Script

extension DeclaredMethodTables {
    /// This family's host types and their declared methods, by the real class's dotted name.
    static var keras: [String: [String: Signature]] {
        [:]
    }
}
