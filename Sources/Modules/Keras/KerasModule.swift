import Foundation
import Engine
import Script
import Tensor

/// `keras` (and `tensorflow.keras`, `tf.keras`): models, layers, optimizers, regularizers,
/// constraints, initializers, callbacks and the backend, bound to the engine.
enum KerasModule {
    static func schedules() -> ModuleObject { KerasSchedules.module() }

    static func regularizers() -> ModuleObject {
        module("keras.regularizers", KerasWeightRules.members(KerasWeightRules.regularizers) { RegularizerObject($0) })
    }

    static func constraints() -> ModuleObject {
        module("keras.constraints", KerasWeightRules.members(KerasWeightRules.constraints) { ConstraintObject($0) })
    }

    static func initializers() -> ModuleObject { KerasInitializers.module() }

    /// Submodules of Keras 2 (`keras.layers.core`, `keras.optimizers.gradient_descent_v2`,
    /// `keras.utils.np_utils`, ...) by the module whose names they held.
    static let legacyPaths: [(String, [String])] = [
        ("layers", ["core", "advanced_activations", "convolutional", "pooling", "normalization", "noise", "regularization", "reshaping"]),
        ("optimizers", ["gradient_descent_v2", "adam_v2", "rmsprop_v2", "adagrad_v2", "adadelta_v2", "adamax_v2", "nadam_v2", "legacy"]),
        ("utils", ["np_utils"]),
    ]

    /// Registers `keras`, `tensorflow`, `tensorflow.keras` and their submodules.
    static func register(in registry: ModuleRegistry, session: LessonSession) {
        let parts: [(String, ModuleObject)] = [
            ("layers", layers()), ("models", models(session: session)), ("optimizers", KerasOptimizers.module()),
            ("losses", losses()), ("regularizers", regularizers()), ("constraints", constraints()), ("initializers", initializers()),
            ("callbacks", KerasCallbacks.module(session: session)), ("backend", backend(session: session)), ("utils", utils(session: session)),
            ("metrics", KerasMetrics.module()), ("preprocessing", KerasPreprocessing.module(session: session)),
        ]
        func keras(_ name: String) -> ModuleObject {
            var members: [(String, Value)] = parts.map { ($0.0, .object($0.1)) }
            if let models = parts.first(where: { $0.0 == "models" })?.1 { members += models.members.map { ($0.key, $0.value) } }
            if let layers = parts.first(where: { $0.0 == "layers" })?.1, let input = layers.members["Input"] { members.append(("Input", input)) }
            return module(name, members)
        }
        let kerasModule = keras("keras")
        let tfKeras = keras("tensorflow.keras")
        for prefix in ["keras", "tensorflow.keras", "tf.keras"] {
            for (name, m) in parts { registry.register(prefix + "." + name) { m } }
            // Keras 2's module paths, which 2017-2022 scripts import from.
            for (part, legacy) in Self.legacyPaths {
                if let m = parts.first(where: { $0.0 == part })?.1 {
                    for path in legacy { registry.register(prefix + "." + part + "." + path) { m } }
                }
            }
            if let p = parts.first(where: { $0.0 == "preprocessing" })?.1, case .object(let image as ModuleObject)? = p.members["image"] {
                registry.register(prefix + ".preprocessing.image") { image }
            }
            if let o = parts.first(where: { $0.0 == "optimizers" })?.1, case .object(let sch as ModuleObject)? = o.members["schedules"] {
                registry.register(prefix + ".optimizers.schedules") { sch }
            }
        }
        registry.register("keras") { kerasModule }
        registry.register("tensorflow.keras") { tfKeras }
        let nn = module("tensorflow.nn", ["relu", "sigmoid", "tanh", "softmax", "elu", "selu", "softplus", "leaky_relu", "gelu", "swish"].map { n in
            (n, .object(BuiltinFunction(n) { _, _ in throw ScriptError.notImplemented("tf.nn.\(n) is used as an activation argument here, not called directly") }))
        })
        registry.register("tensorflow") {
            module("tensorflow", [("keras", .object(tfKeras)), ("nn", .object(nn)), ("random", .object(TensorFlowOps.random(session: session))),
                                  ("float32", .object(DTypeConstructor(.float32, name: "float32")))] + TensorFlowOps.members())
        }
    }
}

/// `optimizer.lr` / `optimizer.learning_rate`: Keras' learning-rate variable. Reads as the current
/// rate wherever a number is expected (`float(...)`, `%f`, arithmetic); `K.set_value` assigns it.
final class LearningRateVariable: ScriptObject {
    let optimizer: Optimizer
    init(_ optimizer: Optimizer) { self.optimizer = optimizer }
    var value: Double { Double(Float(optimizer.currentLearningRate)) }
    var typeName: String { "Variable" }
    func repr() -> String { "<tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=\(FloatDigits.pythonRepr(value, float32: true))>" }
    func str() -> String { repr() }
    func toFloat() throws -> Double? { value }
    var hashKey: HashKey? { .number(value) }
    /// Arithmetic and comparisons with numbers, on the current rate (`lr * 0.1`, `lr < 1e-3`).
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        let o: Double
        switch other {
        case .int(let i): o = Double(i)
        case .float(let d): o = d
        case .object(let v as LearningRateVariable): o = v.value
        default: return nil
        }
        let (a, b) = reflected ? (o, value) : (value, o)
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .divide: return .float(a / b)
        case .power: return .float(Foundation.pow(a, b))
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        default: return nil
        }
    }
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }

    /// tf.Variable's methods lessons call on the rate; `assign` returns the variable, as eager
    /// TensorFlow does, unless `read_value=False`.
    static let methods = MethodTable<LearningRateVariable>([
        Method("numpy", "") { v, _, _ in .float(v.value) },
        Method("assign", "value, !use_locking=False, !name=None, read_value=True") { v, a, _ in
            v.optimizer.learningRate = try a["value"].double("value")
            return try a["read_value"].bool("read_value") ? .object(v) : .none
        },
    ])
}
