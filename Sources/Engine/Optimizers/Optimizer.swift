/// Updates parameters from their gradients, one step per batch, as Keras' optimizers do.
public protocol Optimizer: AnyObject {
    /// Keras' class name, e.g. "Adam".
    var name: String { get }
    var learningRate: Double { get set }
    /// When set, the step's rate comes from the schedule instead of `learningRate`.
    var schedule: (any LearningRateSchedule)? { get set }
    /// Gradient clipping and the legacy per-step decay, shared by every optimizer.
    var options: OptimizerOptions { get set }
    /// Steps taken so far (Keras' `optimizer.iterations`).
    var iterations: Int { get }
    /// The optimizer's own rule: one update of every parameter from its current gradient
    /// (`apply(to:)` runs it after the weight decay every optimizer shares).
    func update(_ parameters: [Parameter])
    /// Scalars of optimizer state, counted as Keras' summary counts "Optimizer
    /// params": the slots plus the iteration counter and the learning rate.
    /// Zero until the first step.
    var variableCount: Int { get }
}

extension Optimizer {
    /// The rate the next step will use.
    public var currentLearningRate: Double {
        let base = schedule?.rate(at: iterations) ?? learningRate
        // Keras 2's legacy `decay`: lr / (1 + decay · iterations), per batch update.
        return options.decay > 0 ? base / (1 + options.decay * Double(iterations)) : base
    }

    /// One step, as Keras 3 takes it once the gradients are clipped: the decoupled weight decay
    /// (`weight_decay`, w ← w − w · decay · lr, at this step's rate), then the optimizer's update.
    public func apply(to parameters: [Parameter]) {
        if let decay = options.weightDecay, decay != 0 {
            decayWeights(parameters, decay: decay, rate: currentLearningRate)
        }
        update(parameters)
    }

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

    /// Each parameter's slot values (nil for a parameter not stepped yet), in the order given.
    func export(_ parameters: [Parameter]) -> [[[Float]]?] {
        parameters.map { p in table[ObjectIdentifier(p)].map { $0.map { $0.array(count: p.count) } } }
    }

    /// Restores what `export` gave, for the same parameters in the same order.
    func restore(_ saved: [[[Float]]?], for parameters: [Parameter]) throws {
        guard saved.count == parameters.count else {
            throw EngineError("The saved optimizer state covers \(saved.count) weights; the model has \(parameters.count).")
        }
        for (p, slots) in zip(parameters, saved) {
            guard let slots else { continue }
            guard slots.count == slotsPerParameter, slots.allSatisfy({ $0.count == p.count }) else {
                throw EngineError("The saved optimizer state does not match weight '\(p.name)'.")
            }
            for (buffer, values) in zip(self.slots(for: p), slots) { buffer.pointer.update(from: values, count: p.count) }
        }
    }
}

/// An optimizer whose per-weight state lives in a `SlotTable`: what a saved model keeps of it.
protocol SlotOptimizer: Optimizer {
    var state: SlotTable { get }
    var iterations: Int { get set }
}

/// What every Keras optimizer takes besides its own settings: `clipnorm`, `clipvalue` and
/// `global_clipnorm` (at most one of them), Keras 3's decoupled `weight_decay`, and the legacy
/// `decay` of Keras 2 optimizers.
public struct OptimizerOptions: Sendable, Equatable, Codable {
    public var clipnorm: Double?
    public var clipvalue: Double?
    public var globalClipnorm: Double?
    public var decay: Double = 0
    public var weightDecay: Double?

    public init(clipnorm: Double? = nil, clipvalue: Double? = nil, globalClipnorm: Double? = nil, decay: Double = 0,
                weightDecay: Double? = nil) throws {
        let set = [clipnorm, clipvalue, globalClipnorm].compactMap { $0 }.count
        guard set <= 1 else {
            throw EngineError("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=\(clipnorm.map { String($0) } ?? "None"), clipvalue=\(clipvalue.map { String($0) } ?? "None"), global_clipnorm=\(globalClipnorm.map { String($0) } ?? "None")")
        }
        for (name, v) in [("clipnorm", clipnorm), ("clipvalue", clipvalue), ("global_clipnorm", globalClipnorm)] {
            if let v, !(v > 0) { throw EngineError("\(name) must be positive. Received: \(name)=\(v)") }
        }
        guard decay >= 0 else { throw EngineError("decay must be non-negative. Received: decay=\(decay)") }
        if let weightDecay, !(weightDecay >= 0) { throw EngineError("weight_decay must be non-negative. Received: weight_decay=\(weightDecay)") }
        self.weightDecay = weightDecay
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.globalClipnorm = globalClipnorm
        self.decay = decay
    }

    public init() {}

    /// Clips the parameters' gradients in place, as Keras does before each update:
    /// per-tensor norm (g · c / max(‖g‖, c)), global norm across all tensors, or element values.
    public func clip(_ parameters: [Parameter]) {
        if let c = clipnorm {
            let cf = Float(c)
            for p in parameters {
                let g = p.gradient.pointer
                var sum: Float = 0
                for i in 0..<p.count { sum += g[i] * g[i] }
                let norm = sum.squareRoot()
                guard norm > cf else { continue }
                for i in 0..<p.count { g[i] = g[i] * cf / norm }
            }
        } else if let c = globalClipnorm {
            var sum: Float = 0
            for p in parameters {
                let g = p.gradient.pointer
                for i in 0..<p.count { sum += g[i] * g[i] }
            }
            let norm = sum.squareRoot()
            guard norm > Float(c), norm.isFinite else {
                if !norm.isFinite { for p in parameters { p.gradient.pointer.update(repeating: .nan, count: p.count) } }
                return
            }
            let scale = Float(c) / norm
            for p in parameters {
                let g = p.gradient.pointer
                for i in 0..<p.count { g[i] *= scale }
            }
        } else if let c = clipvalue {
            let cf = Float(c)
            for p in parameters {
                let g = p.gradient.pointer
                for i in 0..<p.count { g[i] = min(max(g[i], -cf), cf) }
            }
        }
    }
}
