import Foundation
import Engine
import Script
import Tensor

/// `keras` (and `tensorflow.keras`, `tf.keras`): models, layers, optimizers, regularizers,
/// constraints, initializers, callbacks and the backend, bound to the engine.
enum KerasModule {
    static func schedules() -> ModuleObject {
        module("keras.optimizers.schedules", [
            function("ExponentialDecay") { args, _ in
                let s = try args.bind("ExponentialDecay", ["initial_learning_rate", "decay_steps", "decay_rate", "staircase"], required: 3)
                return .object(ScheduleObject(try engineCall {
                    try ExponentialDecay(initialLearningRate: try (s[0] ?? .none).double("initial_learning_rate"), decaySteps: try (s[1] ?? .none).int("decay_steps"),
                                         decayRate: try (s[2] ?? .none).double("decay_rate"), staircase: try s.value(3)?.bool("staircase") ?? false)
                }))
            },
            function("InverseTimeDecay") { args, _ in
                let s = try args.bind("InverseTimeDecay", ["initial_learning_rate", "decay_steps", "decay_rate", "staircase"], required: 3)
                return .object(ScheduleObject(try engineCall {
                    try InverseTimeDecay(initialLearningRate: try (s[0] ?? .none).double("initial_learning_rate"), decaySteps: try (s[1] ?? .none).int("decay_steps"),
                                         decayRate: try (s[2] ?? .none).double("decay_rate"), staircase: try s.value(3)?.bool("staircase") ?? false)
                }))
            },
            function("PiecewiseConstantDecay") { args, _ in
                let s = try args.bind("PiecewiseConstantDecay", ["boundaries", "values"], required: 2)
                return .object(ScheduleObject(try engineCall {
                    try PiecewiseConstantDecay(boundaries: try (s[0] ?? .none).sequence("boundaries").map { try $0.int("boundaries") },
                                               values: try (s[1] ?? .none).sequence("values").map { try $0.double("values") })
                }))
            },
            function("PolynomialDecay") { args, _ in
                let s = try args.bind("PolynomialDecay", ["initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle"], required: 2)
                return .object(ScheduleObject(try engineCall {
                    try PolynomialDecay(initialLearningRate: try (s[0] ?? .none).double("initial_learning_rate"), decaySteps: try (s[1] ?? .none).int("decay_steps"),
                                        endLearningRate: try s.value(2)?.double("end_learning_rate") ?? 0.0001, power: try s.value(3)?.double("power") ?? 1,
                                        cycle: try s.value(4)?.bool("cycle") ?? false)
                }))
            },
            function("CosineDecay") { args, _ in
                let s = try args.bind("CosineDecay", ["initial_learning_rate", "decay_steps", "alpha"], required: 2)
                return .object(ScheduleObject(try engineCall {
                    try CosineDecay(initialLearningRate: try (s[0] ?? .none).double("initial_learning_rate"), decaySteps: try (s[1] ?? .none).int("decay_steps"),
                                    alpha: try s.value(2)?.double("alpha") ?? 0)
                }))
            },
        ])
    }

    static func regularizers() -> ModuleObject {
        module("keras.regularizers", KerasWeightRules.members(KerasWeightRules.regularizers) { RegularizerObject($0) })
    }

    static func constraints() -> ModuleObject {
        module("keras.constraints", KerasWeightRules.members(KerasWeightRules.constraints) { ConstraintObject($0) })
    }

    static func initializers() -> ModuleObject { KerasInitializers.module() }

    static func backend(session: LessonSession) -> ModuleObject {
        module("keras.backend", [
            function("clear_session") { _, _ in AutoName.reset(); return .none },
            function("get_value") { args, _ in
                guard let v = args.positional.first else { throw ScriptError.type("get_value() takes one argument") }
                if case .object(let variable as LearningRateVariable) = v { return .float(variable.value) }
                return v
            },
            function("set_value") { args, _ in
                // K.set_value(model.optimizer.lr, 0.001): the optimizer's learning rate is the variable
                // lessons set; other values are plain numbers in this engine and cannot be assigned.
                guard args.positional.count == 2 else { throw ScriptError.type("set_value() takes a variable and a value") }
                guard case .object(let variable as LearningRateVariable) = args.positional[0] else {
                    throw ScriptError.notImplemented("set_value supports the optimizer's learning rate (model.optimizer.lr / learning_rate)")
                }
                variable.optimizer.learningRate = try args.positional[1].double("value")
                return .none
            },
        ])
    }

    static func utils(session: LessonSession) -> ModuleObject {
        module("keras.utils", [
            function("to_categorical") { args, _ in
                let s = try args.bind("to_categorical", ["y", "num_classes", "dtype"], required: 1)
                let labels = try NDArray.coerce(s[0] ?? .none).storage.map { NDArray.int($0) }
                let t = try engineCall { try Preprocessing.toCategorical(labels, numClasses: try s.value(1)?.int("num_classes")) }
                return .object(NDArray(tensor: t, dtype: .float64))
            },
            function("set_random_seed") { args, _ in
                session.reseed(UInt64(truncatingIfNeeded: try (args.positional.first ?? .int(0)).int("seed")))
                return .none
            },
        ])
    }

