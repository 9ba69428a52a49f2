import Engine
import Script
import Tensor

/// A Keras `Sequential` model as the language sees it.
final class ModelObject: ScriptObject {
    let model: Sequential
    /// What `compile` was given, to compile copies the same way.
    private var lossName: String?
    private var lossSettings = LossSettings()
    private(set) var layerObjects: [LayerObject] = []
    /// The metric names as written in `compile`, which decide the History keys and evaluate's shape.
    private(set) var metricNames: [String] = []
    /// The lesson's own metrics (Metric subclasses) given to `compile`.
    var scriptMetrics: [ScriptMetric] = []
    private var optimizerObject: OptimizerObject?
    /// `self.model.stop_training = True` from a lesson's callback.
    var stopTraining = false
    /// `model(inputs, training=None)`, named after the model in messages.
    lazy var callSignature = Signature(model.name, "inputs, training=None, !mask=None")

    unowned let session: LessonSession

    init(_ model: Sequential, session: LessonSession) {
        self.model = model
        self.session = session
    }

    /// An independent model with the same layers, compile settings and current weights,
    /// made by the same route as saving and loading.
    func copy() throws -> ModelObject {
        try ModelObject.restore(try engineCall { try ModelFile(model) }, session: session)
    }

    /// The model a `ModelFile` describes, wrapped for the language (layers, compile settings, weights).
    static func restore(_ file: ModelFile, session: LessonSession) throws -> ModelObject {
        let model = try engineCall { try file.makeModel(seed: session.nextModelSeed()) }
        let object = ModelObject(model, session: session)
        for (layer, config) in zip(model.layers, file.layers) {
            let wrapped = LayerObject(layer, kind: layer.typeName, rebuild: { try config.makeLayer() })
            wrapped.owner = object
            object.layerObjects.append(wrapped)
        }
        if let compiled = file.compiled, let optimizer = model.optimizer {
            object.lossName = compiled.loss
            object.lossSettings = model.lossSettings
            object.metricNames = compiled.metrics
            object.optimizerObject = OptimizerObject(optimizer, name: optimizer.name)
        }
        return object
    }

    /// Writes the model (architecture, compile settings, weights) to `path` in the scratch
    /// folder, in Lectern's own format; `load_model(path)` reads it back bit for bit.
    func save(_ path: String) throws {
        let data = try engineCall { try ModelFile(model).encoded() }
        try session.writeScratch(data, to: path)
    }

    var typeName: String { "Sequential" }
    func repr() -> String { "<Sequential name=\(model.name)>" }

    func add(_ v: Value) throws {
        guard case .object(let l as LayerObject) = v else {
            throw ScriptError.type("The added layer must be an instance of class Layer. Received: layer=\(v.shortDescription)")
        }
        if let shape = l.inputShape, model.layers.isEmpty {
            try engineCall { try model.add(try InputLayer(shape: shape)) }
        }
        try engineCall { try model.add(l.layer) }
        // Keras' Sequential.layers leaves the Input out, as the engine's model does.
        guard !(l.layer is InputLayer) else { return }
        l.owner = self
        layerObjects.append(l)
        if !l.trainable { model.setTrainable(l.layer, false) }
    }

    /// Forgets the last layer's wrapper after the engine's `pop()`.
    func removeLastLayerObject() -> Value {
        guard let last = layerObjects.popLast() else { return .none }
        if last.owner === self { last.owner = nil }
        return .object(last)
    }

    /// Builds the model for inputs like `x` when a lesson-written initializer is waiting for the
    /// weights' shapes, then runs it, so training starts from its values.
    func buildForCustomInitializers(_ x: Tensor, _ context: CallContext) throws {
        guard layerObjects.contains(where: { !$0.customInitializers.isEmpty }) else { return }
        try engineCall { try model.ensureBuilt(featureShape: Array(x.shape.dropFirst().isEmpty ? [1] : x.shape.dropFirst())) }
        try applyCustomInitializers(context)
    }

    /// Runs lesson-written initializers of layers that have been built by now.
    func applyCustomInitializers(_ context: CallContext) throws {
        for l in layerObjects where !l.customInitializers.isEmpty { try l.applyCustomInitializers(context) }
    }

