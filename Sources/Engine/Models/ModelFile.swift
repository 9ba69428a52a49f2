import Foundation


/// Everything needed to rebuild one layer, without its weights.
public enum LayerConfig: Codable, Equatable, Sendable {
    case input(name: String, shape: [Int])
    case dense(name: String, units: Int, activation: Activation, useBias: Bool, inputDim: Int?,
               kernelInitializer: Initializer, biasInitializer: Initializer,
               kernelRegularizer: Regularizer?, biasRegularizer: Regularizer?,
               kernelConstraint: Constraint?, biasConstraint: Constraint?, activityRegularizer: Regularizer?)
    case dropout(name: String, rate: Double)
    case gaussianNoise(name: String, stddev: Double)
    case batchNormalization(name: String, momentum: Double, epsilon: Double, center: Bool, scale: Bool)
    case activation(name: String, activation: Activation)
    case leakyReLU(name: String, negativeSlope: Float)
    case flatten(name: String, inputShape: [Int]?)
    case image(ImageLayerConfig)
    case randomFlip(name: String, mode: RandomFlip.Mode, seed: Int?)
    case randomTranslation(name: String, height: FactorRange, width: FactorRange, fill: ImageFillMode,
                           interpolation: ImageInterpolation, fillValue: Double, seed: Int?)
    case randomRotation(name: String, factor: FactorRange, fill: ImageFillMode, interpolation: ImageInterpolation, fillValue: Double, seed: Int?)
    case randomZoom(name: String, height: FactorRange, width: FactorRange?, fill: ImageFillMode,
                    interpolation: ImageInterpolation, fillValue: Double, seed: Int?)
    case randomContrast(name: String, lower: Double, upper: Double, low: Double, high: Double, seed: Int?)

    public init(_ layer: any Layer) throws {
        switch layer {
        case let l as InputLayer: self = .input(name: l.name, shape: l.declaredInputShape ?? l.outputShape)
        case let l as Dense:
            self = .dense(name: l.name, units: l.units, activation: l.activation, useBias: l.useBias, inputDim: l.declaredInputShape?.first,
                          kernelInitializer: l.kernelInitializer, biasInitializer: l.biasInitializer,
                          kernelRegularizer: l.kernelRegularizer, biasRegularizer: l.biasRegularizer,
                          kernelConstraint: l.kernelConstraint, biasConstraint: l.biasConstraint, activityRegularizer: l.activityRegularizer)
        case let l as Dropout: self = .dropout(name: l.name, rate: l.rate)
        case let l as GaussianNoise: self = .gaussianNoise(name: l.name, stddev: l.stddev)
        case let l as BatchNormalization:
            self = .batchNormalization(name: l.name, momentum: l.momentum, epsilon: l.epsilon, center: l.center, scale: l.scale)
        case let l as ActivationLayer: self = .activation(name: l.name, activation: l.activation)
        case let l as LeakyReLU: self = .leakyReLU(name: l.name, negativeSlope: l.negativeSlope)
        case let l as Flatten: self = .flatten(name: l.name, inputShape: l.declaredInputShape)
        case let l as RandomFlip: self = .randomFlip(name: l.name, mode: l.mode, seed: l.seed)
        case let l as RandomTranslation:
            self = .randomTranslation(name: l.name, height: l.heightFactor, width: l.widthFactor, fill: l.fillMode,
                                      interpolation: l.interpolation, fillValue: l.fillValue, seed: l.seed)
        case let l as RandomRotation:
            self = .randomRotation(name: l.name, factor: l.factor, fill: l.fillMode, interpolation: l.interpolation, fillValue: l.fillValue, seed: l.seed)
        case let l as RandomZoom:
            self = .randomZoom(name: l.name, height: l.heightFactor, width: l.widthFactor, fill: l.fillMode,
                               interpolation: l.interpolation, fillValue: l.fillValue, seed: l.seed)
        case let l as RandomContrast:
            self = .randomContrast(name: l.name, lower: l.lower, upper: l.upper, low: l.valueRange.low, high: l.valueRange.high, seed: l.seed)
        default:
            guard let image = ImageLayerConfig(layer) else { throw EngineError("Layer \(layer.name) of type \(layer.typeName) cannot be saved yet.") }
            self = .image(image)
        }
    }