    static func models(session: LessonSession) -> ModuleObject {
        module("keras.models", [
            function("load_model") { args, _ in
                let s = try args.bind("load_model", ["filepath", "custom_objects", "compile"], required: 1)
                let path = try (s[0] ?? .none).string("filepath")
                let url = try session.scratchPath(path)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw ScriptError(kind: "FileNotFoundError", message: "No file or directory found at \(path)")
                }
                return .object(try ModelObject.restore(try engineCall { try ModelFile.decode(data, path: path) }, session: session))
            },
            function("Model") { args, _ in try FunctionalModelObject.make(args) },
            function("clone_model") { args, _ in
                let s = try args.bind("clone_model", ["model", "input_tensors", "clone_function", "call_function", "recursive"], required: 1)
                guard case .object(let source as ModelObject)? = s[0] else { throw ScriptError.type("clone_model expects a Sequential model. Received: \((s[0] ?? .none).shortDescription)") }
                if s.value(1) != nil || s.value(2) != nil || s.value(3) != nil { throw ScriptError.notImplemented("clone_model supports the model argument only") }
                return .object(try source.cloned())
            },
            function("Sequential") { args, ctx in
                let s = try args.bind("Sequential", ["layers", "name"])
                let model = ModelObject(Sequential(name: try s.value(1)?.string("name"), seed: session.nextModelSeed()), session: session)
                if let layers = s.value(0) {
                    for l in try layers.sequence("layers") { try model.add(l) }
                    try model.applyCustomInitializers(ctx)
                }
                return .object(model)
            },
        ])
    }

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
        /// A float32 array shown as TensorFlow shows tensors.
        func tensor(_ shape: [Int], _ values: [Double]) -> Value {
            let t = NDArray(shape: shape, storage: values.map { Double(Float($0)) }, dtype: .float32)
            t.showsAsTensor = true
            return .object(t)
        }
        func shapeArgument(_ v: Value?) throws -> [Int] {
            guard let v else { throw ScriptError.type("missing shape") }
            if case .int(let n) = v { return [n] }
            return try v.sequence("shape").map { try $0.int("shape") }
        }
        let tfRandom = module("tensorflow.random", [
            function("set_seed") { args, _ in
                session.reseed(UInt64(truncatingIfNeeded: try (args.positional.first ?? .int(0)).int("seed")))
                return .none
            },
            function("normal") { args, _ in
                let s = try args.bind("normal", ["shape", "mean", "stddev", "dtype", "seed", "name"], required: 1)
                let shape = try shapeArgument(s[0])
                let count = try Limits.elements(shape)
                let mean = try s.value(1)?.double("mean") ?? 0, stddev = try s.value(2)?.double("stddev") ?? 1
                return tensor(shape, (0..<count).map { _ in session.tensorRandom.normal(mean: mean, stddev: stddev) })
            },
            function("uniform") { args, _ in
                let s = try args.bind("uniform", ["shape", "minval", "maxval", "dtype", "seed", "name"], required: 1)
                let shape = try shapeArgument(s[0])
                let count = try Limits.elements(shape)
                let low = try s.value(1)?.double("minval") ?? 0, high = try s.value(2)?.double("maxval") ?? 1
                return tensor(shape, (0..<count).map { _ in session.tensorRandom.uniformDouble(low: low, high: high) })
            },
        ])
        func elementwise(_ name: String, _ f: @escaping (Double) -> Double) -> (String, Value) {
            function(name) { args, _ in
                let s = try args.bind(name, ["x", "name"], required: 1)
                let a = try NDArray.coerce(s[0] ?? .none)
                return tensor(a.shape, a.storage.map(f))
            }
        }
        let tfOps: [(String, Value)] = [
            elementwise("sqrt", { $0.squareRoot() }), elementwise("square", { $0 * $0 }),
            elementwise("exp", { Foundation.exp($0) }), elementwise("abs", { Swift.abs($0) }),
            function("constant") { args, _ in
                let s = try args.bind("constant", ["value", "dtype", "shape", "name"], required: 1)
                let a = try NDArray.coerce(s[0] ?? .none)
                return tensor(a.shape, a.storage)
            },
            function("cast") { args, _ in
                let s = try args.bind("cast", ["x", "dtype", "name"], required: 2)
                let a = try NDArray.coerce(s[0] ?? .none)
                return tensor(a.shape, a.storage)
            },
        ]
        registry.register("tensorflow") {
            module("tensorflow", [("keras", .object(tfKeras)), ("nn", .object(nn)), ("random", .object(tfRandom)),
                                  ("float32", .object(DTypeConstructor(.float32, name: "float32")))] + tfOps + TensorFlowOps.members())
        }
    }
}

/// A Keras optimizer instance as the language sees it.
final class OptimizerObject: ScriptObject {
    let optimizer: Optimizer
    let name: String
    init(_ o: Optimizer, name: String) { optimizer = o; self.name = name }
    var typeName: String { name }
    func repr() -> String { "<keras.optimizers.\(name)>" }
    var attributeNames: [String] { ["learning_rate", "lr", "iterations"] }
    func attribute(_ attr: String) throws -> Value? {
        switch attr {
        case "learning_rate", "lr": return .object(LearningRateVariable(optimizer))
        case "iterations": return .int(optimizer.iterations)
        default: return nil
        }
    }
    func setAttribute(_ attr: String, _ value: Value) throws -> Bool {
        guard attr == "learning_rate" || attr == "lr" else { return false }
        optimizer.learningRate = try value.double(attr)
        return true
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
    var attributeNames: [String] { ["numpy", "assign"] }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "numpy": return .object(BuiltinFunction(name) { _, _ in .float(self.value) })
        case "assign":
            return .object(BuiltinFunction(name) { args, _ in
                self.optimizer.learningRate = try (args.positional.first ?? .none).double("value")
                return .none
            })
        default: return nil
        }
    }
}
