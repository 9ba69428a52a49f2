import Engine
import Script
import Tensor

/// What `ImageDataGenerator.flow(x, y)` returns: an endless iterator of augmented batches
/// (`next(it)` gives `(x_batch, y_batch)`, or `x_batch` without labels), one pass over the
/// data after another, reshuffled each pass when `shuffle`. `len(it)` is the batches per pass,
/// which is also `fit`'s default `steps_per_epoch`.
final class ImageBatchIterator: ScriptObject {
    let generator: ImageDataGeneratorObject
    let images: NDArray
    let labels: NDArray?
    let batchSize: Int
    let shuffle: Bool
    private var random: RandomGenerator
    private var order: [Int]
    private var position = 0
    private let warp: AffineWarp
    private let image: ImageShape

    init(generator: ImageDataGeneratorObject, x: Value, y: Value?, batchSize: Int, shuffle: Bool, seed: Int?) throws {
        let images = try NDArray.coerce(x)
        guard images.ndim == 4, images.shape[0] > 0 else {
            throw ScriptError.value("Input data in `NumpyArrayIterator` should have rank 4. You passed an array with shape \(NDArray.shapeText(images.shape))")
        }
        guard batchSize > 0 else { throw ScriptError.value("flow expects a positive batch_size. Received: batch_size=\(batchSize)") }
        if let y {
            let labels = try NDArray.coerce(y)
            guard labels.shape.first == images.shape[0] else {
                throw ScriptError.value("`x` (images tensor) and `y` (labels) should have the same length. Found: x.shape = \(NDArray.shapeText(images.shape)), y.shape = \(NDArray.shapeText(labels.shape))")
            }
            self.labels = labels
        } else {
            labels = nil
        }
        image = try engineCall { try ImageShape(Array(images.shape.dropFirst()), layer: "ImageDataGenerator") }
        self.generator = generator
        self.images = images.astype(.float32)
        self.batchSize = batchSize
        self.shuffle = shuffle
        random = seed.map { RandomGenerator(seed: UInt64(truncatingIfNeeded: $0)) } ?? generator.session.tensorRandom.split()
        order = Array(0..<images.shape[0])
        warp = AffineWarp(image: image, fillMode: generator.fillMode, interpolation: .bilinear, fillValue: Float(generator.cval))
        warp.reserve(batchCapacity: 1)
    }

    var count: Int { images.shape[0] }
    var typeName: String { "NumpyArrayIterator" }
    func repr() -> String { "<keras.src.legacy.preprocessing.image.NumpyArrayIterator object>" }
    func length() throws -> Int? { (count + batchSize - 1) / batchSize }
    var attributeNames: [String] { ["__next__", "batch_size", "n", "shuffle", "reset"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "__next__", "next": return .object(BuiltinFunction(name) { _, _ in try self.nextValue() })
        case "batch_size": return .int(batchSize)
        case "n": return .int(count)
        case "shuffle": return .bool(shuffle)
        case "reset": return .object(BuiltinFunction(name) { _, _ in self.position = 0; return .none })
        default: return nil
        }
    }

    /// The next batch's augmented images and their labels.
    func nextBatch() throws -> (NDArray, NDArray?) {
        if position == 0 && shuffle { random.shuffle(&order) }
        let indices = Array(order[position..<min(position + batchSize, count)])
        position = position + indices.count >= count ? 0 : position + indices.count
        let size = image.count
        var out = [Double](repeating: 0, count: indices.count * size)
        var sample = [Float](repeating: 0, count: size)
        for (k, index) in indices.enumerated() {
            for i in 0..<size { sample[i] = Float(images.storage[index * size + i]) }
            if let t = generator.drawTransform(&random, height: image.height, width: image.width) {
                warp.transforms = [t]
                let warped = sample.withUnsafeBufferPointer { warp.forward($0.baseAddress!, batch: 1) }
                for i in 0..<size { sample[i] = warped[i] }
            }
            let flipColumns = generator.horizontalFlip && random.uniformDouble() < 0.5
            let flipRows = generator.verticalFlip && random.uniformDouble() < 0.5
            let scale = generator.rescale ?? 1
            for row in 0..<image.height {
                for column in 0..<image.width {
                    let from = ((flipRows ? image.height - 1 - row : row) * image.width + (flipColumns ? image.width - 1 - column : column)) * image.channels
                    let to = k * size + (row * image.width + column) * image.channels
                    for c in 0..<image.channels { out[to + c] = Double(sample[from + c]) * scale }
                }
            }
        }
        let batch = NDArray(shape: [indices.count] + images.shape.dropFirst(), storage: out, dtype: .float32)
        guard let labels else { return (batch, nil) }
        let width = labels.count / count
        let picked = indices.flatMap { labels.storage[($0 * width)..<(($0 + 1) * width)] }
        return (batch, NDArray(shape: [indices.count] + labels.shape.dropFirst(), storage: picked, dtype: labels.dtype))
    }

    private func nextValue() throws -> Value {
        let (x, y) = try nextBatch()
        guard let y else { return .object(x) }
        return .tuple([.object(x), .object(y)])
    }
}
