import Engine
import Script

/// Keras' `evaluate` and its one-batch calls: `train_on_batch(x, y)` takes one optimizer step on
/// the whole of `x` and returns the loss (and metrics) of that batch, measured before the step as
/// Keras does; `test_on_batch` evaluates and `predict_on_batch` predicts `x` as one batch.
extension ModelObject {
    func evaluate(_ a: BoundArguments, _ ctx: CallContext) throws -> Value {
        if !a.extraKeywords.isEmpty {
            let listed = a.extraKeywords.map { "'\($0.name)': \(ctx.repr($0.value))" }.joined(separator: ", ")
            throw ScriptError.value("Arguments not recognized: {\(listed)}")
        }
        guard let xv = a.optional("x") else { throw ScriptError.type("evaluate() missing required argument: 'x'") }
        guard let yv = a.optional("y") else { throw ScriptError.type("evaluate() missing required argument: 'y'") }
        // Any verbosity prints nothing: Lectern's evaluate shows no progress bar.
        _ = try Self.verbosity(a["verbose"])
        let (x, y) = try data(xv, yv)
        try buildForCustomInitializers(x, ctx)
        let batchSize = try a.optional("batch_size")?.int("batch_size") ?? 32
        syncTrainable()
        let values = try interruptible(ctx) { try model.evaluate(x: x, y: y, batchSize: batchSize) }
        try rethrowMetricErrors()
        if try a["return_dict"].bool("return_dict") { return try Self.results(["loss"] + model.metricNames, values) }
        if metricNames.isEmpty { return .float(values.first ?? .nan) }
        return .list(ListStorage(values.map { .float($0) }))
    }

    /// `return_dict=True`: each value under its History key.
    static func results(_ keys: [String], _ values: [Double]) throws -> Value {
        .dict(try DictStorage(zip(keys, values).map { (.string($0), .float($1)) }))
    }

    func trainOnBatch(_ a: BoundArguments, _ ctx: CallContext) throws -> Value {
        let rows = try rows(a["x"])
        guard let y = a.optional("y") else { throw ScriptError.type("train_on_batch() missing required argument: 'y'") }
        let keywords: [String: Value] = ["batch_size": .int(max(rows, 1)), "verbose": .int(0), "epochs": .int(1), "shuffle": .bool(false),
                                         "sample_weight": a["sample_weight"], "class_weight": a["class_weight"]]
        guard case .object(let h as HistoryObject) = try call("fit", [a["x"], y], keywords, ctx) else { return .none }
        // The batch's values, in compile's order: the loss, then each metric.
        let keys = h.history.keys.filter { !$0.hasPrefix("val_") }
        let values = keys.compactMap { h.history.values[$0]?.last }
        if try a["return_dict"].bool("return_dict") { return try Self.results(keys, values) }
        if values.count == 1 { return .float(values[0]) }
        return .list(ListStorage(values.map { .float($0) }))
    }

    func testOnBatch(_ a: BoundArguments, _ ctx: CallContext) throws -> Value {
        let rows = try rows(a["x"])
        guard let y = a.optional("y") else { throw ScriptError.type("test_on_batch() missing required argument: 'y'") }
        return try call("evaluate", [a["x"], y], ["batch_size": .int(max(rows, 1)), "verbose": .int(0), "return_dict": a["return_dict"]], ctx)
    }
}
