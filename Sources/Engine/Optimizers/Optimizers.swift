/// The registry of optimizers by Keras name, with Keras' default settings.
public enum Optimizers {
    static let known = ["adam", "sgd", "rmsprop", "adagrad"]

    public static func named(_ name: String) throws -> Optimizer {
        switch name.lowercased() {
        case "adam": return Adam()
        case "sgd": return SGD()
        case "rmsprop": return RMSprop()
        case "adagrad": return Adagrad()
        default: throw NameRegistry.unknown("optimizer", name, known: known)
        }
    }
}
