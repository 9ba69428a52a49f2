import Foundation

/// Adam (Kingma and Ba, 2014) in the form Keras 3 uses: the bias corrections
/// are folded into the step size,
///   α_t = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ),  m ← m + (g − m)(1 − β₁),  v ← v + (g² − v)(1 − β₂),
///   w ← w − α_t · m / (√v + ε).
/// With amsgrad, the running maximum of v replaces v in the denominator.
public final class Adam: Optimizer, SlotOptimizer {
    public var name: String { "Adam" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let amsgrad: Bool
    public var weightDecay: Double { options.weightDecay ?? 0 }
    public internal(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    let state: SlotTable

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7, amsgrad: Bool = false, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        if weightDecay != 0 { options.weightDecay = weightDecay }
        state = SlotTable(slotsPerParameter: amsgrad ? 3 : 2)
    }

    public func update(_ parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        // Keras raises β₁ and β₂ to the step in float32, the weights' type: 1 − β₂ᵗ then differs
        // from the exact value by about 1e-5 of itself, which moves every step a little.
        let t = Float(iterations)
        let alpha = Float(rate) * (1 - pow(Float(beta2), t)).squareRoot() / (1 - pow(Float(beta1), t))
        let oneMinusBeta1 = Float(1 - beta1), oneMinusBeta2 = Float(1 - beta2), eps = Float(epsilon)
        for parameter in parameters {
            let slots = state.slots(for: parameter)
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let m = slots[0].pointer, v = slots[1].pointer
            if amsgrad {
                let vMax = slots[2].pointer
                for i in 0..<parameter.count {
                    m[i] += (g[i] - m[i]) * oneMinusBeta1
                    v[i] += (g[i] * g[i] - v[i]) * oneMinusBeta2
                    vMax[i] = max(vMax[i], v[i])
                    w[i] -= alpha * m[i] / (vMax[i].squareRoot() + eps)
                }
            } else {
                Vectorized.adam(
                    w: w, g: g, m: m, v: v, count: parameter.count, alpha: alpha,
                    oneMinusBeta1: oneMinusBeta1, oneMinusBeta2: oneMinusBeta2, epsilon: eps)
            }
        }
    }
}

extension Adam: KerasOptimizer {
    public static let kerasName = "Adam"
    public static let kerasSignature = "learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False, weight_decay=None"

    /// Keras' defaults.
    public convenience init() {
        self.init(learningRate: 0.001)
    }

    public convenience init(configuration c: KerasConfiguration) throws {
        let (beta1, beta2, epsilon) = try c.moments()
        self.init(beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: try c.bool("amsgrad"))
    }

    public var configuration: KerasConfiguration {
        .moments(Self.kerasName, beta1, beta2, epsilon, ["amsgrad": .bool(amsgrad)])
    }
}
