/// RMSprop as in Keras:
///   s ← ρ · s + (1 − ρ) · g²
///   centered: ḡ ← ρ · ḡ + (1 − ρ) · g, and the denominator uses s − ḡ²
///   step = lr · g / √(s (− ḡ²) + ε)
///   with momentum: v ← momentum · v + step, w ← w − v; otherwise w ← w − step
public final class RMSprop: Optimizer, SlotOptimizer {
    public var name: String { "RMSprop" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let rho: Double
    public let momentum: Double
    public let epsilon: Double
    public let centered: Bool
    public internal(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    let state: SlotTable

    public init(learningRate: Double = 0.001, rho: Double = 0.9, momentum: Double = 0, epsilon: Double = 1e-7, centered: Bool = false) {
        self.learningRate = learningRate
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered
        // Slots: the mean square, then the momentum and the mean gradient when used.
        state = SlotTable(slotsPerParameter: 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0))
    }

    public func update(_ parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        let lr = Float(rate), r = Float(rho), mu = Float(momentum), eps = Float(epsilon)
        for parameter in parameters {
            let slots = state.slots(for: parameter)
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let s = slots[0].pointer
            let velocity = momentum > 0 ? slots[1].pointer : nil
            let meanGradient = centered ? slots[slots.count - 1].pointer : nil
            for i in 0..<parameter.count {
                s[i] = r * s[i] + (1 - r) * g[i] * g[i]
                var denominator = s[i]
                if let meanGradient {
                    meanGradient[i] = r * meanGradient[i] + (1 - r) * g[i]
                    denominator -= meanGradient[i] * meanGradient[i]
                }
                let step = lr * g[i] / (denominator + eps).squareRoot()
                if let velocity {
                    velocity[i] = mu * velocity[i] + step
                    w[i] -= velocity[i]
                } else {
                    w[i] -= step
                }
            }
        }
    }
}

extension RMSprop: KerasOptimizer {
    public static let kerasName = "RMSprop"
    public static let kerasSignature = "learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False, weight_decay=None"

    /// Keras' defaults.
    public convenience init() {
        self.init(learningRate: 0.001)
    }

    public convenience init(configuration c: KerasConfiguration) throws {
        self.init(rho: try c.double("rho"), momentum: try c.double("momentum"), epsilon: try c.double("epsilon"), centered: try c.bool("centered"))
    }

    public var configuration: KerasConfiguration { KerasConfiguration(Self.kerasName, ["rho": .double(rho), "momentum": .double(momentum), "epsilon": .double(epsilon), "centered": .bool(centered)]) }
}
