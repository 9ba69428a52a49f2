import Tensor

/// Keras' `GlobalMaxPooling2D` (alias `GlobalMaxPool2D`) on channels-last
/// images: each channel's largest value over all positions, a vector of channels
/// per sample, or a 1 × 1 × channels image with `keepdims`. Backward sends each
/// gradient to the position that won.
public final class GlobalMaxPooling2D: GlobalPooling2D, Layer {
    public var typeName: String { "GlobalMaxPooling2D" }
    /// For each sample and channel, the offset (within the sample) of the winning input.
    private let winners = IndexBuffer()

    public init(keepDims: Bool = false, name: String? = nil) {
        super.init(keepingDims: keepDims, named: name ?? AutoName.next("global_max_pooling2d"))
    }

    public override func reserve(batchCapacity: Int) {
        super.reserve(batchCapacity: batchCapacity)
        winners.reserve(batchCapacity * channels)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        for sample in 0..<batch {
            let image = input + sample * positions * channels
            let out = output.pointer + sample * channels
            let won = winners.pointer + sample * channels
            out.update(from: image, count: channels)
            for c in 0..<channels { won[c] = c }
            for p in 1..<max(positions, 1) {
                let base = p * channels
                for c in 0..<channels where image[base + c] > out[c] {
                    out[c] = image[base + c]
                    won[c] = base + c
                }
            }
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        dInput.pointer.update(repeating: 0, count: batch * positions * channels)
        for sample in 0..<batch {
            let image = dInput.pointer + sample * positions * channels
            for c in 0..<channels {
                image[winners.pointer[sample * channels + c]] = gradOutput[sample * channels + c]
            }
        }
        return dInput.readOnly
    }
}

extension GlobalMaxPooling2D: GlobalPoolingKind {
    public static let kerasNames = ["GlobalMaxPooling2D", "GlobalMaxPool2D"]
    public static let kerasSignature = "data_format=None, keepdims=False"
}
