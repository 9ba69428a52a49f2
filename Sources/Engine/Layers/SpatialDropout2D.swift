import Tensor

/// Keras' `SpatialDropout2D` on channels-last images: while training, each
/// channel of each sample is dropped whole with probability `rate` (all its
/// positions at once) and the kept channels are scaled by 1 / (1 − rate).
/// Neighbouring pixels are strongly correlated, so dropping single pixels
/// (plain `Dropout`) would barely regularize a convolution's output.
public final class SpatialDropout2D: Layer {
    public let name: String
    public var typeName: String { "SpatialDropout2D" }
    public let rate: Double
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var random = RandomGenerator(seed: 0)
    private var positions = 0
    private var channels = 0
    // One factor per sample and channel: 0 or 1 / (1 − rate).
    private let mask = FloatBuffer()
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()
    private var maskActive = false

    public init(rate: Double, name: String? = nil) throws {
        guard rate >= 0 && rate < 1 else {
            throw EngineError("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=\(rate)")
        }
        self.rate = rate
        self.name = name ?? AutoName.next("spatial_dropout2d")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        try EngineLimits.expectImage(inputShape, layer: name)
        positions = inputShape[0] * inputShape[1]
        channels = inputShape[2]
        outputShape = inputShape
        self.random = random.split()
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        mask.reserve(batchCapacity * channels)
        for buffer in [output, dInput] { buffer.reserve(batchCapacity * positions * channels) }
    }

    /// target = source ⊙ (the sample's channel factors), position by position.
    private func applyMask(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, batch: Int) {
        var i = 0
        for sample in 0..<batch {
            let factors = mask.readOnly + sample * channels
            for _ in 0..<positions {
                for c in 0..<channels { target[i + c] = source[i + c] * factors[c] }
                i += channels
            }
        }
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        maskActive = training && rate > 0
        guard maskActive else { return input }
        let keep = Float(1 / (1 - rate))
        // A local copy: a class's stored generator would pay an exclusivity check per draw.
        var generator = random
        let m = mask.pointer
        for i in 0..<batch * channels { m[i] = generator.bernoulli(rate) ? 0 : keep }
        random = generator
        applyMask(input, output.pointer, batch: batch)
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        guard maskActive else { return gradOutput }
        applyMask(gradOutput, dInput.pointer, batch: batch)
        return dInput.readOnly
    }
}

extension SpatialDropout2D: KerasLayer {
    public static let kerasNames = ["SpatialDropout2D"]
    public static let kerasSignature = "rate, data_format=None, !seed=None, name=None, dtype=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        try self.init(rate: try c.double("rate"), name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["rate": .double(rate)]) }
}
