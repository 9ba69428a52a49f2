import Tensor

/// Keras' `RandomFlip`: in training, each image is flipped with probability 1/2: left-right
/// (`horizontal`), top-bottom (`vertical`), or both at once (`horizontal_and_vertical`, one
/// draw for the pair, as Keras 3 does). A flip is its own inverse, so the backward pass flips
/// the gradient the same way.
public final class RandomFlip: ImageAugmentation {
    public enum Mode: String, Codable, Sendable, CaseIterable {
        case horizontal
        case vertical
        case horizontalAndVertical = "horizontal_and_vertical"
    }

    public let name: String
    public var typeName: String { "RandomFlip" }
    public let mode: Mode
    public let seed: Int?
    public let declaredInputShape: [Int]?
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var image: ImageShape?
    private var random = RandomGenerator(seed: 0)
    /// Whether each sample of the last training batch was flipped.
    private var flipped: [Bool] = []
    private var active = false
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()

    /// Whether each sample of the last training batch was flipped.
    public var lastFlips: [Bool] { flipped }

    public init(mode: Mode = .horizontalAndVertical, seed: Int? = nil, inputShape: [Int]? = nil, name: String? = nil) {
        self.mode = mode
        self.seed = seed
        declaredInputShape = inputShape
        self.name = name ?? AutoName.next("random_flip")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        image = try ImageShape(inputShape, layer: typeName)
        outputShape = inputShape
        self.random = RandomGenerator.augmentation(seed: seed, model: &random)
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        let size = image?.count ?? 0
        output.reserve(batchCapacity * size)
        dInput.reserve(batchCapacity * size)
        flipped.reserveCapacity(batchCapacity)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        active = training
        guard training, image != nil else { return input }
        var generator = random
        flipped.removeAll(keepingCapacity: true)
        for _ in 0..<batch { flipped.append(generator.uniformDouble() <= 0.5) }
        random = generator
        return flip(input, into: output)
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        guard active else { return gradOutput }
        return flip(gradOutput, into: dInput)
    }

    /// Flips the samples marked in `flips` (for tests and `ImageDataGenerator`), whatever the mode.
    public func apply(flips: [Bool], to input: UnsafePointer<Float>) -> UnsafePointer<Float> {
        reserve(batchCapacity: flips.count)
        flipped = flips
        active = true
        return flip(input, into: output)
    }

    private func flip(_ source: UnsafePointer<Float>, into buffer: FloatBuffer) -> UnsafePointer<Float> {
        guard let image else { return source }
        let h = image.height, w = image.width, c = image.channels, size = image.count
        let horizontal = mode != .vertical, vertical = mode != .horizontal
        let out = buffer.pointer
        for (sample, flips) in flipped.enumerated() {
            let from = source + sample * size, to = out + sample * size
            guard flips else {
                to.update(from: from, count: size)
                continue
            }
            for row in 0..<h {
                let sourceRow = vertical ? h - 1 - row : row
                for column in 0..<w {
                    let sourceColumn = horizontal ? w - 1 - column : column
                    (to + (row * w + column) * c).update(from: from + (sourceRow * w + sourceColumn) * c, count: c)
                }
            }
        }
        return buffer.readOnly
    }
}

extension RandomFlip: KerasLayer {
    public static let kerasNames = ["RandomFlip"]
    public static let kerasSignature = "mode='horizontal_and_vertical', seed=None, data_format=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        let text = try c.string("mode")
        guard let mode = Mode(rawValue: text) else {
            throw EngineError("RandomFlip layer mode must be one of \(Mode.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")). Received: mode='\(text)'")
        }
        self.init(mode: mode, seed: try c.optionalInt("seed"), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["mode": .string(mode.rawValue), "seed": ConfigValue(seed), "data_format": .string("channels_last")])
    }
}
