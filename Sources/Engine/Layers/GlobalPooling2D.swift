import Tensor

/// What Keras' global poolings share on channels-last images: one value per channel from all
/// positions, as a vector of channels per sample or a 1 × 1 × channels image with `keepdims`.
/// Each kind is a subclass that reduces (`forward`) and sends the gradient back (`backward`).
public class GlobalPooling2D {
    public let name: String
    public let keepDims: Bool
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    /// Positions (height × width) and channels of the input images.
    private(set) var positions = 0
    private(set) var channels = 0
    let output = FloatBuffer()
    let dInput = FloatBuffer()

    init(keepingDims keepDims: Bool, named name: String) {
        self.keepDims = keepDims
        self.name = name
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        try EngineLimits.expectImage(inputShape, layer: name)
        positions = inputShape[0] * inputShape[1]
        channels = inputShape[2]
        outputShape = keepDims ? [1, 1, channels] : [channels]
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        output.reserve(batchCapacity * channels)
        dInput.reserve(batchCapacity * positions * channels)
    }
}

/// A global pooling layer class: built from `keepdims` alone, so its configuration is the same
/// for every kind.
protocol GlobalPoolingKind: KerasLayer {
    init(keepDims: Bool, name: String?)
    var keepDims: Bool { get }
}

extension GlobalPoolingKind {
    public init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        self.init(keepDims: try c.bool("keepdims"), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["data_format": .string("channels_last"), "keepdims": .bool(keepDims)])
    }
}
