import Suggestions

/// Helpers shared by the registries that map Keras' string names to values.
enum NameRegistry {
    /// The error for an unknown name: suggests the closest known one and lists them all.
    static func unknown(_ kind: String, _ name: String, known: [String]) -> EngineError {
        var message = "Unknown \(kind) '\(name)'."
        if let suggestion = Suggest.closest(to: name, in: known) {
            message += " Did you mean '\(suggestion)'?"
        }
        message += " Known \(kind)s: \(known.joined(separator: ", "))."
        return EngineError(message)
    }
}
