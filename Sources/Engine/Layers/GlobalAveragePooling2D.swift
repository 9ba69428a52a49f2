import Tensor

/// Keras' `GlobalAveragePooling2D` (alias `GlobalAvgPool2D`) on channels-last
/// images: each channel's mean over all positions, a vector of channels per
/// sample, or a 1 × 1 × channels image with `keepdims`.
public final class GlobalAveragePooling2D: GlobalPooling2D, Layer {
    public var typeName: String { "GlobalAveragePooling2D" }
    public init(keepDims: Bool = false, name: String? = nil) {
        super.init(keepingDims: keepDims, named: name ?? AutoName.next("global_average_pooling2d"))
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

extension GlobalAveragePooling2D: GlobalPoolingKind {
    public static let kerasNames = ["GlobalAveragePooling2D", "GlobalAvgPool2D"]
    public static let kerasSignature = "data_format=None, keepdims=False"
}
