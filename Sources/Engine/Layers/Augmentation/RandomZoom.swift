import Tensor

/// Keras' `RandomZoom`: in training, zooms each image about its centre. The factors are
/// fractions added to 1 (Keras' convention): a negative factor zooms in (the content grows),
/// a positive one zooms out. Without `widthFactor` both axes use the same draw, keeping the
/// aspect ratio.
public final class RandomZoom: RandomAffineLayer {
    public override var typeName: String { "RandomZoom" }
    public let heightFactor: FactorRange
    public let widthFactor: FactorRange?

    public init(heightFactor: FactorRange, widthFactor: FactorRange? = nil, fillMode: ImageFillMode = .reflect,
                interpolation: ImageInterpolation = .bilinear, seed: Int? = nil, fillValue: Double = 0,
                inputShape: [Int]? = nil, name: String? = nil) throws {
        try heightFactor.validate("height_factor", layer: "RandomZoom", minimum: -1, maximum: 1, minimumExcluded: true)
        try widthFactor?.validate("width_factor", layer: "RandomZoom", minimum: -1, maximum: 1, minimumExcluded: true)
        self.heightFactor = heightFactor
        self.widthFactor = widthFactor
        super.init(name: name ?? AutoName.next("random_zoom"), fillMode: fillMode, interpolation: interpolation,
                   fillValue: fillValue, seed: seed, inputShape: inputShape)
    }

    override func drawTransform(_ random: inout RandomGenerator, image: ImageShape) -> ProjectiveTransform {
        let zy = 1 + heightFactor.draw(&random)
        let zx = widthFactor.map { 1 + $0.draw(&random) } ?? zy
        return .zoom(x: zx, y: zy, height: image.height, width: image.width)
    }
}

extension RandomZoom: KerasLayer {
    public static let kerasNames = ["RandomZoom"]
    public static let kerasSignature = """
        height_factor, width_factor=None, fill_mode='reflect', interpolation='bilinear', seed=None, fill_value=0.0, data_format=None
        """

    public convenience init(configuration c: KerasConfiguration) throws {
        try c.requireChannelsLast()
        let width = c["width_factor"] == .none ? nil : try c.factor("width_factor")
        try self.init(heightFactor: try c.factor("height_factor"), widthFactor: width, fillMode: try c.fillMode(),
                      interpolation: try c.interpolation(), seed: try c.optionalInt("seed"), fillValue: try c.double("fill_value"),
                      name: c.name)
    }

    public var configuration: KerasConfiguration {
        configured(affineValues.merging(["height_factor": ConfigValue(heightFactor),
                                         "width_factor": widthFactor.map { ConfigValue($0) } ?? .none]) { a, _ in a })
    }
}
