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
    private var metricNames: [String] = []
    /// The lesson's own metrics (Metric subclasses) given to `compile`.
    var scriptMetrics: [ScriptMetric] = []
    private var optimizerObject: OptimizerObject?
    /// `self.model.stop_training = True` from a lesson's callback.
    var stopTraining = false

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

    static let methods = ["add", "pop", "compile", "fit", "evaluate", "predict", "summary", "count_params", "get_weights", "set_weights", "save"]

    var attributeNames: [String] { ModelObject.methods + ["layers", "name", "optimizer", "stop_training", "input", "output", "inputs", "outputs"] }

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
        switch name {
        case "layers": return .list(ListStorage(layerObjects.map { .object($0) }))
        case "name": return .string(model.name)
        case "stop_training": return .bool(stopTraining)
        case "add":
            return method(name) { args, ctx in
                let s = try args.bind("add", ["layer"], required: 1)
                try self.add(s[0] ?? .none)
                try self.applyCustomInitializers(ctx)
                return .none
            }
        case "compile":
            return method(name) { args, ctx in try self.compile(args, ctx) }
        case "pop":
            return method(name) { args, _ in try self.pop(args) }
        case "fit":
            return method(name) { args, ctx in try self.fit(args, ctx) }
        case "evaluate":
            return method(name) { args, ctx in
                let s = try args.bind("evaluate", ["x", "y", "batch_size", "verbose"], required: 2)
                let (x, y) = try self.data(s[0] ?? .none, s[1] ?? .none)
                try self.buildForCustomInitializers(x, ctx)
                let batchSize = try s.value(2)?.int("batch_size") ?? 32
                self.syncTrainable()
                let values = try self.interruptible(ctx) { try self.model.evaluate(x: x, y: y, batchSize: batchSize) }
                try self.rethrowMetricErrors()
                if self.metricNames.isEmpty { return .float(values.first ?? .nan) }
                return .list(ListStorage(values.map { .float($0) }))
            }
        case "predict":
            return method(name) { args, ctx in
                let s = try args.bind("predict", ["x", "batch_size", "verbose"], required: 1)
                let x = try NDArray.coerce(s[0] ?? .none).tensor()
                try self.buildForCustomInitializers(x, ctx)
                let batchSize = try s.value(1)?.int("batch_size") ?? 32
                let out = try self.interruptible(ctx) { try self.model.predict(x, batchSize: batchSize) }
                return .object(NDArray(tensor: out))
            }
        case "summary":
            return method(name) { _, ctx in
                ctx.write(self.model.summary() + "\n")
                return .none
            }
        case "count_params":
            return method(name) { _, _ in .int(self.model.countParams()) }
        case "get_weights":
            return method(name) { _, _ in
                .list(ListStorage(self.model.layers.flatMap { $0.allParameters }.map { p in
                    .object(NDArray(shape: p.shape, storage: p.values.map(Double.init), dtype: .float32))
                }))
            }
        case "set_weights":
            return method(name) { args, _ in
                guard let v = args.positional.first else { throw ScriptError.type("set_weights() takes a list of arrays") }
                let arrays = try v.sequence("weights").map { try NDArray.coerce($0).storage.map { Float($0) } }
                try engineCall { try self.model.setWeights(arrays) }
                return .none
            }
        case "input", "inputs":
            let t = Value.object(SymbolicTensor(model: self, layerIndex: -1))
            return name == "input" ? t : .list(ListStorage([t]))
        case "output", "outputs":
            let t = Value.object(SymbolicTensor(model: self, layerIndex: layerObjects.count - 1))
            return name == "output" ? t : .list(ListStorage([t]))
        case "save":
            return method(name) { args, _ in
                let s = try args.bind("save", ["filepath", "overwrite", "save_format"], required: 1)
                try self.save(try (s[0] ?? .none).string("filepath"))
                return .none
            }
        case "optimizer":
            return optimizerObject.map { .object($0) } ?? Value.none
        case "fit_generator":
            // Keras 2's name for fitting from a generator; `fit` takes generators itself now.
            return method(name) { args, ctx in try self.fit(args, ctx) }
        case "predict_classes", "predict_proba":
            return keras2Prediction(name)
        case "train_on_batch", "test_on_batch", "predict_on_batch":
            return onBatch(name)
        default:
            return nil
        }
    }

    func method(_ name: String, _ body: @escaping (Arguments, CallContext) throws -> Value) -> Value {
        .object(BuiltinFunction(name, body))
    }

    private func compile(_ args: Arguments, _ ctx: CallContext) throws -> Value {
        let s = try args.bind("compile", ["optimizer", "loss", "metrics"])
        let optimizer: Optimizer
        switch s.value(0) {
        case .object(let o as OptimizerObject)?: optimizer = o.optimizer; optimizerObject = o
        case .string(let name)?:
            optimizer = try engineCall { try Optimizers.named(name) }
            optimizerObject = OptimizerObject(optimizer, name: optimizer.name)
        case nil:
            optimizer = try engineCall { try Optimizers.named("rmsprop") }
            optimizerObject = OptimizerObject(optimizer, name: optimizer.name)
        case let other?: throw ScriptError.type("Could not interpret optimizer: \(other.shortDescription)")
        }
        let loss: String
        var settings = LossSettings()
        switch s.value(1) {
        case .object(let l as LossObject)?: loss = l.lossName; settings = l.settings
        case let v?: loss = try v.string("loss")
        case nil: throw ScriptError.value("compile() needs a loss, e.g. loss='binary_crossentropy'")
        }
        let choices = try metricChoices(s.value(2), ctx)
        metricNames = choices.map(\.name)
        lossName = loss
        lossSettings = settings
        syncTrainable()
        try engineCall { try model.compile(loss: loss, optimizer: optimizer, chosenMetrics: choices, lossSettings: settings) }
        return .none
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

    func fit(_ args: Arguments, _ ctx: CallContext) throws -> Value {
        let s = try args.bind("fit", ["x", "y", "batch_size", "epochs", "verbose", "callbacks",
                                      "validation_split", "validation_data", "shuffle", "steps_per_epoch"], required: 1)
        if case .object(let batches as ImageBatchIterator)? = s[0] { return try fit(batches, s, ctx) }
        guard let yv = s.value(1) else { throw ScriptError.type("fit() missing required argument: 'y'") }
        if s.value(9) != nil { throw ScriptError.notImplemented("fit(steps_per_epoch=...) applies to data from a generator (ImageDataGenerator.flow)") }
        let (x, y) = try data(s[0] ?? .none, yv)
        try buildForCustomInitializers(x, ctx)
        return try runFit(s, ctx) { validation, verbose, epochs, callbacks, log in
            try self.model.fit(x: x, y: y, batchSize: try s.value(2)?.int("batch_size") ?? 32, epochs: epochs, verbose: verbose,
                               validationData: validation, shuffle: try s.value(8)?.bool("shuffle") ?? true,
                               validationSplit: try s.value(6)?.double("validation_split") ?? 0, callbacks: callbacks, log: log)
        }
    }

    /// What every `fit` shares around the engine's training loop: validation data, callbacks
    /// (Keras' and the lesson's), verbosity, the block's deadline, and errors raised by the
    /// lesson's callbacks and metrics, re-raised once training has stopped.
    func runFit(_ s: [Value?], _ ctx: CallContext,
                train: ((Tensor, Tensor)?, Int, Int, [any Callback], (String) -> Void) throws -> History) throws -> Value {
        var validation: (Tensor, Tensor)?
        if let vd = s.value(7) {
            let pair = try vd.sequence("validation_data")
            guard pair.count == 2 else { throw ScriptError.value("validation_data must be a tuple (x_val, y_val). Received a tuple of \(pair.count) items") }
            validation = try data(pair[0], pair[1])
        }
        var scriptCallbacks: [ScriptCallback] = []
        let callbacks = try (s.value(5)?.sequence("callbacks") ?? []).map { v -> any Callback in
            if case .object(let inst as Instance) = v, inst.cls.inherits(from: session.callbackBase) {
                let adapter = ScriptCallback(inst, owner: self, context: ctx)
                scriptCallbacks.append(adapter)
                return adapter
            }
            guard case .object(let c as CallbackObject) = v else {
                throw ScriptError.type("callbacks must be Keras callbacks (EarlyStopping, ...) or instances of a Callback subclass. Received: \(v.shortDescription)")
            }
            if let checkpoint = c.callback as? ModelCheckpoint { checkpoint.owner = self }
            return c.callback
        }
        var verbose = 1
        if let v = s.value(4) {
            if case .string(let text) = v, text == "auto" { verbose = 1 } else { verbose = try v.int("verbose") }
        }
        let epochs = try s.value(3)?.int("epochs") ?? 1
        let deadline = DeadlineCallback(ctx, epochs: epochs, progress: session.epochObserver)
        syncTrainable()
        let history = try session.timed { try engineCall {
            try train(validation, verbose, epochs, scriptMetrics + callbacks + [deadline], { ctx.write($0 + ($0.hasSuffix("\n") ? "" : "\n")) })
        } }
        try rethrowMetricErrors()
        for case let scheduler as LearningRateScheduler in callbacks {
            if let e = scheduler.error { throw e }
        }
        for adapter in scriptCallbacks {
            if let e = adapter.error { throw e }
        }
        if let e = deadline.error { throw e }
        return .object(HistoryObject(history))
    }
}

