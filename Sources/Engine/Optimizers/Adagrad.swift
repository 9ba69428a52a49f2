/// Adagrad as in Keras: a ← a + g²,  w ← w − lr · g / √(a + ε), with the
/// accumulator starting at `initialAccumulatorValue`.
public final class Adagrad: Optimizer, SlotOptimizer {
    public var name: String { "Adagrad" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let initialAccumulatorValue: Double
    public let epsilon: Double
    public internal(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    let state: SlotTable

    public init(learningRate: Double = 0.001, initialAccumulatorValue: Double = 0.1, epsilon: Double = 1e-7) {
        self.learningRate = learningRate
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        state = SlotTable(slotsPerParameter: 1, initialValue: Float(initialAccumulatorValue))
    }

    public func update(_ parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        let lr = Float(rate), eps = Float(epsilon)
        for parameter in parameters {
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            let accumulator = state.slots(for: parameter)[0].pointer
            for i in 0..<parameter.count {
                accumulator[i] += g[i] * g[i]
                w[i] -= lr * g[i] / (accumulator[i] + eps).squareRoot()
            }
        }
    }
}

extension Adagrad: KerasOptimizer {
    public static let kerasName = "Adagrad"
    public static let kerasSignature = "learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-07, weight_decay=None"

    /// Keras' defaults.
    public convenience init() {
        self.init(learningRate: 0.001)
    }

    public convenience init(configuration c: KerasConfiguration) throws {
        self.init(initialAccumulatorValue: try c.double("initial_accumulator_value"), epsilon: try c.double("epsilon"))
    }

    public var configuration: KerasConfiguration { KerasConfiguration(Self.kerasName, ["initial_accumulator_value": .double(initialAccumulatorValue), "epsilon": .double(epsilon)]) }
}
