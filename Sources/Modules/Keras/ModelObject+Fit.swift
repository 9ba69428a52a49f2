import Engine
import Script
import Tensor

/// `fit` on arrays and on an `ImageDataGenerator` flow, from the arguments bound to Keras 3's
/// signature, and what both share around the engine's training loop.
extension ModelObject {
    static let fitDeclaration = """
        x=None, y=None, batch_size=None, epochs=1, verbose='auto', callbacks=None, validation_split=0.0,
        validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0, steps_per_epoch=None,
        !validation_steps=None, !validation_batch_size=None, !validation_freq=1
        """

    func fit(_ a: BoundArguments, _ ctx: CallContext) throws -> Value {
        guard let xv = a.optional("x") else { throw ScriptError.type("fit() missing required argument: 'x'") }
        if case .object(let batches as ImageBatchIterator) = xv { return try fit(batches, a, ctx) }
        guard let yv = a.optional("y") else { throw ScriptError.type("fit() missing required argument: 'y'") }
        if a.optional("steps_per_epoch") != nil {
            throw ScriptError.notImplemented("fit(steps_per_epoch=...) applies to data from a generator (ImageDataGenerator.flow)")
        }
        let (x, y) = try data(xv, yv)
        try buildForCustomInitializers(x, ctx)
        let classWeight = try a.optional("class_weight").map(Self.classWeights)
        let sampleWeight = try a.optional("sample_weight").map { try NDArray.coerce($0).storage }
        let batchSize = try a.optional("batch_size")?.int("batch_size") ?? 32
        let shuffle = try a.optional("shuffle")?.bool("shuffle") ?? true
        let split = try a.optional("validation_split")?.double("validation_split") ?? 0
        let initialEpoch = try a.optional("initial_epoch")?.int("initial_epoch") ?? 0
        return try runFit(a, ctx) { validation, verbose, epochs, callbacks, log in
            try self.model.fit(x: x, y: y, batchSize: batchSize, epochs: epochs, verbose: verbose, validationData: validation,
                               shuffle: shuffle, validationSplit: split, classWeight: classWeight, sampleWeight: sampleWeight,
                               initialEpoch: initialEpoch, callbacks: callbacks, log: log)
        }
    }

    /// `class_weight={0: 1.0, 1: 5.0}`: a weight per class index.
    static func classWeights(_ v: Value) throws -> [Int: Double] {
        guard case .dict(let d) = v else {
            throw ScriptError.type("class_weight must be a dict mapping class indices to weights. Received: \(v.shortDescription)")
        }
        var weights: [Int: Double] = [:]
        for (k, w) in zip(d.keys, d.values) { weights[try k.int("class_weight")] = try w.double("class_weight") }
        return weights
    }

    /// `fit(flow, steps_per_epoch=N, epochs=..., validation_data=...)`: one batch at a time from
    /// the iterator; `steps_per_epoch` defaults to the batches in one pass (`len(flow)`), and a
    /// fractional one (`len(X) / 32`) is rounded up. As in Keras, `shuffle` is the flow's to decide.
    func fit(_ batches: ImageBatchIterator, _ a: BoundArguments, _ ctx: CallContext) throws -> Value {
        if a.optional("y") != nil { throw ScriptError.value("`y` argument is not supported when using a generator as input; the generator gives the labels.") }
        if a.optional("batch_size") != nil { throw ScriptError.value("`batch_size` is not supported when using a generator as input; flow(batch_size=...) sets it.") }
        if try a.optional("validation_split")?.double("validation_split") ?? 0 != 0 {
            throw ScriptError.value("`validation_split` is only supported for arrays, not for a generator.")
        }
        if a.optional("sample_weight") != nil { throw ScriptError.value("`sample_weight` argument is not supported when using a generator as input.") }
        if a.optional("class_weight") != nil { throw ScriptError.notImplemented("fit: class_weight with data from a generator is not supported yet") }
        var steps = (batches.count + batches.batchSize - 1) / batches.batchSize
        if let v = a.optional("steps_per_epoch") {
            let d = try v.double("steps_per_epoch")
            guard d.isFinite, d >= 1, d <= Double(Int32.max) else { throw ScriptError.value("steps_per_epoch must be a positive number. Received: \(d)") }
            steps = Int(d.rounded(.up))
        }
        let initialEpoch = try a.optional("initial_epoch")?.int("initial_epoch") ?? 0
        let stream = BatchStream(stepsPerEpoch: steps, batchCapacity: batches.batchSize) {
            let (x, y) = try batches.nextBatch()
            guard let y else { throw ScriptError.value("fit needs labels: call flow(x, y) with the targets") }
            return try self.data(.object(x), .object(y))
        }
        return try runFit(a, ctx) { validation, verbose, epochs, callbacks, log in
            try self.model.fit(stream: stream, epochs: epochs, verbose: verbose, validationData: validation, initialEpoch: initialEpoch,
                               callbacks: callbacks, log: log)
        }
    }

    /// `verbose='auto'` (or None) is 1, as Keras reads it outside a notebook; otherwise 0, 1 or 2.
    static func verbosity(_ v: Value) throws -> Int {
        switch v {
        case .none: return 1
        case .string(let text) where text == "auto": return 1
        default: return try v.int("verbose")
        }
    }

    /// What every `fit` shares around the engine's training loop: validation data, callbacks
    /// (Keras' and the lesson's), verbosity, the block's deadline, and errors raised by the
    /// lesson's callbacks and metrics, re-raised once training has stopped.
    func runFit(_ a: BoundArguments, _ ctx: CallContext,
                train: ((Tensor, Tensor)?, Int, Int, [any Callback], (String) -> Void) throws -> History) throws -> Value {
        var validation: (Tensor, Tensor)?
        if let vd = a.optional("validation_data") {
            let pair = try vd.sequence("validation_data")
            guard pair.count == 2 else { throw ScriptError.value("validation_data must be a tuple (x_val, y_val). Received a tuple of \(pair.count) items") }
            validation = try data(pair[0], pair[1])
        }
        var scriptCallbacks: [ScriptCallback] = []
        let callbacks = try (a.optional("callbacks")?.sequence("callbacks") ?? []).map { v -> any Callback in
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
        let verbose = try Self.verbosity(a["verbose"])
        let epochs = try a.optional("epochs")?.int("epochs") ?? 1
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
