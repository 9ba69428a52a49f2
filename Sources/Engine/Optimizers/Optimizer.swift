/// Updates parameters from their gradients, one step per batch, as Keras' optimizers do.
public protocol Optimizer: AnyObject {
    /// Keras' class name, e.g. "Adam".
    var name: String { get }
    var learningRate: Double { get set }
    /// When set, the step's rate comes from the schedule instead of `learningRate`.
    var schedule: (any LearningRateSchedule)? { get set }
    /// Steps taken so far (Keras' `optimizer.iterations`).
    var iterations: Int { get }
    /// Applies one update to every parameter from its current gradient.
    func apply(to parameters: [Parameter])
    /// Scalars of optimizer state, counted as Keras' summary counts "Optimizer
    /// params": the slots plus the iteration counter and the learning rate.
    /// Zero until the first step.
    var variableCount: Int { get }
}

extension Optimizer {
    /// The rate the next step will use.
    public var currentLearningRate: Double {
        schedule?.rate(at: iterations) ?? learningRate
    }

    /// Keras' decoupled weight decay, applied before the update: w ← w − w · decay · lr.
    func decayWeights(_ parameters: [Parameter], decay: Double, rate: Double) {
        let factor = Float(decay * rate)
        for parameter in parameters {
            let w = parameter.value.pointer
            for i in 0..<parameter.count { w[i] -= w[i] * factor }
        }
    }
}

/// Per-parameter state an optimizer keeps between steps (moments, velocities),
/// created (zero-filled unless told otherwise) the first time a parameter is seen.
final class SlotTable {
    private let slotsPerParameter: Int
    private let initialValue: Float
    private var table: [ObjectIdentifier: [FloatBuffer]] = [:]
    /// Floats held in all slots so far.
    private(set) var floatCount = 0

    init(slotsPerParameter: Int, initialValue: Float = 0) {
        self.slotsPerParameter = slotsPerParameter
        self.initialValue = initialValue
    }

    func slots(for parameter: Parameter) -> [FloatBuffer] {
        let key = ObjectIdentifier(parameter)
        if let existing = table[key] { return existing }
        let created = (0..<slotsPerParameter).map { _ in
            let buffer = FloatBuffer(capacity: parameter.count)
            buffer.pointer.update(repeating: initialValue, count: parameter.count)
            return buffer
        }
        table[key] = created
        floatCount += slotsPerParameter * parameter.count
        return created
    }
}
