import Tensor

/// Keras' `Dropout`: while training, each input is zeroed with probability
/// `rate` and the survivors are scaled by 1 / (1 − rate) ("inverted" dropout),
/// so nothing needs rescaling at inference, where the layer passes inputs through.
public final class Dropout: Layer {
    public let name: String
    public var typeName: String { "Dropout" }
    public let rate: Double
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var random = RandomGenerator(seed: 0)
    private var width = 0
    // The mask already holds 0 or 1 / (1 − rate), so forward and backward are one multiply.
    private let mask = FloatBuffer()
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()
    private var maskActive = false

    public init(rate: Double, name: String? = nil) throws {
        guard rate >= 0 && rate < 1 else {
            throw EngineError("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=\(rate)")
        }
        self.rate = rate
        self.name = name ?? AutoName.next("dropout")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        outputShape = inputShape
        width = inputShape.reduce(1, *)
        self.random = random.split()
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        for buffer in [mask, output, dInput] { buffer.reserve(batchCapacity * width) }
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        maskActive = training && rate > 0
        guard maskActive else { return input }
        let n = batch * width
        let keep = Float(1 / (1 - rate))
        // Local copies: a class's stored generator would pay an exclusivity check per draw.
        var generator = random
        let m = mask.pointer, out = output.pointer
        for i in 0..<n {
            m[i] = generator.bernoulli(rate) ? 0 : keep
            out[i] = input[i] * m[i]
        }
        random = generator
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        guard maskActive else { return gradOutput }
        let m = mask.readOnly, d = dInput.pointer
        for i in 0..<batch * width { d[i] = gradOutput[i] * m[i] }
        return dInput.readOnly
    }
}

extension Dropout: KerasLayer {
    public static let kerasNames = ["Dropout"]
    public static let kerasSignature = "rate, !noise_shape=None, !seed=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        try self.init(rate: try c.double("rate"), name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["rate": .double(rate)]) }
}
