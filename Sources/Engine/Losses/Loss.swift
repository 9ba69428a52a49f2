import Foundation

/// A training objective named as in Keras. `compute` returns the batch loss
/// (the mean of the per-sample losses, Keras' "sum over batch size") and
/// writes dLoss/dPredictions for the same batch.
public enum Loss: String, CaseIterable, Sendable {
    case binaryCrossentropy = "binary_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case meanSquaredError = "mean_squared_error"
    case meanAbsoluteError = "mean_absolute_error"
    case meanAbsolutePercentageError = "mean_absolute_percentage_error"
    case meanSquaredLogarithmicError = "mean_squared_logarithmic_error"
    case hinge
    case squaredHinge = "squared_hinge"
    case huber
    case logCosh = "log_cosh"
    case poisson
    case kullbackLeiblerDivergence = "kl_divergence"
    case categoricalHinge = "categorical_hinge"
    case cosineSimilarity = "cosine_similarity"

    static let aliases: [String: Loss] = [
        "mse": .meanSquaredError, "mae": .meanAbsoluteError,
        "mape": .meanAbsolutePercentageError, "msle": .meanSquaredLogarithmicError,
        "kld": .kullbackLeiblerDivergence, "kullback_leibler_divergence": .kullbackLeiblerDivergence,
        "logcosh": .logCosh,
    ]

    /// Keras' fuzz factor: probabilities are clipped to [epsilon, 1 - epsilon] before the log.
    public static let epsilon: Float = 1e-7

    public static func named(_ name: String) throws -> Loss {
        if let loss = Loss(rawValue: name) ?? aliases[name] { return loss }
        throw NameRegistry.unknown("loss", name, known: allCases.map(\.rawValue) + aliases.keys.sorted())
    }

    /// How many target columns a prediction with `outputs` columns needs.
    public func targetColumns(outputs: Int) -> Int {
        self == .sparseCategoricalCrossentropy ? 1 : outputs
    }

    /// Mean loss over `rows` samples; fills `gradient` (rows × cols) with
    /// dLoss/dPredictions unless it is nil (when the loss serves as a metric).
    public func compute(
        predictions p: UnsafePointer<Float>, targets t: UnsafePointer<Float>,
        rows: Int, cols: Int, gradient g: UnsafeMutablePointer<Float>?
    ) -> Double {
        let low = Self.epsilon, high = 1 - Self.epsilon
        let perSample = 1 / Float(rows)
        var total: Double = 0
        switch self {
        case .binaryCrossentropy:
            // -(t·log p + (1-t)·log(1-p)), averaged over the outputs of a sample.
            let scale = perSample / Float(cols)
            for i in 0..<rows * cols {
                let clipped = min(max(p[i], low), high)
                total -= Double(t[i] * log(clipped) + (1 - t[i]) * log(1 - clipped))
                // Clipping is flat outside the interval, so the gradient vanishes there.
                let inside = p[i] > low && p[i] < high
                g?[i] = inside ? scale * ((1 - t[i]) / (1 - clipped) - t[i] / clipped) : 0
            }
            return total / Double(rows * cols)
        case .categoricalCrossentropy:
            // Predictions are renormalized to sum to one, then -Σ t·log p.
            for r in 0..<rows {
                let row = r * cols
                var sum: Float = 0, targetSum: Float = 0
                for j in 0..<cols { sum += p[row + j]; targetSum += t[row + j] }
                for j in 0..<cols {
                    let q = p[row + j] / sum
                    let clipped = min(max(q, low), high)
                    total -= Double(t[row + j] * log(clipped))
                    let inside = q > low && q < high
                    g?[row + j] = perSample * ((inside ? -t[row + j] / clipped : 0) + targetSum) / sum
                }
            }
            return total / Double(rows)
        case .sparseCategoricalCrossentropy:
            for r in 0..<rows {
                let row = r * cols
                let label = Int(t[r])
                var sum: Float = 0
                for j in 0..<cols { sum += p[row + j] }
                for j in 0..<cols { g?[row + j] = perSample / sum }
                guard label >= 0 && label < cols else { continue }
                let q = p[row + label] / sum
                let clipped = min(max(q, low), high)
                total -= Double(log(clipped))
                if q > low && q < high { g?[row + label] -= perSample / clipped / sum }
            }
            return total / Double(rows)
        case .meanSquaredError:
            let scale = perSample / Float(cols)
            for i in 0..<rows * cols {
                let d = p[i] - t[i]
                total += Double(d * d)
                g?[i] = 2 * d * scale
            }
            return total / Double(rows * cols)
        case .meanAbsolutePercentageError, .meanSquaredLogarithmicError, .hinge, .squaredHinge,
             .huber, .logCosh, .poisson, .kullbackLeiblerDivergence:
            return elementwiseMean(predictions: p, targets: t, rows: rows, cols: cols, gradient: g)
        case .categoricalHinge, .cosineSimilarity:
            return rowwiseMean(predictions: p, targets: t, rows: rows, cols: cols, gradient: g)
        case .meanAbsoluteError:
            let scale = perSample / Float(cols)
            for i in 0..<rows * cols {
                let d = p[i] - t[i]
                total += Double(abs(d))
                g?[i] = d > 0 ? scale : (d < 0 ? -scale : 0)
            }
            return total / Double(rows * cols)
        }
    }
}
