import Engine
import Script
import Tensor

/// A Keras layer as the language sees it (`Dense(500, activation='relu')`).
final class LayerObject: ScriptObject {
    let layer: any Layer
    let kind: String
    /// Makes a fresh layer from the same arguments (for `load_model` copies).
    let rebuild: () throws -> any Layer
    /// `input_shape=` given to a layer other than Dense: the model starts with an Input of it.
    var inputShape: [Int]?
    /// The model the layer was added to, for `layer.output` / `layer.input`.
    weak var owner: ModelObject?
    /// Keras' `layer.trainable`; applied to the model when the layer is (or gets) added.
    var trainable = true {
        didSet { owner?.model.setTrainable(layer, trainable) }
    }
    /// `layer(inputs, training=None)`, named after the layer's class in messages.
    private lazy var callSignature = Signature(kind, "inputs, training=None, !mask=None")
    /// Lesson-written initializers still to run: (parameter index, callable).
    var customInitializers: [(index: Int, initializer: Value)] = []

    init(_ layer: any Layer, kind: String, rebuild: @escaping () throws -> any Layer) {
        self.layer = layer
        self.kind = kind
        self.rebuild = rebuild
    }

    var typeName: String { kind }
    func repr() -> String { "<\(kind) name=\(layer.name)>" }

    /// The methods every layer has, declared once (`keras.layers.Layer`).
    static let methods = MethodTable<LayerObject>([
        Method("get_weights", "") { l, _, _ in
            .list(ListStorage(l.layer.allParameters.map { p in
                .object(NDArray(shape: p.shape, storage: p.values.map(Double.init), dtype: .float32))
            }))
        },
        Method("set_weights", "weights") { l, a, _ in
            let arrays = try a["weights"].sequence("weights").map { try NDArray.coerce($0).storage.map { Float($0) } }
            try engineCall { try l.layer.setWeights(arrays) }
            return .none
        },
        Method("count_params", "") { l, _, _ in .int(l.layer.countParams()) },
        Method("get_config", "") { l, _, _ in try l.config() },
        Method("from_config", "config") { l, a, context in try l.fromConfig(a["config"], context) },
    ])

    func attribute(_ name: String) throws -> Value? {
        if let method = Self.methods.bound(name, to: self) { return method }
        switch name {
        case "name": return .string(layer.name)
        case "trainable": return .bool(trainable)
        case "output", "input":
            guard let owner, let index = owner.layerObjects.firstIndex(where: { $0 === self }) else {
                throw ScriptError(kind: "AttributeError", message: "Layer \(layer.name) has never been called and thus has no defined \(name).")
            }
            return .object(SymbolicTensor(model: owner, layerIndex: name == "output" ? index : index - 1))
        case "output_shape": return .tuple([.none] + layer.outputShape.map { .int($0) })
        default: return nil
        }
    }

    var attributeNames: [String] { Self.methods.names + ["name", "output_shape", "trainable", "input", "output"] }

    func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        guard name == "trainable" else { return false }
        trainable = try value.bool(name)
        return true
    }

    /// `layer(data, training=True)`: the layer applied to an array, as TensorFlow's eager call
    /// (built on first use from the data's shape), returned as a tensor.
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try callSignature.bind(args)
        let x = try NDArray.coerce(a["inputs"]).astype(.float32)
        guard x.ndim >= 2 else { throw ScriptError.value("\(kind) expects a batch of inputs, an array of 2 or more dimensions. Received shape \(NDArray.shapeText(x.shape))") }
        let batch = x.shape[0]
        let features = Array(x.shape.dropFirst())
        if !layer.isBuilt {
            var random = RandomGenerator(seed: 0x5EED)
            try engineCall { try layer.build(inputShape: features, random: &random) }
        }
        layer.reserve(batchCapacity: batch)
        // Keras 3: without `training=`, each layer uses its own default (augmentation layers
        // train, the others infer); a frozen BatchNormalization always uses its moving statistics.
        var training = try a.optional("training")?.bool("training") ?? (layer is any ImageAugmentation)
        if training, layer is BatchNormalization, !trainable { training = false }
        let input = x.storage.map { Float($0) }
        let outShape = layer.outputShape
        let count = batch * outShape.reduce(1, *)
        let out: [Float] = input.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return [] }
            let result = layer.forward(base, batch: batch, training: training)
            return Array(UnsafeBufferPointer(start: result, count: count))
        }
        let y = NDArray(shape: [batch] + outShape, storage: out.map(Double.init), dtype: .float32)
        y.showsAsTensor = true
        return .object(y)
    }

    static func isCustomInitializer(_ v: Value) -> Bool {
        switch v {
        case .string, .none: return false
        case .object(let o): return !(o is InitializerObject)
        default: return false
        }
    }

    /// Calls the lesson's initializers with the built weights' shapes (Keras passes the shape and
    /// the dtype) and stores what they return; done once, when the layer has been built.
    func applyCustomInitializers(_ context: CallContext) throws {
        guard !customInitializers.isEmpty, layer.isBuilt else { return }
        let pending = customInitializers
        customInitializers = []
        for (index, initializer) in pending where index < layer.parameters.count {
            let parameter = layer.parameters[index]
            let shape = Value.tuple(parameter.shape.map { .int($0) })
            var args = Arguments([shape])
            args.keywords.append((name: "dtype", value: .object(DTypeConstructor(.float32, name: "float32"))))
            var callee = initializer
            if case .object(let instance as Instance) = initializer, let method = try instance.attribute("__call__") { callee = method }
            let result = try NDArray.coerce(try context.call(callee, args))
            guard result.count == parameter.count else {
                throw ScriptError.value("The initializer for \(layer.name)/\(parameter.name) returned \(result.count) values for shape \(NDArray.shapeText(parameter.shape)); it must return an array of that shape")
            }
            parameter.values = result.storage.map { Float($0) }
        }
    }
}

/// Runs engine code, turning its errors into the language's `ValueError` (or `MemoryError`, `NotImplementedError`).
func engineCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as EngineError {
        if e.isMemory { throw ScriptError(kind: "MemoryError", message: e.message) }
        if e.isNotImplemented { throw ScriptError.notImplemented(e.message) }
        throw ScriptError.value(String(describing: e))
    }
}
