import Tensor

/// A plain stack of layers, each feeding the next, as Keras' `Sequential`.
///
/// The model's seed drives everything random: weight initialization (one
/// split stream per layer, in order), epoch shuffles and dropout masks, so the
/// same seed gives bit-identical weights and history.
public final class Sequential {
    public let name: String
    public private(set) var layers: [any Layer] = []
    public private(set) var loss: Loss?
    /// The loss's `from_logits` / `label_smoothing` options.
    public private(set) var lossSettings = LossSettings()
    public private(set) var optimizer: Optimizer?
    /// Metric names as given to `compile`; they are also the History keys.
    public private(set) var metricNames: [String] = []
    var metrics: [Metric] = []
    /// Per-sample input shape, known once the first layer is built.
    public private(set) var inputShape: [Int]?

    var buildRandom: RandomGenerator
    var trainingRandom: RandomGenerator
    /// Every trainable parameter, layer by layer, kept for the optimizer.
    var parameters: [Parameter] = []
    /// Every weight, trainable or not, in Keras' `get_weights()` order.
    var allWeights: [Parameter] = []

    // Reused training buffers: the gathered batch, its targets and dLoss/dOutput.
    let inputBatch = FloatBuffer()
    let targetBatch = FloatBuffer()
    let lossGradient = FloatBuffer()
    /// Running sums for each metric over the current epoch: value = numerator / denominator.
    var metricNumerators: [Double] = []
    var metricDenominators: [Double] = []
    /// Loss weight per class for the current fit (empty when not weighting).
    var classWeightTable: [Float] = []
    /// Loss weight per training sample for the current fit (empty when not weighting).
    var sampleWeightTable: [Float] = []
    var order: [Int] = []
    /// Layers set `trainable = False`: their weights are neither updated nor penalised.
    private(set) var frozen: Set<ObjectIdentifier> = []
    /// Callbacks that look at every batch's gradients during the current fit.
    var gradientObservers: [any GradientObserver] = []
    /// Callbacks told the end of every batch during the current fit.
    var batchObservers: [any BatchObserver] = []
    /// Asked before every batch of `evaluate` and `predict`; true stops them with
    /// `EngineInterrupted` (the lesson's time limit ran out).
    public var interruption: (() -> Bool)?

    public init(name: String? = nil, seed: UInt64) {
        self.name = name ?? AutoName.next("sequential")
        var root = RandomGenerator(seed: seed)
        buildRandom = root.split()
        trainingRandom = root.split()
    }

    /// Keras' `Sequential([layer, ...])`: a model with these layers added in order.
    public convenience init(_ layers: [any Layer], name: String? = nil, seed: UInt64) throws {
        self.init(name: name, seed: seed)
        for layer in layers { try add(layer) }
    }

    /// Appends a layer, building it at once when its input shape is known.
    public func add(_ layer: any Layer) throws {
        if layers.contains(where: { $0 === layer }) {
            throw EngineError("This layer is already part of the model: '\(layer.name)'.")
        }
        if layers.contains(where: { $0.name == layer.name }) {
            throw EngineError("All layers added to a Sequential model should have unique names. Name '\(layer.name)' is already the name of a layer in this model. Update the `name` argument to pass a unique name.")
        }
        if layer is InputLayer {
            // An Input only declares the shape; Keras does not list it as a layer.
            guard layers.isEmpty, let shape = layer.declaredInputShape else {
                throw EngineError("An Input can only be the first thing added to a Sequential model. Received it after '\(layers.last?.name ?? "")'.")
            }
            inputShape = shape
            return
        }
        if let previous = layers.last {
            if previous.isBuilt && !layer.isBuilt {
                try layer.build(inputShape: previous.outputShape, random: &buildRandom)
            }
        } else if let shape = layer.declaredInputShape ?? inputShape {
            if !layer.isBuilt { try layer.build(inputShape: shape, random: &buildRandom) }
            inputShape = shape
        }
        layers.append(layer)
        refreshParameters()
    }

    /// Removes the last layer, as Keras' `pop()`.
    @discardableResult
    public func pop() throws -> any Layer {
        guard let last = layers.popLast() else {
            throw EngineError("There are no layers in the model to pop.")
        }
        refreshParameters()
        return last
    }

    /// The layer with the given name, as Keras' `get_layer(name=...)`.
    public func layer(named name: String) throws -> any Layer {
        if let found = layers.first(where: { $0.name == name }) { return found }
        throw NameRegistry.unknown("layer", name, known: layers.map(\.name))
    }

