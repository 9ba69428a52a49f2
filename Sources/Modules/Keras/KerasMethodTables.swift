import Script

extension DeclaredMethodTables {
    /// This family's host types and their declared methods, by the real class's dotted name.
    static var keras: [String: [String: Signature]] {
        [
            "keras.Model": ModelObject.modelMethods.signatures,
            "keras.Sequential": ModelObject.methods.signatures,
            "keras.preprocessing.image.ImageDataGenerator": ImageDataGeneratorObject.methods.signatures,
            "keras.optimizers.Optimizer": OptimizerObject.methods.signatures,
        ]
    }
}
