import Tensor

/// Keras' `MaxPooling2D` (alias `MaxPool2D`) on channels-last images: each
/// output is the largest input under its window, channel by channel.
///
/// `strides` default to the pool size. With 'same' padding the padded cells are
/// ignored (never the maximum), as in TensorFlow. Forward remembers which input
/// won each window, so backward routes each gradient to that one cell.
public final class MaxPooling2D: WindowPooling2D, Layer {
    public var typeName: String { "MaxPooling2D" }
    /// For each output value, the index (within its sample) of the input that won.
    private let winners = IndexBuffer()

    public init(poolSize: [Int] = [2, 2], strides: [Int]? = nil, padding: WindowPadding = .valid, name: String? = nil) throws {
        try super.init(kind: "MaxPooling2D", poolSize: poolSize, strides: strides, padding: padding,
                       name: name ?? AutoName.next("max_pooling2d"))
    }

    public override func reserve(batchCapacity: Int) {
        super.reserve(batchCapacity: batchCapacity)
        guard let geometry else { return }
        winners.reserve(batchCapacity * geometry.outputPositions * geometry.channels)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        guard let g = geometry else { return input }
        let channels = g.channels
        var out = output.pointer
        var won = winners.pointer
        for sample in 0..<batch {
            let image = input + sample * g.inputCount
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    var first = true
                    let columns = g.insideColumns(ox)
                    for ky in g.insideRows(oy) {
                        let iy = g.inputRow(oy, ky)
                        for kx in columns {
                            let ix = g.inputColumn(ox, kx)
                            let base = (iy * g.inputWidth + ix) * channels
                            let cell = image + base
                            if first {
                                // The first cell inside the input starts every channel's maximum.
                                out.update(from: cell, count: channels)
                                for c in 0..<channels { won[c] = base + c }
                                first = false
                            } else {
                                // Selects rather than branches: which input wins is data, unpredictable.
                                for c in 0..<channels {
                                    let better = cell[c] > out[c]
                                    out[c] = better ? cell[c] : out[c]
                                    won[c] = better ? base + c : won[c]
                                }
                            }
                        }
                    }
                    out += channels
                    won += channels
                }
            }
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient, let g = geometry else { return nil }
        let perSample = g.outputPositions * g.channels
        dInput.pointer.update(repeating: 0, count: batch * g.inputCount)
        for sample in 0..<batch {
            let image = dInput.pointer + sample * g.inputCount
            let won = winners.pointer + sample * perSample
            let grad = gradOutput + sample * perSample
            for i in 0..<perSample { image[won[i]] += grad[i] }
        }
        return dInput.readOnly
    }
}

/// The checks and shape computation shared by the 2-D pooling layers.
enum PoolingGeometry {
    static func make(_ inputShape: [Int], pool: GridSize, strides: GridSize, padding: WindowPadding, layer: String, typeName: String) throws -> SpatialWindow {
        try EngineLimits.expectImage(inputShape, layer: layer)
        guard let geometry = SpatialWindow(input: inputShape, window: pool, strides: strides, padding: padding) else {
            throw EngineError("Exception encountered when calling \(typeName).call(). Computed output size would be zero or negative. Received: `inputs.shape=\(ShapeText.batched(inputShape))`, `pool_size=\(pool)`, `strides=\(strides)`, `padding=\(padding.rawValue)`.")
        }
        return geometry
    }
}

extension MaxPooling2D: WindowPoolingKind {
    public static let kerasNames = ["MaxPooling2D", "MaxPool2D"]
    public static let kerasSignature = "pool_size=(2, 2), strides=None, padding='valid', data_format=None, name=None"
}