/// Keras' `History`: `history.history['val_accuracy']` is a list of floats.
final class HistoryObject: ScriptObject {
    let history: History
    init(_ h: History) { history = h }
    var typeName: String { "History" }
    func repr() -> String { "<keras.callbacks.History>" }
    var attributeNames: [String] { ["history", "epoch"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "history":
            return .object(HistoryDict(history))
        case "epoch":
            let n = history.keys.first.flatMap { history.values[$0]?.count } ?? 0
            return .list(ListStorage((0..<n).map { .int($0) }))
        default: return nil
        }
    }
}

/// `history.history`: a dict of per-epoch lists that also answers the other spelling of a key
/// ('acc' for 'accuracy', 'mean_squared_error' for 'mse', and back), as scripts written for
/// either Keras do.
final class HistoryDict: ScriptObject {
    let storage: DictStorage
    init(_ h: History) {
        storage = DictStorage()
        for key in h.keys {
            try? storage.set(.string(key), .list(ListStorage((h.values[key] ?? []).map { .float($0) })))
        }
    }
    var typeName: String { "dict" }
    /// Metric names Keras 2.2 logged in full where later versions log the short form.
    static let longNames = ["mse": "mean_squared_error", "mae": "mean_absolute_error",
                            "mape": "mean_absolute_percentage_error", "msle": "mean_squared_logarithmic_error"]

