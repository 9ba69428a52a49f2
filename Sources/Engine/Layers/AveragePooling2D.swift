import Tensor

/// Keras' `AveragePooling2D` (alias `AvgPool2D`) on channels-last images: each
/// output is the mean of the inputs under its window, channel by channel.
///
/// `strides` default to the pool size. With 'same' padding a window that hangs
/// over the edge averages only the cells inside the input, as TensorFlow does,
/// so backward shares each gradient among those cells alone.
public final class AveragePooling2D: WindowPooling2D, Layer {
    public var typeName: String { "AveragePooling2D" }
    /// 1 / (cells inside the input) for each output position; the same for every sample.
    private var inverseCounts: [Float] = []

    public init(poolSize: [Int] = [2, 2], strides: [Int]? = nil, padding: WindowPadding = .valid, name: String? = nil) throws {
        try super.init(kind: "AveragePooling2D", poolSize: poolSize, strides: strides, padding: padding,
                       name: name ?? AutoName.next("average_pooling2d"))
    }

    override func prepare(_ g: SpatialWindow) {
        var inverse: [Float] = []
        inverse.reserveCapacity(g.outputPositions)
        for oy in 0..<g.outputHeight {
            let rows = g.insideRows(oy).count
            for ox in 0..<g.outputWidth {
                inverse.append(1 / Float(rows * g.insideColumns(ox).count))
            }
        }
        inverseCounts = inverse
    }

    /// Calls `body(offset of the cell in its sample)` for each input cell of output position (oy, ox).
    @inline(__always)
    private func forEachCell(_ g: SpatialWindow, _ oy: Int, _ ox: Int, _ body: (Int) -> Void) {
        let columns = g.insideColumns(ox)
        for ky in g.insideRows(oy) {
            let iy = g.inputRow(oy, ky)
            for kx in columns {
                body((iy * g.inputWidth + g.inputColumn(ox, kx)) * g.channels)
            }
        }
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        guard let g = geometry else { return input }
        let channels = g.channels
        var out = output.pointer
        inverseCounts.withUnsafeBufferPointer { inverse in
            for sample in 0..<batch {
                let image = input + sample * g.inputCount
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        out.update(repeating: 0, count: channels)
                        let target = out
                        forEachCell(g, oy, ox) { offset in
                            let cell = image + offset
                            for c in 0..<channels { target[c] += cell[c] }
                        }
                        let scale = inverse[oy * g.outputWidth + ox]
                        for c in 0..<channels { out[c] *= scale }
                        out += channels
                    }
                }
            }
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient, let g = geometry else { return nil }
        let channels = g.channels
        dInput.pointer.update(repeating: 0, count: batch * g.inputCount)
        var grad = gradOutput
        inverseCounts.withUnsafeBufferPointer { inverse in
            for sample in 0..<batch {
                let image = dInput.pointer + sample * g.inputCount
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        let scale = inverse[oy * g.outputWidth + ox]
                        let source = grad
                        forEachCell(g, oy, ox) { offset in
                            let cell = image + offset
                            for c in 0..<channels { cell[c] += source[c] * scale }
                        }
                        grad += channels
                    }
                }
            }
        }
        return dInput.readOnly
    }
}

extension AveragePooling2D: WindowPoolingKind {
    public static let kerasNames = ["AveragePooling2D", "AvgPool2D"]
    /// Keras 3 requires pool_size; Keras 2 and tf.keras defaulted it to (2, 2), which is kept.
    public static let kerasSignature = "pool_size=(2, 2), strides=None, padding='valid', data_format=None, name=None"
}