    /// Chooses the loss, the optimizer and the metrics reported during training.
    public func compile(loss: String, optimizer: Optimizer, metrics: [String] = [], lossSettings: LossSettings = LossSettings()) throws {
        try compile(loss: loss, optimizer: optimizer, chosenMetrics: metrics.map { .named($0) }, lossSettings: lossSettings)
    }

    /// `compile` with metrics given as names or as metric objects (`TopKCategoricalAccuracy(k=3)`,
    /// a lesson's Metric subclass), each reported under its own name.
    public func compile(loss: String, optimizer: Optimizer, chosenMetrics: [MetricChoice], lossSettings: LossSettings = LossSettings()) throws {
        let resolved = try Loss.named(loss)
        try lossSettings.validate(for: resolved)
        self.lossSettings = lossSettings
        self.metrics = try chosenMetrics.map { choice in
            switch choice {
            case .named(let name): return try Metric.named(name, loss: resolved)
            case .metric(_, let metric): return metric
            }
        }
        self.loss = resolved
        self.optimizer = optimizer
        metricNames = chosenMetrics.map(\.name)
        metricNumerators = [Double](repeating: 0, count: metrics.count)
        metricDenominators = [Double](repeating: 0, count: metrics.count)
    }

    /// Total number of weights, trainable or not (Keras' `count_params`).
    public func countParams() -> Int {
        layers.reduce(0) { $0 + $1.countParams() }
    }

    /// Number of weights the optimizer trains.
    public func countTrainableParams() -> Int {
        layers.filter { isTrainable($0) }.reduce(0) { $0 + $1.countTrainableParams() }
    }

    /// Keras' `get_weights()`: every parameter of every layer, in order.
    public func getWeights() -> [[Float]] {
        allWeights.map(\.values)
    }

    /// Keras' `set_weights()`: the arrays must match `getWeights()` in number and sizes.
    public func setWeights(_ weights: [[Float]]) throws {
        guard weights.count == allWeights.count else {
            throw EngineError("set_weights expects \(allWeights.count) arrays. Received: \(weights.count)")
        }
        for (parameter, values) in zip(allWeights, weights) where values.count != parameter.count {
            throw EngineError("set_weights expects \(parameter.count) values for '\(parameter.name)'. Received: \(values.count)")
        }
        for (parameter, values) in zip(allWeights, weights) { parameter.values = values }
    }

    /// Builds every layer from the per-sample shape of the data, if not built yet.
    public func ensureBuilt(featureShape: [Int]) throws {
        guard !layers.isEmpty else {
            throw EngineError("The model has no layers yet. Add layers with `add()` before training or predicting.")
        }
        if let inputShape {
            guard inputShape.reduce(1, *) == featureShape.reduce(1, *) else {
                throw EngineError("Input 0 of layer '\(layers[0].name)' is incompatible with the layer: expected shape \(ShapeText.batched(inputShape)), but received input with shape \(ShapeText.batched(featureShape))")
            }
            if layers.allSatisfy(\.isBuilt) { return }
        }
        var shape = inputShape ?? featureShape
        inputShape = shape
        for layer in layers {
            if !layer.isBuilt { try layer.build(inputShape: shape, random: &buildRandom) }
            shape = layer.outputShape
        }
        refreshParameters()
    }

    var outputColumns: Int {
        layers.last.map { $0.outputShape.reduce(1, *) } ?? 0
    }

    private func refreshParameters() {
        parameters = layers.filter { !frozen.contains(ObjectIdentifier($0)) }.flatMap(\.parameters)
        allWeights = layers.flatMap(\.allParameters)
    }

    /// Keras' `layer.trainable = False`: the layer still computes its outputs and passes gradients
    /// back, but the optimizer leaves its weights alone and its weight penalties no longer count
    /// (Keras gathers regularization losses from trainable weights). Takes effect at once.
    public func setTrainable(_ layer: any Layer, _ trainable: Bool) {
        if trainable { frozen.remove(ObjectIdentifier(layer)) } else { frozen.insert(ObjectIdentifier(layer)) }
        refreshParameters()
    }

    public func isTrainable(_ layer: any Layer) -> Bool { !frozen.contains(ObjectIdentifier(layer)) }
}

/// `evaluate` or `predict` stopped between batches because `interruption` asked.
public struct EngineInterrupted: Error {
    public init() {}
}

/// One entry of `compile(metrics=[...])`: a Keras name, or a metric with the name it reports under.
public enum MetricChoice {
    case named(String)
    case metric(name: String, Metric)

    public var name: String {
        switch self {
        case .named(let name), .metric(let name, _): return name
        }
    }
}
