import Foundation
import XCTest
import Tensor
@testable import Engine

/// The image augmentation layers against Keras 3.15: the resampled images for given
/// transforms (every fill mode and interpolation), flips and contrast factors were produced
/// once with Keras' own `transform_images` and stored in Fixtures/image_augmentation.json.
final class ImageAugmentationTests: XCTestCase {
    private struct Case: Decodable {
        let kind: String
        let params: [Double]
        let fill_mode: String
        let interpolation: String
        let transform: [Float]
        let result: [Float]
    }

    private struct Reference: Decodable {
        let image: [Float]
        let shape: [Int]
        let cases: [Case]
        let flips: [String: [Float]]
        let contrast_image: [Float]
        let contrast: [String: [Float]]
    }

    private func reference() throws -> Reference {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "image_augmentation", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    private func output(_ pointer: UnsafePointer<Float>, _ count: Int) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    func testTranslationRotationAndZoomResampleAsKerasInEveryFillModeAndInterpolation() throws {
        let ref = try reference()
        let (h, w) = (ref.shape[0], ref.shape[1])
        XCTAssertEqual(ref.cases.count, 56)
        for c in ref.cases {
            let fill = try XCTUnwrap(ImageFillMode(rawValue: c.fill_mode))
            let interpolation = try XCTUnwrap(ImageInterpolation(rawValue: c.interpolation))
            let layer: RandomAffineLayer
            let transform: ProjectiveTransform
            switch c.kind {
            case "translation":
                layer = try RandomTranslation(heightFactor: FactorRange(symmetric: 0.5), widthFactor: FactorRange(symmetric: 0.5),
                                              fillMode: fill, interpolation: interpolation, fillValue: -2.5)
                transform = .translation(dx: c.params[0], dy: c.params[1])
            case "rotation":
                layer = try RandomRotation(factor: FactorRange(symmetric: 0.5), fillMode: fill, interpolation: interpolation, fillValue: -2.5)
                transform = .rotation(degrees: c.params[0], height: h, width: w)
            default:
                layer = try RandomZoom(heightFactor: FactorRange(symmetric: 0.5), widthFactor: FactorRange(symmetric: 0.5),
                                       fillMode: fill, interpolation: interpolation, fillValue: -2.5)
                transform = .zoom(x: c.params[0], y: c.params[1], height: h, width: w)
            }
            let label = "\(c.kind) \(c.params) \(c.fill_mode) \(c.interpolation)"
            let numbers = [transform.a0, transform.a1, transform.a2, transform.b0, transform.b1, transform.b2, transform.c0, transform.c1]
            for (mine, keras) in zip(numbers, c.transform) { XCTAssertEqual(mine, keras, accuracy: 1e-5, label) }
            var random = RandomGenerator(seed: 1)
            try layer.build(inputShape: ref.shape, random: &random)
            let result = output(layer.apply([transform], to: ref.image), ref.image.count)
            for (i, (mine, keras)) in zip(result, c.result).enumerated() {
                XCTAssertEqual(mine, keras, accuracy: 2e-4, "\(label) at \(i)")
            }
        }
    }

    func testFlipsReverseTheImageExactlyAsKeras() throws {
        let ref = try reference()
        for mode in RandomFlip.Mode.allCases {
            let flip = RandomFlip(mode: mode)
            var random = RandomGenerator(seed: 1)
            try flip.build(inputShape: ref.shape, random: &random)
            XCTAssertEqual(output(flip.apply(flips: [true], to: ref.image), ref.image.count), ref.flips[mode.rawValue], mode.rawValue)
            XCTAssertEqual(output(flip.apply(flips: [false], to: ref.image), ref.image.count), ref.image)
        }
    }

    func testContrastScalesAboutEachChannelsMeanAndClipsAsKeras() throws {
        let ref = try reference()
        let contrast = try RandomContrast(lower: 0, upper: 0.5)
        var random = RandomGenerator(seed: 1)
        try contrast.build(inputShape: ref.shape, random: &random)
        for (factor, expected) in ref.contrast {
            let result = output(contrast.apply(factors: [Float(factor)!], to: ref.contrast_image), expected.count)
            for (mine, keras) in zip(result, expected) { XCTAssertEqual(mine, keras, accuracy: 1e-3, "factor \(factor)") }
        }
        XCTAssertTrue(ref.contrast["2.0"]!.contains(255) && ref.contrast["2.0"]!.contains(0), "the fixture exercises clipping")
    }

    func testEveryAugmentationIsTheIdentityAtInferenceAndRandomInTraining() throws {
        let shape = [6, 5, 3]
        let count = 4 * 90
        let images = (0..<count).map { Float(($0 * 37) % 101) }
        let layers: [any ImageAugmentation] = [
            RandomFlip(mode: .horizontal),
            try RandomTranslation(heightFactor: FactorRange(symmetric: 0.3), widthFactor: FactorRange(symmetric: 0.3)),
            try RandomRotation(factor: FactorRange(symmetric: 0.2)),
            try RandomZoom(heightFactor: FactorRange(symmetric: 0.3)),
            try RandomContrast(lower: 0.5, upper: 0.5),
        ]
        for layer in layers {
            var random = RandomGenerator(seed: 5)
            try layer.build(inputShape: shape, random: &random)
            layer.reserve(batchCapacity: 4)
            XCTAssertEqual(output(layer.forward(images, batch: 4, training: false), count), images, layer.typeName)
            let first = output(layer.forward(images, batch: 4, training: true), count)
            let second = output(layer.forward(images, batch: 4, training: true), count)
            XCTAssertNotEqual(first, images, layer.typeName)
            XCTAssertNotEqual(first, second, "\(layer.typeName) draws fresh transforms each batch")
        }
    }

    func testTheSameSeedGivesTheSameAugmentedBatches() throws {
        func batches(seed: Int?) throws -> [[Float]] {
            let layer = try RandomRotation(factor: FactorRange(symmetric: 0.25), fillMode: .nearest, seed: seed)
            var random = RandomGenerator(seed: 77)
            try layer.build(inputShape: [5, 5, 1], random: &random)
            layer.reserve(batchCapacity: 3)
            let images = (0..<75).map { Float($0) }
            return (0..<3).map { _ in output(layer.forward(images, batch: 3, training: true), 75) }
        }
        XCTAssertEqual(try batches(seed: 3), try batches(seed: 3))
        XCTAssertEqual(try batches(seed: nil), try batches(seed: nil))
        XCTAssertNotEqual(try batches(seed: 3), try batches(seed: 4))
    }

    func testGradientsThroughWarpsAndContrastMatchFiniteDifferences() throws {
        let shape = [4, 5, 2], count = 40
        let cases: [(String, any ImageAugmentation)] = [
            ("rotation bilinear reflect", try RandomRotation(factor: FactorRange(symmetric: 0.3))),
            ("zoom bilinear wrap", try RandomZoom(heightFactor: FactorRange(symmetric: 0.4), fillMode: .wrap)),
            ("translation nearest constant", try RandomTranslation(heightFactor: FactorRange(symmetric: 0.4), widthFactor: FactorRange(symmetric: 0.4),
                                                                   fillMode: .constant, interpolation: .nearest, fillValue: 3)),
            ("flip", RandomFlip()),
            ("contrast", try RandomContrast(lower: 0.6, upper: 0.6, valueRange: (0, 9))),
        ]
        for (label, layer) in cases {
            var random = RandomGenerator(seed: 9)
            try layer.build(inputShape: shape, random: &random)
            layer.reserve(batchCapacity: 1)
            var x = (0..<count).map { _ in random.uniformFloat(low: 0.5, high: 8) }
            let weights = (0..<count).map { _ in random.uniformFloat(low: -1, high: 1) }
            // One forward in training mode fixes the drawn transform; later reads reuse it.
            _ = layer.forward(x, batch: 1, training: true)
            let analytic = output(layer.backward(weights, batch: 1, needsInputGradient: true)!, count)
            func replay(_ input: [Float]) -> Double {
                let out: UnsafePointer<Float>
                switch layer {
                case let l as RandomAffineLayer: out = l.apply(l.lastTransforms, to: input)
                case let l as RandomFlip: out = l.apply(flips: l.lastFlips, to: input)
                case let l as RandomContrast: out = l.apply(factors: l.lastFactors, to: input)
                default: return 0
                }
                return zip(output(out, count), weights).reduce(0) { $0 + Double($1.0) * Double($1.1) }
            }
            for i in 0..<count {
                let saved = x[i], h: Float = 1e-2
                x[i] = saved + h
                let plus = replay(x)
                x[i] = saved - h
                let minus = replay(x)
                x[i] = saved
                XCTAssertEqual((plus - minus) / Double(2 * h), Double(analytic[i]), accuracy: 2e-3, "\(label) input \(i)")
            }
        }
    }

    func testLayersRejectNonImageInputsAndFactorsOutOfRange() throws {
        var random = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try RandomFlip().build(inputShape: [10], random: &random)) { error in
            XCTAssertTrue("\(error)".contains("RandomFlip expects images of shape (height, width, channels)"), "\(error)")
        }
        XCTAssertThrowsError(try RandomRotation(factor: FactorRange(symmetric: 1.5))) { error in
            XCTAssertTrue("\(error)".contains("factor"), "\(error)")
        }
        XCTAssertThrowsError(try RandomZoom(heightFactor: FactorRange(lower: -1, upper: 0.2)))
        XCTAssertThrowsError(try RandomContrast(lower: 0, upper: 1.5))
    }
}
