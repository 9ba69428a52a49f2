import Foundation

/// Nadam (Dozat, 2016): Adam with Nesterov momentum, in Keras' form with the
/// momentum schedule μ_t = β₁(1 − ½ · 0.96ᵗ) and its running product:
///   m̂ = μ_{t+1} · m / (1 − Πμ · μ_{t+1}) + (1 − μ_t) · g / (1 − Πμ),  v̂ = v / (1 − β₂ᵗ),
///   w ← w − lr · m̂ / (√v̂ + ε).
public final class Nadam: Optimizer, SlotOptimizer {
    public var name: String { "Nadam" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public internal(set) var iterations = 0
    /// m and v per weight, plus the momentum product, the iteration count and the learning rate.
    public var variableCount: Int { iterations > 0 ? state.floatCount + 3 : 0 }
    let state = SlotTable(slotsPerParameter: 2)
    private var momentumProduct = 1.0

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public func update(_ parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        let t = Double(iterations)
        let muT = beta1 * (1 - 0.5 * pow(0.96, t))
        let muNext = beta1 * (1 - 0.5 * pow(0.96, t + 1))
        momentumProduct *= muT
        let productNext = momentumProduct * muNext
        let a = Float(muNext / (1 - productNext))
        let b = Float((1 - muT) / (1 - momentumProduct))
        let vCorrection = Float(1 - pow(beta2, t))
        let lr = Float(rate), b1 = Float(beta1), b2 = Float(beta2), eps = Float(epsilon)
        for parameter in parameters {
            let slots = state.slots(for: parameter)
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let m = slots[0].pointer, v = slots[1].pointer
            for i in 0..<parameter.count {
                m[i] += (g[i] - m[i]) * (1 - b1)
                v[i] += (g[i] * g[i] - v[i]) * (1 - b2)
                let mHat = a * m[i] + b * g[i]
                let vHat = v[i] / vCorrection
                w[i] -= lr * mHat / (vHat.squareRoot() + eps)
            }
        }
    }
}

extension Nadam: MomentOptimizerKind {
    public static let kerasName = "Nadam"
    public static let kerasSignature = "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, weight_decay=None"
}
