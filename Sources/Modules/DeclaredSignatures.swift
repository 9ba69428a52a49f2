import Script

/// A callable declared once: its Python signature and how to build what it returns from the
/// arguments bound to it (an optimizer, a layer, an initializer, a regularizer, ...).
struct Declared<Made>: Sendable {
    let signature: Signature
    let make: @Sendable (BoundArguments) throws -> Made
}

/// Every callable whose Python signature Lectern declares, by the dotted name a lesson reaches it
/// under (`keras.optimizers.Adam`, `keras.Model.fit`). Read off what a lesson can import (every
/// `BuiltinFunction` made from a `Signature`) and off the method tables of the host types, so
/// there is no second list to keep. A test walks these against the real libraries' signatures.
public enum DeclaredSignatures {
    /// Whether a module only repeats another under an older or a second path (`tensorflow.keras`,
    /// Keras 2's `keras.layers.core`, `sklearn.datasets.samples_generator`).
    public static func isAlias(_ module: String) -> Bool {
        if module.hasPrefix("tensorflow") || module.hasPrefix("tf.") || module == "sklearn.datasets.samples_generator" { return true }
        return KerasModule.legacyPaths.contains { part, legacy in legacy.contains { module == "keras.\(part).\($0)" } }
    }

    /// Whether a dotted name is a method from a method table (`keras.Model.fit`).
    public static func isMethod(_ name: String) -> Bool {
        DeclaredMethodTables.all.keys.contains { name.hasPrefix($0 + ".") && !name.dropFirst($0.count + 1).contains(".") }
    }

    public static func all(in registry: ModuleRegistry) throws -> [String: Signature] {
        var found: [String: Signature] = [:]
        for module in registry.names where !isAlias(module) {
            guard let m = try registry.load(module) else { continue }
            for (member, value) in m.members {
                if case .object(let f as BuiltinFunction) = value, let s = f.signature { found["\(module).\(member)"] = s }
            }
        }
        for (owner, methods) in DeclaredMethodTables.all {
            for (name, s) in methods { found["\(owner).\(name)"] = s }
        }
        return found
    }
}
