import Tensor

/// What `RandomTranslation`, `RandomRotation` and `RandomZoom` share: in training mode each
/// sample is resampled through a transform drawn for it (`drawTransform`), with Keras' fill
/// mode and interpolation; at inference the images pass through unchanged.
public class RandomAffineLayer: ImageAugmentation {
    public let name: String
    public var typeName: String { "RandomAffine" }
    public let fillMode: ImageFillMode
    public let interpolation: ImageInterpolation
    public let fillValue: Double
    /// The layer's own `seed=`; nil draws from the model's seed.
    public let seed: Int?
    public let declaredInputShape: [Int]?
    public private(set) var isBuilt = false
    public private(set) var outputShape: [Int] = []
    public var parameters: [Parameter] { [] }

    private var random = RandomGenerator(seed: 0)
    private var warp: AffineWarp?
    private var active = false

    init(name: String, fillMode: ImageFillMode, interpolation: ImageInterpolation, fillValue: Double, seed: Int?, inputShape: [Int]?) {
        self.name = name
        self.fillMode = fillMode
        self.interpolation = interpolation
        self.fillValue = fillValue
        self.seed = seed
        declaredInputShape = inputShape
    }

    /// The transform each sample of the last training batch used.
    public var lastTransforms: [ProjectiveTransform] { warp?.transforms ?? [] }

    /// The transform for one sample of an image of `image`'s shape.
    func drawTransform(_ random: inout RandomGenerator, image: ImageShape) -> ProjectiveTransform { .identity }

    public func build(inputShape: [Int], random: inout RandomGenerator) throws {
        let image = try ImageShape(inputShape, layer: typeName)
        warp = AffineWarp(image: image, fillMode: fillMode, interpolation: interpolation, fillValue: Float(fillValue))
        outputShape = inputShape
        self.random = RandomGenerator.augmentation(seed: seed, model: &random)
        isBuilt = true
    }

    public func reserve(batchCapacity: Int) {
        warp?.reserve(batchCapacity: batchCapacity)
    }

    public func forward(_ input: UnsafePointer<Float>, batch: Int, training: Bool) -> UnsafePointer<Float> {
        active = training
        guard training, let warp else { return input }
        var generator = random
        warp.transforms.removeAll(keepingCapacity: true)
        for _ in 0..<batch { warp.transforms.append(drawTransform(&generator, image: warp.image)) }
        random = generator
        return warp.forward(input, batch: batch)
    }

    public func backward(_ gradOutput: UnsafePointer<Float>, batch: Int, needsInputGradient: Bool) -> UnsafePointer<Float>? {
        guard needsInputGradient else { return nil }
        guard active, let warp else { return gradOutput }
        return warp.backward(gradOutput, batch: batch)
    }

    /// Resamples `batch` images through one given transform each (for tests and for
    /// `ImageDataGenerator`), whatever the mode.
    public func apply(_ transforms: [ProjectiveTransform], to input: UnsafePointer<Float>) -> UnsafePointer<Float> {
        guard let warp else { return input }
        warp.reserve(batchCapacity: transforms.count)
        warp.transforms = transforms
        active = true
        return warp.forward(input, batch: transforms.count)
    }
}
