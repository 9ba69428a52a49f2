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
