import Tensor

/// Keras' `AveragePooling2D` (alias `AvgPool2D`) on channels-last images: each
/// output is the mean of the inputs under its window, channel by channel.
///
/// `strides` default to the pool size. With 'same' padding a window that hangs
/// over the edge averages only the cells inside the input, as TensorFlow does,
/// so backward shares each gradient among those cells alone.
public final class AveragePooling2D: Layer {
    public let name: String
    public var typeName: String { "AveragePooling2D" }
    public let poolSize: GridSize
    public let strides: GridSize
    public let padding: WindowPadding
    public let declaredInputShape: [Int]? = nil
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var geometry: SpatialWindow?
    /// 1 / (cells inside the input) for each output position; the same for every sample.
    private var inverseCounts: [Float] = []
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()

    public init(poolSize: [Int] = [2, 2], strides: [Int]? = nil, padding: WindowPadding = .valid, name: String? = nil) throws {
        self.poolSize = try GridSize.positive(poolSize, argument: "pool_size")
        self.strides = try strides.map { try GridSize.positive($0, argument: "strides") } ?? self.poolSize
        self.padding = padding
        self.name = name ?? AutoName.next("average_pooling2d")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        let g = try PoolingGeometry.make(inputShape, pool: poolSize, strides: strides, padding: padding, layer: name, typeName: typeName)
        var inverse: [Float] = []
        inverse.reserveCapacity(g.outputPositions)
        for oy in 0..<g.outputHeight {
            let rows = g.insideRows(oy).count
            for ox in 0..<g.outputWidth {
                inverse.append(1 / Float(rows * g.insideColumns(ox).count))
            }
        }
        geometry = g
        inverseCounts = inverse
        outputShape = g.outputShape
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        guard let geometry else { return }
        output.reserve(batchCapacity * geometry.outputPositions * geometry.channels)
        dInput.reserve(batchCapacity * geometry.inputCount)
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
