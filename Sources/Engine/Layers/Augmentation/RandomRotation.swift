import Tensor

/// Keras' `RandomRotation`: in training, rotates each image about its centre by a random
/// angle drawn from `factor` × 360 degrees (a factor of 0.1 means up to ±36°), filling the
/// corners by `fillMode`.
public final class RandomRotation: RandomAffineLayer {
    public override var typeName: String { "RandomRotation" }
    public let factor: FactorRange

    public init(factor: FactorRange, fillMode: ImageFillMode = .reflect, interpolation: ImageInterpolation = .bilinear,
                seed: Int? = nil, fillValue: Double = 0, inputShape: [Int]? = nil, name: String? = nil) throws {
        try factor.validate("factor", layer: "RandomRotation", minimum: -1, maximum: 1)
        self.factor = factor
        super.init(name: name ?? AutoName.next("random_rotation"), fillMode: fillMode, interpolation: interpolation,
                   fillValue: fillValue, seed: seed, inputShape: inputShape)
    }

    override func drawTransform(_ random: inout RandomGenerator, image: ImageShape) -> ProjectiveTransform {
        let degrees = FactorRange(lower: factor.lower * 360, upper: factor.upper * 360).draw(&random)
        return .rotation(degrees: degrees, height: image.height, width: image.width)
    }
}

extension RandomRotation: KerasLayer {
    public static let kerasNames = ["RandomRotation"]
    public static let kerasSignature = "factor, fill_mode='reflect', interpolation='bilinear', seed=None, fill_value=0.0, data_format=None"

    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        try self.init(factor: try c.factor("factor"), fillMode: try c.fillMode(), interpolation: try c.interpolation(),
                      seed: try c.optionalInt("seed"), fillValue: try c.double("fill_value"), name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(affineValues.merging(["factor": ConfigValue(factor)]) { a, _ in a })
    }
}
