/// A quantity reported during training besides the loss, named as in Keras.
/// `batchTotal` returns the sum over the batch's samples, so the model can
/// average over an epoch weighting every sample equally, as Keras' metrics do.
public enum Metric: Sendable, Equatable {
    case binaryAccuracy(threshold: Float)
    case categoricalAccuracy
    case sparseCategoricalAccuracy
    case meanSquaredError
    case meanAbsoluteError
    /// Keras' "accuracy" for a model whose loss does not settle it: binary
    /// for a single output column, categorical otherwise.
    case accuracyByShape
    /// Any loss reported as a metric (e.g. metrics=["binary_crossentropy"]).
    case loss(Loss)
    /// True positives over predicted positives, counted over the whole epoch (threshold 0.5).
    case precision
    /// True positives over actual positives, counted over the whole epoch (threshold 0.5).
    case recall
    /// The fraction of samples whose one-hot target class is among the `k` highest predictions.
    case topKCategoricalAccuracy(k: Int)
    /// The same, with class indices as targets.
    case sparseTopKCategoricalAccuracy(k: Int)
    /// A metric kept outside the engine (a lesson's `keras.metrics.Metric` subclass): the model
    /// resets, updates and reads it; `batchCounts` does not apply to it.
    case external(ExternalMetricReference)

    static let known = [
        "accuracy", "acc", "binary_accuracy", "categorical_accuracy",
        "sparse_categorical_accuracy", "mse", "mean_squared_error", "mae", "mean_absolute_error",
        "precision", "recall", "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
    ]

    /// Resolves a metric name. "accuracy" follows the shapes, as in Keras:
    /// sparse categorical when the targets are class indices, binary for a
    /// single output, categorical otherwise.
    public static func named(_ name: String, loss: Loss) throws -> Metric {
        switch name {
        case "accuracy", "acc":
            return loss == .sparseCategoricalCrossentropy ? .sparseCategoricalAccuracy : .accuracyByShape
        case "binary_accuracy": return .binaryAccuracy(threshold: 0.5)
        case "categorical_accuracy": return .categoricalAccuracy
        case "sparse_categorical_accuracy": return .sparseCategoricalAccuracy
        case "mse", "mean_squared_error": return .meanSquaredError
        case "mae", "mean_absolute_error": return .meanAbsoluteError
        case "precision": return .precision
        case "recall": return .recall
        case "top_k_categorical_accuracy": return .topKCategoricalAccuracy(k: 5)
        case "sparse_top_k_categorical_accuracy": return .sparseTopKCategoricalAccuracy(k: 5)
        default:
            if let asLoss = try? Loss.named(name) { return .loss(asLoss) }
            throw NameRegistry.unknown("metric", name, known: known + Loss.allCases.map(\.rawValue))
        }
    }

    /// What the batch adds to the epoch's running ratio. Mean metrics add the
    /// sum of per-sample values over the sample count; precision and recall
    /// add true positives over predicted (or actual) positives, so the epoch's
    /// value is a ratio of totals, as Keras' stateful metrics compute it.
    public func batchCounts(predictions p: UnsafePointer<Float>, targets t: UnsafePointer<Float>, rows: Int, cols: Int) -> (Double, Double) {
        switch self {
        case .precision, .recall:
            var truePositives = 0.0, counted = 0.0
            for i in 0..<rows * cols {
                let predicted = p[i] > 0.5, actual = t[i] > 0.5
                if predicted && actual { truePositives += 1 }
                if self == .precision ? predicted : actual { counted += 1 }
            }
            return (truePositives, counted)
        case .external:
            return (0, 0)
        case .topKCategoricalAccuracy, .sparseTopKCategoricalAccuracy,
             .binaryAccuracy, .categoricalAccuracy, .sparseCategoricalAccuracy, .meanSquaredError,
             .meanAbsoluteError, .accuracyByShape, .loss:
            return (batchTotal(predictions: p, targets: t, rows: rows, cols: cols), Double(rows))
        }
    }

