/// RMSprop as in Keras (without momentum or centering):
///   s ← ρ · s + (1 − ρ) · g²,   w ← w − lr · g / √(s + ε)
public final class RMSprop: Optimizer {
    public var name: String { "RMSprop" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public let rho: Double
    public let epsilon: Double
    public private(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    private let state = SlotTable(slotsPerParameter: 1)

    public init(learningRate: Double = 0.001, rho: Double = 0.9, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public func apply(to parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        let lr = Float(rate), r = Float(rho), eps = Float(epsilon)
        for parameter in parameters {
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let s = state.slots(for: parameter)[0].pointer
            for i in 0..<parameter.count {
                s[i] = r * s[i] + (1 - r) * g[i] * g[i]
                w[i] -= lr * g[i] / (s[i] + eps).squareRoot()
            }
        }
    }
}
