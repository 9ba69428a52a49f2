import Foundation

/// Adadelta as in Keras (Zeiler, 2012):
/// a ← ρ·a + (1 − ρ)·g²,  Δ = √(d + ε) / √(a + ε) · g,  d ← ρ·d + (1 − ρ)·Δ²,  w ← w − lr·Δ.
/// Keras' defaults: learning rate 0.001, ρ = 0.95, ε = 1e-7.
public final class Adadelta: Optimizer, SlotOptimizer {
    public var name: String { "Adadelta" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let rho: Double
    public let epsilon: Double
    public internal(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    let state = SlotTable(slotsPerParameter: 2)

    public init(learningRate: Double = 0.001, rho: Double = 0.95, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public func update(_ parameters: [Parameter]) {
        let lr = Float(currentLearningRate)
        iterations += 1
        let r = Float(rho), eps = Float(epsilon)
        for parameter in parameters {
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let slots = state.slots(for: parameter)
            let gradSquares = slots[0].pointer, deltaSquares = slots[1].pointer
            for i in 0..<parameter.count {
                gradSquares[i] = r * gradSquares[i] + (1 - r) * g[i] * g[i]
                let delta = (deltaSquares[i] + eps).squareRoot() / (gradSquares[i] + eps).squareRoot() * g[i]
                deltaSquares[i] = r * deltaSquares[i] + (1 - r) * delta * delta
                w[i] -= lr * delta
            }
        }
    }
}

extension Adadelta: KerasOptimizer {
    public static let kerasName = "Adadelta"
    public static let kerasSignature = "learning_rate=0.001, rho=0.95, epsilon=1e-07, weight_decay=None"

    /// Keras' defaults.
    public convenience init() {
        self.init(learningRate: 0.001)
    }

    public convenience init(configuration c: KerasConfiguration) throws {
        self.init(rho: try c.double("rho"), epsilon: try c.double("epsilon"))
    }

    public var configuration: KerasConfiguration { KerasConfiguration(Self.kerasName, ["rho": .double(rho), "epsilon": .double(epsilon)]) }
}
