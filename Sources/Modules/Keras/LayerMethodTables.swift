import Script

extension DeclaredMethodTables {
    /// This family's host types and their declared methods, by the real class's dotted name.
    static var layers: [String: [String: Signature]] {
        ["keras.layers.Layer": LayerObject.methods.signatures]
    }
}
