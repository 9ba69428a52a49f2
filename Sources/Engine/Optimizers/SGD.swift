/// Stochastic gradient descent, optionally with (Nesterov) momentum, as in Keras:
///   velocity ← momentum · velocity − lr · g
///   w ← w + velocity                       (plain momentum)
///   w ← w + momentum · velocity − lr · g   (Nesterov)
public final class SGD: Optimizer, SlotOptimizer {
    public var name: String { "SGD" }
    public var learningRate: Double
    public var schedule: (any LearningRateSchedule)?
    public var options = OptimizerOptions()
    public let momentum: Double
    public let nesterov: Bool
    public internal(set) var iterations = 0
    public var variableCount: Int { iterations > 0 ? state.floatCount + 2 : 0 }
    let state = SlotTable(slotsPerParameter: 1)

    public init(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public func update(_ parameters: [Parameter]) {
        let rate = currentLearningRate
        iterations += 1
        let lr = Float(rate), mu = Float(momentum)
        for parameter in parameters {
            let w = parameter.value.pointer, g = parameter.gradient.readOnly
            if momentum == 0 {
                for i in 0..<parameter.count { w[i] -= lr * g[i] }
                continue
            }
            let velocity = state.slots(for: parameter)[0].pointer
            for i in 0..<parameter.count {
                velocity[i] = mu * velocity[i] - lr * g[i]
                w[i] += nesterov ? mu * velocity[i] - lr * g[i] : velocity[i]
            }
        }
    }
}

extension SGD: KerasOptimizer {
    public static let kerasName = "SGD"
    public static let kerasSignature = "learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None"

    /// Keras' defaults.
    public convenience init() {
        self.init(learningRate: 0.01)
    }

    public convenience init(configuration c: KerasConfiguration) throws {
        self.init(momentum: try c.double("momentum"), nesterov: try c.bool("nesterov"))
    }

    public var configuration: KerasConfiguration { KerasConfiguration(Self.kerasName, ["momentum": .double(momentum), "nesterov": .bool(nesterov)]) }
}
