import Foundation

extension Loss {
    /// Losses that are a sum of one term per output: each sample's loss is
    /// the mean of its terms (the sum, for KL divergence, as in Keras), and
    /// the batch loss the mean over samples.
    func elementwiseMean(
        predictions p: UnsafePointer<Float>, targets t: UnsafePointer<Float>,
        rows: Int, cols: Int, gradient g: UnsafeMutablePointer<Float>?
    ) -> Double {
        let count = rows * cols
        let perSampleScale: Float = self == .kullbackLeiblerDivergence ? 1 : 1 / Float(cols)
        let scale = perSampleScale / Float(rows)
        // Hinge losses expect labels of ±1; Keras converts a batch of 0/1 labels first.
        var hingeLabels = false
        if self == .hinge || self == .squaredHinge {
            hingeLabels = true
            for i in 0..<count where t[i] != 0 && t[i] != 1 { hingeLabels = false; break }
        }
        var total: Double = 0
        for i in 0..<count {
            let target = hingeLabels ? 2 * t[i] - 1 : t[i]
            let (value, derivative) = term(prediction: p[i], target: target)
            total += Double(value)
            g?[i] = derivative * scale
        }
        return total * Double(perSampleScale) / Double(rows)
    }

    /// One term of an element-wise loss and its derivative with respect to the prediction.
    private func term(prediction p: Float, target t: Float) -> (Float, Float) {
        let epsilon = Self.epsilon
        switch self {
        case .meanAbsolutePercentageError:
            let denominator = max(abs(t), epsilon)
            let d = p - t
            return (100 * abs(d) / denominator, d == 0 ? 0 : 100 * (d > 0 ? 1 : -1) / denominator)
        case .meanSquaredLogarithmicError:
            let lp = log(max(p, epsilon) + 1), lt = log(max(t, epsilon) + 1)
            let d = lp - lt
            return (d * d, p > epsilon ? 2 * d / (p + 1) : 0)
        case .hinge:
            let margin = 1 - t * p
            return (max(margin, 0), margin > 0 ? -t : 0)
        case .squaredHinge:
            let margin = max(1 - t * p, 0)
            return (margin * margin, -2 * t * margin)
        case .huber:
            // delta = 1, Keras' default: quadratic near zero, linear beyond.
            let d = p - t
            return abs(d) <= 1 ? (0.5 * d * d, d) : (abs(d) - 0.5, d > 0 ? 1 : -1)
        case .logCosh:
            // log(cosh(d)) = d + softplus(−2d) − log 2, stable for large |d|.
            let d = p - t
            let softplus = max(-2 * d, 0) + log1p(exp(-abs(2 * d)))
            return (d + softplus - log(2), tanh(d))
        case .poisson:
            return (p - t * log(p + epsilon), 1 - t / (p + epsilon))
        case .kullbackLeiblerDivergence:
            // Both distributions are clipped to [epsilon, 1] before the logarithm.
            let tc = min(max(t, epsilon), 1), pc = min(max(p, epsilon), 1)
            return (tc * log(tc / pc), p > epsilon && p < 1 ? -tc / pc : 0)
        case .binaryCrossentropy, .categoricalCrossentropy, .sparseCategoricalCrossentropy,
             .meanSquaredError, .meanAbsoluteError, .categoricalHinge, .cosineSimilarity:
            // Handled directly in `compute` or by `rowwiseMean`.
            return (0, 0)
        }
    }
}