    public func makeLayer() throws -> any Layer {
        switch self {
        case let .input(name, shape): return try InputLayer(shape: shape, name: name)
        case let .dense(name, units, activation, useBias, inputDim, kernelInit, biasInit, kernelReg, biasReg, kernelCon, biasCon, activityReg):
            return try Dense(units: units, activation: activation.rawValue, inputDim: inputDim, useBias: useBias,
                             kernel: kernelInit, bias: biasInit, kernelRegularizer: kernelReg, biasRegularizer: biasReg,
                             kernelConstraint: kernelCon, biasConstraint: biasCon, activityRegularizer: activityReg, name: name)
        case let .dropout(name, rate): return try Dropout(rate: rate, name: name)
        case let .gaussianNoise(name, stddev): return try GaussianNoise(stddev: stddev, name: name)
        case let .batchNormalization(name, momentum, epsilon, center, scale):
            return try BatchNormalization(momentum: momentum, epsilon: epsilon, center: center, scale: scale, name: name)
        case let .activation(name, activation): return try ActivationLayer(activation.rawValue, name: name)
        case let .leakyReLU(name, slope): return try LeakyReLU(negativeSlope: slope, name: name)
        case let .flatten(name, shape): return Flatten(inputShape: shape, name: name)
        case let .image(config): return try config.makeLayer()
        case let .randomFlip(name, mode, seed): return RandomFlip(mode: mode, seed: seed, name: name)
        case let .randomTranslation(name, height, width, fill, interpolation, fillValue, seed):
            return try RandomTranslation(heightFactor: height, widthFactor: width, fillMode: fill, interpolation: interpolation,
                                         seed: seed, fillValue: fillValue, name: name)
        case let .randomRotation(name, factor, fill, interpolation, fillValue, seed):
            return try RandomRotation(factor: factor, fillMode: fill, interpolation: interpolation, seed: seed, fillValue: fillValue, name: name)
        case let .randomZoom(name, height, width, fill, interpolation, fillValue, seed):
            return try RandomZoom(heightFactor: height, widthFactor: width, fillMode: fill, interpolation: interpolation,
                                  seed: seed, fillValue: fillValue, name: name)
        case let .randomContrast(name, lower, upper, low, high, seed):
            return try RandomContrast(lower: lower, upper: upper, valueRange: (low, high), seed: seed, name: name)
        }
    }
}

/// An optimizer's class, hyperparameters and options (its slot state is not kept).
public struct OptimizerConfig: Codable, Equatable, Sendable {
    public var name: String
    public var learningRate: Double
    public var hyperparameters: [String: Double]
    public var options: OptimizerOptions

    public init(_ o: any Optimizer) {
        name = o.name
        options = o.options
        if o.schedule != nil {
            // A schedule is saved as the rate it had reached.
            learningRate = o.currentLearningRate
            options.decay = 0
        } else {
            // The legacy decay continues from the saved step count.
            learningRate = o.learningRate
        }
        switch o {
        case let s as SGD: hyperparameters = ["momentum": s.momentum, "nesterov": s.nesterov ? 1 : 0]
        case let a as AdamW: hyperparameters = ["weight_decay": a.weightDecay]
        case let a as Adam: hyperparameters = ["beta_1": a.beta1, "beta_2": a.beta2, "epsilon": a.epsilon, "amsgrad": a.amsgrad ? 1 : 0, "weight_decay": a.weightDecay]
        case let r as RMSprop: hyperparameters = ["rho": r.rho, "momentum": r.momentum, "epsilon": r.epsilon, "centered": r.centered ? 1 : 0]
        case let a as Adagrad: hyperparameters = ["initial_accumulator_value": a.initialAccumulatorValue, "epsilon": a.epsilon]
        case let a as Adadelta: hyperparameters = ["rho": a.rho, "epsilon": a.epsilon]
        case let a as Adamax: hyperparameters = ["beta_1": a.beta1, "beta_2": a.beta2, "epsilon": a.epsilon]
        case let a as Nadam: hyperparameters = ["beta_1": a.beta1, "beta_2": a.beta2, "epsilon": a.epsilon]
        default: hyperparameters = [:]
        }
    }

    public func makeOptimizer() throws -> any Optimizer {
        let h = hyperparameters, lr = learningRate
        let o: any Optimizer
        switch name {
        case "SGD": o = SGD(learningRate: lr, momentum: h["momentum"] ?? 0, nesterov: (h["nesterov"] ?? 0) != 0)
        case "AdamW": o = AdamW(learningRate: lr, weightDecay: h["weight_decay"] ?? 0.004)
        case "Adam": o = Adam(learningRate: lr, beta1: h["beta_1"] ?? 0.9, beta2: h["beta_2"] ?? 0.999, epsilon: h["epsilon"] ?? 1e-7,
                             amsgrad: (h["amsgrad"] ?? 0) != 0, weightDecay: h["weight_decay"] ?? 0)
        case "RMSprop": o = RMSprop(learningRate: lr, rho: h["rho"] ?? 0.9, momentum: h["momentum"] ?? 0, epsilon: h["epsilon"] ?? 1e-7,
                                   centered: (h["centered"] ?? 0) != 0)
        case "Adagrad": o = Adagrad(learningRate: lr, initialAccumulatorValue: h["initial_accumulator_value"] ?? 0.1, epsilon: h["epsilon"] ?? 1e-7)
        case "Adadelta": o = Adadelta(learningRate: lr, rho: h["rho"] ?? 0.95, epsilon: h["epsilon"] ?? 1e-7)
        case "Adamax": o = Adamax(learningRate: lr, beta1: h["beta_1"] ?? 0.9, beta2: h["beta_2"] ?? 0.999, epsilon: h["epsilon"] ?? 1e-7)
        case "Nadam": o = Nadam(learningRate: lr, beta1: h["beta_1"] ?? 0.9, beta2: h["beta_2"] ?? 0.999, epsilon: h["epsilon"] ?? 1e-7)
        default: throw EngineError("The saved model names an unknown optimizer '\(name)'.")
        }
        o.options = options
        return o
    }
}