    /// Sum over `rows` samples of the per-sample metric (for precision and
    /// recall, the batch's own ratio times its size).
    public func batchTotal(predictions p: UnsafePointer<Float>, targets t: UnsafePointer<Float>, rows: Int, cols: Int) -> Double {
        var total: Double = 0
        switch self {
        case .accuracyByShape:
            let resolved: Metric = cols == 1 ? .binaryAccuracy(threshold: 0.5) : .categoricalAccuracy
            return resolved.batchTotal(predictions: p, targets: t, rows: rows, cols: cols)
        case .loss(let loss):
            return loss.compute(predictions: p, targets: t, rows: rows, cols: cols, gradient: nil) * Double(rows)
        case .precision, .recall:
            let (numerator, denominator) = batchCounts(predictions: p, targets: t, rows: rows, cols: cols)
            return denominator > 0 ? numerator / denominator * Double(rows) : 0
        case .external:
            return 0
        case .topKCategoricalAccuracy(let k), .sparseTopKCategoricalAccuracy(let k):
            for r in 0..<rows {
                let label: Int
                if case .sparseTopKCategoricalAccuracy = self {
                    label = Int(exactly: t[r].rounded(.towardZero)) ?? -1
                } else {
                    var hot = 0
                    for j in 1..<max(1, cols) where t[r * cols + j] > t[r * cols + hot] { hot = j }
                    label = hot
                }
                if Metric.inTopK(p + r * cols, count: cols, label: label, k: k) { total += 1 }
            }
        case .binaryAccuracy(let threshold):
            // Per sample: the fraction of outputs on the right side of the threshold.
            var hits = 0
            for i in 0..<rows * cols where (p[i] > threshold ? 1 : 0) == t[i] { hits += 1 }
            total = Double(hits) / Double(cols)
        case .categoricalAccuracy, .sparseCategoricalAccuracy:
            for r in 0..<rows {
                let row = p + r * cols
                var best = 0
                for j in 1..<max(1, cols) where row[j] > row[best] { best = j }
                let label: Int
                if self == .sparseCategoricalAccuracy {
                    label = Int(t[r])
                } else {
                    var hot = 0
                    for j in 1..<max(1, cols) where t[r * cols + j] > t[r * cols + hot] { hot = j }
                    label = hot
                }
                if best == label { total += 1 }
            }
        case .meanSquaredError:
            for i in 0..<rows * cols { let d = Double(p[i] - t[i]); total += d * d }
            total /= Double(cols)
        case .meanAbsoluteError:
            for i in 0..<rows * cols { total += Double(abs(p[i] - t[i])) }
            total /= Double(cols)
        }
        return total
    }
}

extension Metric {
    /// Whether class `label` is among the `k` highest of `count` predictions, as TensorFlow's
    /// `in_top_k` decides it: classes tied with the label's prediction at the boundary all
    /// count as in the top k, and a label out of range or a non-finite prediction is a miss.
    static func inTopK(_ row: UnsafePointer<Float>, count: Int, label: Int, k: Int) -> Bool {
        guard label >= 0, label < count, row[label].isFinite else { return false }
        var higher = 0
        for j in 0..<count where !row[j].isFinite || row[j] > row[label] {
            if !row[j].isFinite { return false }
            higher += 1
        }
        return higher < k
    }
}

/// A metric the engine updates but does not compute itself (a lesson's Metric subclass).
/// Errors are the implementer's to keep: the training loop does not stop for them.
public protocol ExternalMetric: AnyObject {
    func reset()
    func update(predictions: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, predictionColumns: Int, targetColumns: Int)
    func result() -> Double
}

/// An `ExternalMetric` inside `Metric`, equal only to itself.
public struct ExternalMetricReference: @unchecked Sendable, Equatable {
    public let metric: any ExternalMetric
    public init(_ metric: any ExternalMetric) { self.metric = metric }
    public static func == (a: Self, b: Self) -> Bool { a.metric === b.metric }
}
