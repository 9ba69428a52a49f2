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
