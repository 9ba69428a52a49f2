import Tensor

/// A Keras image augmentation layer (`RandomFlip`, `RandomRotation`, ...): it works on
/// channels-last images [height, width, channels], changes them randomly only in training
/// mode and passes them through unchanged at inference. Keras 3 runs these layers in
/// training mode when a direct call gives no `training=` argument, which is why the model
/// asks whether a layer is one of them.
public protocol ImageAugmentation: Layer {}

/// The per-sample geometry of the images an augmentation layer receives.
public struct ImageShape: Equatable, Sendable {
    public let height: Int
    public let width: Int
    public let channels: Int
    public var pixels: Int { height * width }
    public var count: Int { height * width * channels }

    /// Reads [height, width, channels]; anything else is the Keras error for a non-image input.
    public init(_ inputShape: [Int], layer: String) throws {
        guard inputShape.count == 3, inputShape.allSatisfy({ $0 > 0 }) else {
            throw EngineError("\(layer) expects images of shape (height, width, channels), a rank-4 input with the batch. Received: input_shape=\(ShapeText.batched(inputShape))")
        }
        height = inputShape[0]
        width = inputShape[1]
        channels = inputShape[2]
    }
}

/// A range a random factor is drawn from, uniformly, as Keras' `(lower, upper)` pairs.
public struct FactorRange: Equatable, Sendable, Codable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = Swift.min(lower, upper)
        self.upper = Swift.max(lower, upper)
    }

    /// Keras' single-number form: `f` means [-|f|, |f|].
    public init(symmetric f: Double) {
        self.init(lower: -Swift.abs(f), upper: Swift.abs(f))
    }

    /// Throws Keras' factor error when either bound is outside [`minimum`, `maximum`]
    /// (`minimumExcluded`: the minimum itself is not allowed either, as for zoom's -1).
    func validate(_ argument: String, layer: String, minimum: Double, maximum: Double, minimumExcluded: Bool = false) throws {
        for bound in [lower, upper] {
            let tooLow = minimumExcluded ? bound <= minimum : bound < minimum
            guard !tooLow, bound <= maximum, bound.isFinite else {
                let low = minimumExcluded ? "(" : "["
                throw EngineError("\(layer): the `\(argument)` argument should be a number (or a list of two numbers) in the range \(low)\(minimum), \(maximum)]. Received: \(argument)=(\(lower), \(upper))")
            }
        }
    }

    func draw(_ random: inout RandomGenerator) -> Double {
        lower == upper ? lower : random.uniformDouble(low: lower, high: upper)
    }
}

extension RandomGenerator {
    /// The stream of an augmentation layer: its own `seed=` when given, else a split of the
    /// model's build stream, so a model's seed fixes every augmented batch.
    static func augmentation(seed: Int?, model random: inout RandomGenerator) -> RandomGenerator {
        if let seed { return RandomGenerator(seed: UInt64(truncatingIfNeeded: seed) ^ 0xA5A5_5A5A_C3C3_3C3C) }
        return random.split()
    }
}

extension KerasConfiguration {
    /// Keras' factor argument: a number f for [-|f|, |f|], or a pair (lower, upper).
    func factor(_ key: String) throws -> FactorRange {
        let values = try doubles(key)
        if case .list = self[key] {
            guard values.count == 2 else {
                throw EngineError("The `\(key)` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. Received: \(key)=\(Self.describe(self[key]))")
            }
            return FactorRange(lower: values[0], upper: values[1])
        }
        return FactorRange(symmetric: values[0])
    }

    func fillMode() throws -> ImageFillMode {
        let text = try string("fill_mode")
        guard let mode = ImageFillMode(rawValue: text) else {
            throw EngineError.notImplemented("Unknown `fill_mode` \(text). Expected of one ('reflect', 'wrap', 'constant', 'nearest').")
        }
        return mode
    }

    func interpolation() throws -> ImageInterpolation {
        let text = try string("interpolation")
        guard let mode = ImageInterpolation(rawValue: text) else {
            throw EngineError.notImplemented("Unknown `interpolation` \(text). Expected of one ('nearest', 'bilinear').")
        }
        return mode
    }
}

extension ConfigValue {
    init(_ f: FactorRange) { self = .list([.double(f.lower), .double(f.upper)]) }
}

extension RandomAffineLayer {
    /// The arguments every random affine layer shares.
    var affineValues: [String: ConfigValue] {
        ["fill_mode": .string(fillMode.rawValue), "interpolation": .string(interpolation.rawValue), "seed": ConfigValue(seed),
         "fill_value": .double(fillValue), "data_format": .string("channels_last")]
    }
}
