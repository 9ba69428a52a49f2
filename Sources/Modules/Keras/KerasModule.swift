import Engine
import Script
import Tensor

/// `keras` (and `tensorflow.keras`): models, layers and optimizers bound to the engine.
enum KerasModule {
    static func layers(session: LessonSession) -> ModuleObject {
        module("keras.layers", [
            ("Dense", .object(BuiltinFunction("Dense") { args, _ in try LayerObject.dense(args) })),
        ])
    }

    static func optimizers() -> ModuleObject {
        module("keras.optimizers", [
            function("Adam") { args, _ in
                let s = try args.bind("Adam", ["learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad", "lr"])
                let lr = try (s.value(0) ?? s.value(5))?.double("learning_rate") ?? 0.001
                return .object(OptimizerObject(Adam(
                    learningRate: lr,
                    beta1: try s.value(1)?.double("beta_1") ?? 0.9,
                    beta2: try s.value(2)?.double("beta_2") ?? 0.999,
                    epsilon: try s.value(3)?.double("epsilon") ?? 1e-7,
                    amsgrad: try s.value(4)?.bool("amsgrad") ?? false), name: "Adam"))
            },
            function("SGD") { args, _ in
                let s = try args.bind("SGD", ["learning_rate", "momentum", "nesterov", "lr"])
                let lr = try (s.value(0) ?? s.value(3))?.double("learning_rate") ?? 0.01
                return .object(OptimizerObject(SGD(
                    learningRate: lr,
                    momentum: try s.value(1)?.double("momentum") ?? 0,
                    nesterov: try s.value(2)?.bool("nesterov") ?? false), name: "SGD"))
            },
        ])
    }

    static func models(session: LessonSession) -> ModuleObject {
        module("keras.models", [
            function("Sequential") { args, _ in
                let s = try args.bind("Sequential", ["layers", "name"])
                let model = ModelObject(Sequential(name: try s.value(1)?.string("name"), seed: session.nextModelSeed()))
                if let layers = s.value(0) {
                    for l in try layers.sequence("layers") { try model.add(l) }
                }
                return .object(model)
            },
        ])
    }

    /// Registers `keras`, `tensorflow`, `tensorflow.keras` and their submodules.
    static func register(in registry: ModuleRegistry, session: LessonSession) {
        let layers = layers(session: session)
        let models = models(session: session)
        let optimizers = optimizers()
        func keras(_ name: String) -> ModuleObject {
            var members: [(String, Value)] = [
                ("layers", .object(layers)), ("models", .object(models)), ("optimizers", .object(optimizers)),
            ]
            members += models.members.map { ($0.key, $0.value) }
            return module(name, members)
        }
        let kerasModule = keras("keras")
        let tfKeras = keras("tensorflow.keras")
        for prefix in ["keras", "tensorflow.keras", "tf.keras"] {
            registry.register(prefix + ".layers") { layers }
            registry.register(prefix + ".layers.core") { layers }
            registry.register(prefix + ".models") { models }
            registry.register(prefix + ".optimizers") { optimizers }
        }
        registry.register("keras") { kerasModule }
        registry.register("tensorflow.keras") { tfKeras }
        registry.register("tensorflow") { module("tensorflow", [("keras", .object(tfKeras))]) }
    }
}

/// A Keras optimizer instance as the language sees it.
final class OptimizerObject: ScriptObject {
    let optimizer: Optimizer
    let name: String
    init(_ o: Optimizer, name: String) { optimizer = o; self.name = name }
    var typeName: String { name }
    func repr() -> String { "<keras.optimizers.\(name)>" }
}
