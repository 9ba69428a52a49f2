import Tensor

/// Keras' `GaussianNoise`: while training, adds zero-mean normal noise with
/// standard deviation `stddev` to every input; at inference it is the identity.
/// The noise does not depend on the input, so the gradient passes through unchanged.
public final class GaussianNoise: Layer {
    public let name: String
    public var typeName: String { "GaussianNoise" }
    public let stddev: Double
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var random = RandomGenerator(seed: 0)
    private var width = 0
    private let output = FloatBuffer()

    public init(stddev: Double, name: String? = nil) throws {
        guard stddev >= 0 else {
            throw EngineError("Invalid value received for argument `stddev`. Expected a non-negative float. Received: stddev=\(stddev)")
        }
        self.stddev = stddev
        self.name = name ?? AutoName.next("gaussian_noise")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        outputShape = inputShape
        width = inputShape.reduce(1, *)
        self.random = random.split()
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        output.reserve(batchCapacity * width)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        guard training && stddev > 0 else { return input }
        // A local generator avoids an exclusivity check per draw on the stored one.
        var generator = random
        let out = output.pointer
        for i in 0..<batch * width {
            out[i] = input[i] + Float(generator.normal(mean: 0, stddev: stddev))
        }
        random = generator
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        needsInputGradient ? gradOutput : nil
    }
}

extension GaussianNoise: KerasLayer {
    public static let kerasNames = ["GaussianNoise"]
    public static let kerasSignature = "stddev, !seed=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        try self.init(stddev: try c.double("stddev"), name: c.name)
    }

    public var configuration: KerasConfiguration { configured(["stddev": .double(stddev)]) }
}
