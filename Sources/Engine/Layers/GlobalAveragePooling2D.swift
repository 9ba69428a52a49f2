import Tensor

/// Keras' `GlobalAveragePooling2D` (alias `GlobalAvgPool2D`) on channels-last
/// images: each channel's mean over all positions, a vector of channels per
/// sample, or a 1 × 1 × channels image with `keepdims`.
public final class GlobalAveragePooling2D: Layer {
    public let name: String
    public var typeName: String { "GlobalAveragePooling2D" }
    public let keepDims: Bool
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var positions = 0
    private var channels = 0
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()

    public init(keepDims: Bool = false, name: String? = nil) {
        self.keepDims = keepDims
        self.name = name ?? AutoName.next("global_average_pooling2d")
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

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        let scale = 1 / Float(positions)
        for sample in 0..<batch {
            let out = output.pointer + sample * channels
            out.update(repeating: 0, count: channels)
            var cell = input + sample * positions * channels
            for _ in 0..<positions {
                for c in 0..<channels { out[c] += cell[c] }
                cell += channels
            }
            for c in 0..<channels { out[c] *= scale }
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        let scale = 1 / Float(positions)
        var cell = dInput.pointer
        for sample in 0..<batch {
            let grad = gradOutput + sample * channels
            for _ in 0..<positions {
                for c in 0..<channels { cell[c] = grad[c] * scale }
                cell += channels
            }
        }
        return dInput.readOnly
    }
}
