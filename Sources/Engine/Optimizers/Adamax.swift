import Foundation

/// Adamax (Kingma and Ba, 2014, section 7) as in Keras: the second moment is
/// replaced by an exponentially weighted infinity norm,
///   m ← m + (g − m)(1 − β₁),  u ← max(β₂ · u, |g|),  w ← w − lr · m / ((1 − β₁ᵗ)(u + ε)).
public final class Adamax: Optimizer, SlotOptimizer {
    public var name: String { "Adamax" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public internal(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    let state = SlotTable(slotsPerParameter: 2)

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public func update(_ parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        let correction = Float(1 - pow(beta1, Double(iterations)))
        let lr = Float(rate), b1 = Float(beta1), b2 = Float(beta2), eps = Float(epsilon)
        for parameter in parameters {
            let slots = state.slots(for: parameter)
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let m = slots[0].pointer, u = slots[1].pointer
            for i in 0..<parameter.count {
                m[i] += (g[i] - m[i]) * (1 - b1)
                u[i] = max(b2 * u[i], abs(g[i]))
                w[i] -= lr * m[i] / (correction * (u[i] + eps))
            }
        }
    }
}

extension Adamax: MomentOptimizerKind {
    public static let kerasName = "Adamax"
    public static let kerasSignature = "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, weight_decay=None"
}
