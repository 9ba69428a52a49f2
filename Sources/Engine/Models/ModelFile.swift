import Foundation


/// An optimizer's class, settings and options (its slot state is not kept).
public struct OptimizerConfig: Codable, Equatable, Sendable {
    public var name: String
    public var learningRate: Double
    public var configuration: KerasConfiguration
    public var options: OptimizerOptions

    public init(_ o: any Optimizer) throws {
        guard let o = o as? any KerasOptimizer else { throw EngineError("The optimizer \(o.name) cannot be saved.") }
        name = type(of: o).kerasName
        options = o.options
        configuration = o.configuration
        if o.schedule != nil {
            // A schedule is saved as the rate it had reached.
            learningRate = o.currentLearningRate
            options.decay = 0
        } else {
            // The legacy decay continues from the saved step count.
            learningRate = o.learningRate
        }
    }

    public func makeOptimizer() throws -> any Optimizer {
        guard let kind = OptimizerKinds.named(name) else {
            throw EngineError("The saved model names an unknown optimizer '\(name)'.")
        }
        let o = try kind.init(configuration: configuration)
        o.learningRate = learningRate
        o.options = options
        return o
    }
}

/// Lectern's model file: one JSON document with the architecture, the compile
/// settings and every weight tensor as base64 of its little-endian float32
/// bytes, so a saved model reloads bit for bit.
public struct ModelFile: Codable, Sendable {
    public static let formatName = "lectern-model-2"

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
    public var layers: [SavedLayer]
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
        layers = try model.layers.map { try SavedLayer($0) }
        if let loss = model.loss, let optimizer = model.optimizer {
            compiled = Compiled(loss: loss.rawValue, fromLogits: model.lossSettings.fromLogits,
                                labelSmoothing: model.lossSettings.labelSmoothing,
                                // Only metrics their name rebuilds (not a lesson's own Metric class).
                                metrics: zip(model.metricNames, model.metrics).filter { (try? Metric.named($0.0, loss: loss)) == $0.1 }.map(\.0),
                                optimizer: try OptimizerConfig(optimizer))
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
