/// Keras' `AdamW`: Adam with decoupled weight decay on by default (0.004).
public final class AdamW: Optimizer, SlotOptimizer {
    public var name: String { "AdamW" }
    private let adam: Adam

    public init(learningRate: Double = 0.001, weightDecay: Double = 0.004, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7, amsgrad: Bool = false) {
        adam = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad, weightDecay: weightDecay)
    }

    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }
    public var schedule: (any LearningRateSchedule)? {
        get { adam.schedule }
        set { adam.schedule = newValue }
    }
    public var options: OptimizerOptions {
        get { adam.options }
        set { adam.options = newValue }
    }
    public var weightDecay: Double { adam.weightDecay }
    public var iterations: Int {
        get { adam.iterations }
        set { adam.iterations = newValue }
    }
    var state: SlotTable { adam.state }
    public var variableCount: Int { adam.variableCount }

    public func update(_ parameters: [Parameter]) {
        adam.update(parameters)
    }
}

extension AdamW: KerasOptimizer {
    public static let kerasName = "AdamW"
    public static let kerasSignature = "learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False"

    /// Keras' defaults.
    public convenience init() {
        self.init(learningRate: 0.001)
    }

    public convenience init(configuration c: KerasConfiguration) throws {
        let (beta1, beta2, epsilon) = try c.moments()
        self.init(weightDecay: 0, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: try c.bool("amsgrad"))
    }

    public var configuration: KerasConfiguration {
        .moments(Self.kerasName, adam.beta1, adam.beta2, adam.epsilon, ["amsgrad": .bool(adam.amsgrad)])
    }
}
