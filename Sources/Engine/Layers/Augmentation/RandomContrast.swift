import Tensor

/// Keras' `RandomContrast`: in training, each image's channels are pulled toward (factor < 1)
/// or pushed away from (factor > 1) their own mean over the pixels, y = (x − mean) · f + mean,
/// then clipped to `valueRange`. f is drawn per image from [1 − lower, 1 + upper]; note that
/// Keras 3 turns a single `factor=f` into (lower, upper) = (0, f), so f is then in [1, 1 + f].
public final class RandomContrast: ImageAugmentation {
    public let name: String
    public var typeName: String { "RandomContrast" }
    public let lower: Double
    public let upper: Double
    public let valueRange: (low: Double, high: Double)
    public let seed: Int?
    public let declaredInputShape: [Int]?
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var image: ImageShape?
    private var random = RandomGenerator(seed: 0)
    /// The factor each sample of the last training batch used.
    private var factors: [Float] = []
    private var active = false
    private let output = FloatBuffer()
    private let dInput = FloatBuffer()
    /// 1 where the last training output was inside the value range, 0 where it was clipped.
    private let unclipped = FloatBuffer()
    /// Per channel: the mean of one image, then the sum of the gradients that were not clipped.
    private let channelSums = FloatBuffer()

    /// The factor each sample of the last training batch used.
    public var lastFactors: [Float] { factors }

    /// `lower` and `upper` as Keras keeps them after reading `factor`, each in [0, 1].
    public init(lower: Double, upper: Double, valueRange: (low: Double, high: Double) = (0, 255), seed: Int? = nil,
                inputShape: [Int]? = nil, name: String? = nil) throws {
        let (a, b) = (min(lower, upper), max(lower, upper))
        guard a >= 0, b <= 1, a.isFinite, b.isFinite else {
            throw EngineError("RandomContrast: the `factor` argument should be a number (or a list of two numbers) in the range [0, 1]. Received: factor=(\(lower), \(upper))")
        }
        guard valueRange.low <= valueRange.high else {
            throw EngineError("RandomContrast expects value_range as (low, high) with low <= high. Received: value_range=(\(valueRange.low), \(valueRange.high))")
        }
        self.lower = a
        self.upper = b
        self.valueRange = valueRange
        self.seed = seed
        declaredInputShape = inputShape
        self.name = name ?? AutoName.next("random_contrast")
    }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        let image = try ImageShape(inputShape, layer: typeName)
        self.image = image
        channelSums.reserve(image.channels)
        outputShape = inputShape
        self.random = RandomGenerator.augmentation(seed: seed, model: &random)
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        let size = image?.count ?? 0
        output.reserve(batchCapacity * size)
        dInput.reserve(batchCapacity * size)
        unclipped.reserve(batchCapacity * size)
        factors.reserveCapacity(batchCapacity)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        active = training
        guard training, image != nil else { return input }
        var generator = random
        factors.removeAll(keepingCapacity: true)
        let range = FactorRange(lower: 1 - lower, upper: 1 + upper)
        for _ in 0..<batch { factors.append(Float(range.draw(&generator))) }
        random = generator
        return adjust(input)
    }

    /// Applies the given factor to each sample (for tests and fixtures), whatever the mode.
    public func apply(factors given: [Float], to input: UnsafePointer<Float>) -> UnsafePointer<Float> {
        reserve(batchCapacity: given.count)
        factors = given
        active = true
        return adjust(input)
    }

    private func adjust(_ input: UnsafePointer<Float>) -> UnsafePointer<Float> {
        guard let image else { return input }
        let c = image.channels, size = image.count, pixels = Float(image.pixels)
        let low = Float(valueRange.low), high = Float(valueRange.high)
        let out = output.pointer, mean = channelSums.pointer, inside = unclipped.pointer
        for (sample, factor) in factors.enumerated() {
            let x = input + sample * size, y = out + sample * size, mask = inside + sample * size
            mean.update(repeating: 0, count: c)
            for p in 0..<image.pixels { for k in 0..<c { mean[k] += x[p * c + k] } }
            for k in 0..<c { mean[k] /= pixels }
            for p in 0..<image.pixels {
                for k in 0..<c {
                    let value = (x[p * c + k] - mean[k]) * factor + mean[k]
                    y[p * c + k] = min(max(value, low), high)
                    mask[p * c + k] = value >= low && value <= high ? 1 : 0
                }
            }
        }
        return output.readOnly
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        guard active, let image else { return gradOutput }
        // y = (x − m) f + m with m the channel's mean: dx_j = f g_j + (1 − f) / N Σ g_i over
        // the outputs inside the value range (a clipped output passes no gradient).
        let c = image.channels, size = image.count, pixels = Float(image.pixels)
        let inside = unclipped.readOnly, d = dInput.pointer, sums = channelSums.pointer
        for (sample, factor) in factors.enumerated() {
            let g = gradOutput + sample * size, mask = inside + sample * size, dx = d + sample * size
            sums.update(repeating: 0, count: c)
            for i in 0..<size {
                dx[i] = g[i] * mask[i]
                sums[i % c] += dx[i]
            }
            for i in 0..<size { dx[i] = factor * dx[i] + (1 - factor) / pixels * sums[i % c] }
        }
        return dInput.readOnly
    }
}

extension RandomContrast: KerasLayer {
    public static let kerasNames = ["RandomContrast"]
    public static let kerasSignature = "factor, value_range=(0, 255), seed=None"

    /// Keras 3 keeps a single factor f as (max(-f, 0), f) = (0, f), a pair sorted.
    public convenience init(configuration c: KerasConfiguration) throws {
        let factor = try c.doubles("factor")
        let message = "The `factor` argument should be a number (or a list of two numbers) in the range [0, 1]. Received: factor="
        let (lower, upper): (Double, Double)
        if case .list = c["factor"] {
            guard factor.count == 2 else { throw EngineError(message + KerasConfiguration.describe(c["factor"])) }
            (lower, upper) = (factor.min() ?? 0, factor.max() ?? 0)
        } else {
            guard factor[0] >= 0 && factor[0] <= 1 else { throw EngineError(message + "\(factor[0])") }
            (lower, upper) = (0, factor[0])
        }
        let bounds = try c.doubles("value_range")
        guard bounds.count == 2 else {
            throw EngineError("value_range must be a tuple (low, high). Received: value_range=\(KerasConfiguration.describe(c["value_range"]))")
        }
        try self.init(lower: lower, upper: upper, valueRange: (bounds[0], bounds[1]), seed: try c.optionalInt("seed"), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(["factor": .list([.double(lower), .double(upper)]),
                    "value_range": .list([.double(valueRange.low), .double(valueRange.high)]), "seed": ConfigValue(seed)])
    }
}
