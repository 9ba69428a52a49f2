import Script

/// A callable declared once: its Python signature and how to build what it returns from the
/// arguments bound to it (an optimizer, a layer, an initializer, a regularizer, ...).
struct Declared<Made>: Sendable {
    let signature: Signature
    let make: @Sendable (BoundArguments) throws -> Made
}

/// Every callable whose Python signature Lectern declares, by the dotted name a lesson imports it
/// under (`keras.optimizers.Adam`). A test walks these against the real libraries' signatures.
public enum DeclaredSignatures {
    public static var all: [String: Signature] {
        var found: [String: Signature] = [:]
        for entry in KerasOptimizers.entries { found["keras.optimizers." + entry.signature.name] = entry.signature }
        for entry in KerasWeightRules.regularizers { found["keras.regularizers." + entry.signature.name] = entry.signature }
        for entry in KerasWeightRules.constraints { found["keras.constraints." + entry.signature.name] = entry.signature }
        for entry in KerasLossClasses.entries { found["keras.losses." + entry.signature.name] = entry.signature }
        for entry in KerasInitializers.entries { found["keras.initializers." + entry.signature.name] = entry.signature }
        found["keras.layers.Dense"] = LayerObject.denseSignature
        for entry in KerasCoreLayers.entries { found["keras.layers." + entry.signature.name] = entry.signature }
        for entry in KerasCallbacks.entries { found["keras.callbacks." + entry.signature.name] = entry.signature }
        return found
    }
}
