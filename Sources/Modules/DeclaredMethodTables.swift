import Script

/// The method tables of the host types, by the real class's dotted name (`keras.Model`), one
/// list per family so each family's file keeps its own; `DeclaredSignatures` reads them.
enum DeclaredMethodTables {
    static var all: [String: [String: Signature]] {
        var found: [String: [String: Signature]] = [:]
        for family in [numpy, pyplotAndSklearn, keras, layers, python] {
            found.merge(family) { a, _ in a }
        }
        return found
    }
}