    var attributeNames: [String] {
        ModelObject.methods.names + ["layers", "name", "optimizer", "stop_training", "input", "output", "inputs", "outputs"]
    }

    func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        switch name {
        case "stop_training": stopTraining = try value.bool(name)
        case "trainable":
            // model.trainable = False freezes every layer, as in Keras.
            let on = try value.bool(name)
            for l in layerObjects { l.trainable = on }
        default: return false
        }
        return true
    }

    func attribute(_ name: String) throws -> Value? {
        if let m = Self.methods.bound(name, to: self) { return m }
        switch name {
        case "layers": return .list(ListStorage(layerObjects.map { .object($0) }))
        case "name": return .string(model.name)
        case "stop_training": return .bool(stopTraining)
        case "input", "inputs":
            let t = Value.object(SymbolicTensor(model: self, layerIndex: -1))
            return name == "input" ? t : .list(ListStorage([t]))
        case "output", "outputs":
            let t = Value.object(SymbolicTensor(model: self, layerIndex: layerObjects.count - 1))
            return name == "output" ? t : .list(ListStorage([t]))
        case "optimizer":
            return optimizerObject.map { .object($0) } ?? Value.none
        default:
            return nil
        }
    }

    /// `compile`'s choices: an optimizer object, its name, or None for Keras' default
    /// 'rmsprop'; a loss name or object; metric names and objects.
    func compile(optimizer choice: Value, loss lossValue: Value?, metrics: Value?, _ ctx: CallContext) throws {
        let optimizer: Optimizer
        switch choice {
        case .object(let o as OptimizerObject): optimizer = o.optimizer; optimizerObject = o
        case .string(let name):
            optimizer = try engineCall { try Optimizers.named(name) }
            optimizerObject = OptimizerObject(optimizer, name: optimizer.name)
        case .none:
            optimizer = try engineCall { try Optimizers.named("rmsprop") }
            optimizerObject = OptimizerObject(optimizer, name: optimizer.name)
        case let other: throw ScriptError.type("Could not interpret optimizer: \(other.shortDescription)")
        }
        let loss: String
        var settings = LossSettings()
        switch lossValue {
        case .object(let l as LossObject)?: loss = l.lossName; settings = l.settings
        case let v?: loss = try v.string("loss")
        case nil: throw ScriptError.value("compile() needs a loss, e.g. loss='binary_crossentropy'")
        }
        let choices = try metricChoices(metrics, ctx)
        metricNames = choices.map(\.name)
        lossName = loss
        lossSettings = settings
        syncTrainable()
        try engineCall { try model.compile(loss: loss, optimizer: optimizer, chosenMetrics: choices, lossSettings: settings) }
    }

    /// Inputs and targets as engine tensors; 1-D targets become a column, as Keras expands them.
    func data(_ xv: Value, _ yv: Value) throws -> (Tensor, Tensor) {
        let x = try NDArray.coerce(xv).tensor()
        var y = try NDArray.coerce(yv).tensor()
        if y.shape.count == 1 { y = Tensor(shape: [y.shape[0], 1], data: y.data) }
        guard x.shape[0] == y.shape[0] else {
            throw ScriptError.value("Data cardinality is ambiguous: x sizes: \(x.shape[0]), y sizes: \(y.shape[0]). Make sure all arrays contain the same number of samples.")
        }
        return (x, y)
    }
}

extension ModelObject {
    /// Runs `evaluate` or `predict` so that the block's time limit is looked at before every
    /// batch: a long call ends in the block's TimeoutError, not in a kill from outside.
    func interruptible<T>(_ ctx: CallContext, _ body: () throws -> T) throws -> T {
        model.interruption = { (try? ctx.checkDeadline()) == nil }
        defer { model.interruption = nil }
        return try session.timed {
            do {
                return try engineCall(body)
            } catch is EngineInterrupted {
                try ctx.checkDeadline()
                throw ScriptError(kind: "TimeoutError", message: "the block ran past its time limit")
            }
        }
    }
}