/// Lectern's model file: one JSON document with the architecture, the compile
/// settings and every weight tensor as base64 of its little-endian float32
/// bytes, so a saved model reloads bit for bit.
public struct ModelFile: Codable, Sendable {
    public static let formatName = "lectern-model-1"

    public struct Compiled: Codable, Sendable {
        public var loss: String
        public var fromLogits: Bool
        public var labelSmoothing: Float
        public var metrics: [String]
        public var optimizer: OptimizerConfig
    }

    public var format: String
    public var name: String
    /// Per-sample input shape (the model's Input), when known.
    public var inputShape: [Int]?
    public var layers: [LayerConfig]
    public var compiled: Compiled?
    public var weights: [String]
    /// Indices (in `layers`) of layers set `trainable = False`.
    public var frozenLayers: [Int]?
    /// The optimizer's step count and, per trainable weight, its slots (moments, velocities),
    /// so that training resumes where it stopped.
    public var optimizerState: OptimizerState?

    public struct OptimizerState: Codable, Sendable {
        public var iterations: Int
        public var slots: [[String]?]
    }

    public init(_ model: Sequential) throws {
        format = Self.formatName
        name = model.name
        inputShape = model.inputShape
        layers = try model.layers.map { try LayerConfig($0) }
        if let loss = model.loss, let optimizer = model.optimizer {
            compiled = Compiled(loss: loss.rawValue, fromLogits: model.lossSettings.fromLogits,
                                labelSmoothing: model.lossSettings.labelSmoothing,
                                // Only metrics their name rebuilds (not a lesson's own Metric class).
                                metrics: zip(model.metricNames, model.metrics).filter { (try? Metric.named($0.0, loss: loss)) == $0.1 }.map(\.0),
                                optimizer: OptimizerConfig(optimizer))
        }
        weights = model.getWeights().map(Self.base64)
        let frozen = model.layers.indices.filter { !model.isTrainable(model.layers[$0]) }
        frozenLayers = frozen.isEmpty ? nil : frozen
        if let o = model.optimizer as? any SlotOptimizer, o.iterations > 0 {
            optimizerState = OptimizerState(iterations: o.iterations,
                                            slots: o.state.export(model.parameters).map { $0?.map(Self.base64) })
        }
    }

    /// Little-endian float32 bytes as base64: exact, and a third the size of decimal text.
    static func base64(_ values: [Float]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 4)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return Data(bytes).base64EncodedString()
    }

    func floats(_ text: String) throws -> [Float] {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else {
            throw EngineError("The saved model '\(name)' has a damaged weight array.")
        }
        let bytes = [UInt8](data)
        var values = [Float](repeating: 0, count: bytes.count / 4)
        for k in values.indices {
            var bits: UInt32 = 0
            for b in 0..<4 { bits |= UInt32(bytes[4 * k + b]) << UInt32(8 * b) }
            values[k] = Float(bitPattern: bits)
        }
        return values
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    public static func decode(_ data: Data, path: String) throws -> ModelFile {
        let file: ModelFile
        do {
            file = try JSONDecoder().decode(ModelFile.self, from: data)
        } catch {
            throw EngineError("'\(path)' is not a model file saved by Lectern's model.save() (\(error.localizedDescription)).")
        }
        guard file.format == formatName else {
            throw EngineError("'\(path)' has model format '\(file.format)'; this version reads '\(formatName)'.")
        }
        return file
    }

    /// Rebuilds the model (weights included) with `seed` for anything random later.
    public func makeModel(seed: UInt64) throws -> Sequential {
        let model = Sequential(name: name, seed: seed)
        if let inputShape { try model.add(try InputLayer(shape: inputShape)) }
        for config in layers { try model.add(try config.makeLayer()) }
        if let compiled {
            try model.compile(loss: compiled.loss, optimizer: try compiled.optimizer.makeOptimizer(), metrics: compiled.metrics,
                              lossSettings: LossSettings(fromLogits: compiled.fromLogits, labelSmoothing: Double(compiled.labelSmoothing)))
        }
        let arrays = try weights.map(floats)
        if !arrays.isEmpty || model.countParams() > 0 { try model.setWeights(arrays) }
        for index in frozenLayers ?? [] where index < model.layers.count { model.setTrainable(model.layers[index], false) }
        if let saved = optimizerState, let o = model.optimizer as? any SlotOptimizer {
            try o.state.restore(try saved.slots.map { try $0?.map(floats) }, for: model.parameters)
            o.iterations = saved.iterations
        }
        return model
    }
}
