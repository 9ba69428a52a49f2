import Engine
import Script
import Tensor

/// A built-in Keras metric instance (`TopKCategoricalAccuracy(k=3)`): usable in
/// `compile(metrics=[...])`, where it reports under its `name`, and on its own with
/// `update_state`, `result`, `reset_state` or a call, as Keras' stateful metrics.
final class MetricObject: ScriptObject {
    let metric: Metric
    let name: String
    let className: String
    private var numerator = 0.0
    private var denominator = 0.0

    init(_ metric: Metric, name: String, className: String) {
        self.metric = metric
        self.name = name
        self.className = className
    }

    var typeName: String { className }
    func repr() -> String { "<\(className) name=\(name)>" }
    var attributeNames: [String] { Self.methods.names + ["name"] }

    /// Keras 3's stateful-metric methods (`reset_states` is Keras 2's spelling).
    static let methods = MethodTable<MetricObject>([
        Method("update_state", "y_true, y_pred, !sample_weight=None") { m, a, _ in
            try m.update(a["y_true"], a["y_pred"])
            return .none
        },
        Method("result", "") { m, _, _ in m.result },
        Method("reset_state", "") { m, _, _ in m.reset() },
        Method("reset_states", "") { m, _, _ in m.reset() },
    ])

    private func reset() -> Value {
        numerator = 0
        denominator = 0
        return .none
    }

    private func update(_ yTrue: Value, _ yPred: Value) throws {
        let truth = try TensorFlowOps.array(yTrue), predictions = try TensorFlowOps.array(yPred)
        guard predictions.ndim == 2, let rows = predictions.shape.first, rows > 0 else {
            throw ScriptError.value("\(className) expects y_pred of shape (batch, classes). Received: y_pred.shape=\(NDArray.shapeText(predictions.shape))")
        }
        let cols = predictions.shape[1]
        let targetColumns = truth.count / rows
        let expected: Int
        if case .sparseTopKCategoricalAccuracy = metric { expected = 1 } else { expected = cols }
        guard truth.count == rows * expected, targetColumns == expected else {
            throw ScriptError.value("\(className) expects y_true of \(expected == 1 ? "shape (batch,)" : "the shape of y_pred"). Received: y_true.shape=\(NDArray.shapeText(truth.shape)), y_pred.shape=\(NDArray.shapeText(predictions.shape))")
        }
        let p = predictions.storage.map { Float($0) }, t = truth.storage.map { Float($0) }
        let (n, d) = p.withUnsafeBufferPointer { pb in
            t.withUnsafeBufferPointer { tb in
                metric.batchCounts(predictions: pb.baseAddress!, targets: tb.baseAddress!, rows: rows, cols: cols)
            }
        }
        numerator += n
        denominator += d
    }

    private var result: Value {
        TensorFlowOps.tensor(NDArray(scalar: denominator > 0 ? numerator / denominator : 0, dtype: .float32))
    }

    func attribute(_ attr: String) throws -> Value? {
        if let m = Self.methods.bound(attr, to: self) { return m }
        return attr == "name" ? .string(name) : nil
    }

    /// `metric(y_true, y_pred)`: updates, as `update_state` takes its arguments, then the result.
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        guard let update = Self.methods.methods["update_state"] else { return nil }
        _ = try update.body(self, try update.signature.bind(args), context)
        return result
    }
}

/// Runs a lesson's `keras.metrics.Metric` subclass from the training loop: `reset_state()` at
/// each epoch's start, `update_state(y_true, y_pred)` with every batch, `result()` for the log.
/// The first error it raises stops training (as a batch observer) and is re-raised after `fit`.
final class ScriptMetric: ExternalMetric, Callback, BatchObserver {
    let instance: Instance
    let context: CallContext
    private(set) var error: (any Error)?

    init(_ instance: Instance, context: CallContext) {
        self.instance = instance
        self.context = context
    }

    /// The name it reports under: its `name` attribute, set by `Metric.__init__`.
    var name: String {
        if case .string(let n)? = try? instance.attribute("name") { return n }
        return KerasMetrics.snakeCase(instance.cls.name)
    }

    private func invoke(_ method: String, _ args: [Value]) -> Value? {
        guard error == nil else { return nil }
        do {
            guard let callee = try instance.attribute(method) else {
                throw ScriptError(kind: "AttributeError", message: "'\(instance.cls.name)' object has no attribute '\(method)'")
            }
            return try context.call(callee, Arguments(args))
        } catch {
            self.error = error
            return nil
        }
    }

    func reset() { _ = invoke("reset_state", []) }

    func update(predictions: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, predictionColumns: Int, targetColumns: Int) {
        // A single target column reaches the metric as (batch,), as Keras passes 1-D labels.
        let truthShape = targetColumns == 1 ? [rows] : [rows, targetColumns]
        let truth = NDArray(shape: truthShape, storage: (0..<rows * targetColumns).map { Double(targets[$0]) }, dtype: .float32)
        let predicted = NDArray(shape: [rows, predictionColumns], storage: (0..<rows * predictionColumns).map { Double(predictions[$0]) }, dtype: .float32)
        _ = invoke("update_state", [TensorFlowOps.tensor(truth), TensorFlowOps.tensor(predicted)])
    }

    func result() -> Double {
        guard let value = invoke("result", []) else { return .nan }
        do {
            if case .object(let o) = value, let d = try o.toFloat() { return d }
            return try value.double("result")
        } catch {
            self.error = error
            return .nan
        }
    }

    func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool { error != nil }
    func batchDidEnd(_ batch: Int, loss: Double, log: (String) -> Void) -> Bool { error != nil }
}