    static func alternate(_ key: String) -> String? {
        // Keras 2 logged the rate as 'lr', Keras 3 as 'learning_rate'; both read the same series.
        if key == "lr" { return "learning_rate" }
        if key == "learning_rate" { return "lr" }
        if key.hasSuffix("accuracy") { return String(key.dropLast(8)) + "acc" }
        if key.hasSuffix("acc") { return String(key.dropLast(3)) + "accuracy" }
        let prefix = key.hasPrefix("val_") ? "val_" : ""
        let name = String(key.dropFirst(prefix.count))
        if let long = longNames[name] { return prefix + long }
        if let short = longNames.first(where: { $0.value == name })?.key { return prefix + short }
        return nil
    }
    func getItem(_ key: Value) throws -> Value? {
        if let v = try storage.get(key) { return v }
        if case .string(let k) = key, let alt = HistoryDict.alternate(k), let v = try storage.get(.string(alt)) { return v }
        let known = storage.keys.compactMap { if case .string(let s) = $0 { return "'" + s + "'" } else { return nil } }
        throw ScriptError.key("\(key.shortDescription); the history has \(known.joined(separator: ", "))")
    }
    func iterate() throws -> [Value]? { storage.keys }
    func length() throws -> Int? { storage.count }
    func repr() -> String {
        "{" + zip(storage.keys, storage.values).map { k, v in
            let items = (try? v.sequence("")) ?? []
            return k.shortDescription + ": [" + items.map { if case .float(let d) = $0 { return FloatDigits.pythonRepr(d) } else { return "" } }.joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "}"
    }
    var attributeNames: [String] { ["keys", "values", "items", "get"] }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "keys": return .object(BuiltinFunction(name) { _, _ in .list(ListStorage(self.storage.keys)) })
        case "values": return .object(BuiltinFunction(name) { _, _ in .list(ListStorage(self.storage.values)) })
        case "items": return .object(BuiltinFunction(name) { _, _ in .list(ListStorage(zip(self.storage.keys, self.storage.values).map { .tuple([$0, $1]) })) })
        case "get": return .object(BuiltinFunction(name) { args, _ in
            guard let k = args.positional.first else { throw ScriptError.type("get expected at least 1 argument") }
            return (try? self.getItem(k)) ?? (args.positional.count > 1 ? args.positional[1] : .none)
        })
        default: return nil
        }
    }
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
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
