import Tensor

/// Keras' `RandomTranslation`: in training, shifts each image by a random fraction of its
/// height (`heightFactor`, positive moves the content down) and of its width (`widthFactor`,
/// positive moves it right), filling the uncovered part by `fillMode`.
public final class RandomTranslation: RandomAffineLayer {
    public override var typeName: String { "RandomTranslation" }
    public let heightFactor: FactorRange
    public let widthFactor: FactorRange

    public init(heightFactor: FactorRange, widthFactor: FactorRange, fillMode: ImageFillMode = .reflect,
                interpolation: ImageInterpolation = .bilinear, seed: Int? = nil, fillValue: Double = 0,
                inputShape: [Int]? = nil, name: String? = nil) throws {
        try heightFactor.validate("height_factor", layer: "RandomTranslation", minimum: -1, maximum: 1)
        try widthFactor.validate("width_factor", layer: "RandomTranslation", minimum: -1, maximum: 1)
        self.heightFactor = heightFactor
        self.widthFactor = widthFactor
        super.init(name: name ?? AutoName.next("random_translation"), fillMode: fillMode, interpolation: interpolation,
                   fillValue: fillValue, seed: seed, inputShape: inputShape)
    }

    override func drawTransform(_ random: inout RandomGenerator, image: ImageShape) -> ProjectiveTransform {
        let dy = heightFactor.draw(&random) * Double(image.height)
        let dx = widthFactor.draw(&random) * Double(image.width)
        return .translation(dx: Double(Float(dx)), dy: Double(Float(dy)))
    }
}

extension RandomTranslation: KerasLayer {
    public static let kerasNames = ["RandomTranslation"]
    public static let kerasSignature = """
        height_factor, width_factor, fill_mode='reflect', interpolation='bilinear', seed=None, fill_value=0.0, data_format=None
        """

    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        try self.init(heightFactor: try c.factor("height_factor"), widthFactor: try c.factor("width_factor"), fillMode: try c.fillMode(),
                      interpolation: try c.interpolation(), seed: try c.optionalInt("seed"), fillValue: try c.double("fill_value"),
                      name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(affineValues.merging(["height_factor": ConfigValue(heightFactor), "width_factor": ConfigValue(widthFactor)]) { a, _ in a })
    }
}
