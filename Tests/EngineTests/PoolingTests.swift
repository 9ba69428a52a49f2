import XCTest
import Tensor
@testable import Engine

final class PoolingTests: XCTestCase {
    func testPoolingLayersMatchKerasOutputsAndGradients() throws {
        let fixtures = try ImageLayerFixtures.load()
        let cases: [(String, any Layer)] = [
            ("maxpool_default", try MaxPooling2D()),
            ("maxpool_3_stride2_same", try MaxPooling2D(poolSize: [3], strides: [2], padding: .same)),
            ("maxpool_rect_stride1", try MaxPooling2D(poolSize: [2, 3], strides: [1])),
            ("avgpool_default", try AveragePooling2D()),
            ("avgpool_3_stride2_same", try AveragePooling2D(poolSize: [3], strides: [2], padding: .same)),
            ("avgpool_2_same_odd", try AveragePooling2D(poolSize: [2], padding: .same)),
            ("global_average", GlobalAveragePooling2D()),
            ("global_max", GlobalMaxPooling2D()),
            ("zero_padding", try ZeroPadding2D(padding: [1, 2, 0, 3])),
        ]
        for (name, layer) in cases {
            try ImageLayerComparison.assertMatchesKeras(layer, try fixtures.layerCase(name))
        }
    }

    func testPoolingGradientsMatchFiniteDifferences() throws {
        let cases: [(String, any Layer, [Int])] = [
            ("max 2x2", try MaxPooling2D(), [5, 4, 3]),
            ("max 3, stride 2, same", try MaxPooling2D(poolSize: [3], strides: [2], padding: .same), [6, 7, 2]),
            ("average 2x2", try AveragePooling2D(), [4, 5, 2]),
            ("average 3, stride 2, same", try AveragePooling2D(poolSize: [3], strides: [2], padding: .same), [6, 7, 2]),
            ("average 2x3, stride 1", try AveragePooling2D(poolSize: [2, 3], strides: [1]), [4, 5, 2]),
            ("global average", GlobalAveragePooling2D(), [3, 4, 3]),
            ("global max", GlobalMaxPooling2D(keepDims: true), [3, 4, 3]),
            ("zero padding", try ZeroPadding2D(padding: [2, 1]), [3, 2, 2]),
        ]
        for (label, layer, shape) in cases {
            // Pooling is piecewise linear: a small step keeps every maximum where it is.
            let worst = try LayerGradientCheck.worstError(layer, inputShape: shape, batch: 2, h: 1e-3)
            XCTAssertLessThan(worst, 1e-3, label)
        }
    }

    func testStridesDefaultToThePoolSizeAndShapesFollowTensorFlow() throws {
        var random = RandomGenerator(seed: 1)
        let cases: [(any Layer, [Int], [Int])] = [
            (try MaxPooling2D(), [8, 8, 32], [4, 4, 32]),
            (try MaxPooling2D(), [5, 5, 1], [2, 2, 1]),
            (try MaxPooling2D(padding: .same), [5, 5, 1], [3, 3, 1]),
            (try AveragePooling2D(poolSize: [3], strides: [2], padding: .same), [15, 16, 8], [8, 8, 8]),
            (GlobalAveragePooling2D(keepDims: true), [6, 6, 4], [1, 1, 4]),
            (GlobalMaxPooling2D(), [6, 6, 4], [4]),
            (try ZeroPadding2D(padding: [1, 2, 3, 4]), [28, 28, 3], [31, 35, 3]),
            (try ZeroPadding2D(), [2, 2, 1], [4, 4, 1]),
        ]
        for (layer, input, expected) in cases {
            try layer.build(inputShape: input, random: &random)
            XCTAssertEqual(layer.outputShape, expected, layer.typeName)
        }
        XCTAssertEqual(try MaxPooling2D(poolSize: [3, 2]).strides, GridSize(3, 2))
    }

    func testPoolingErrorsReadLikeKeras() throws {
        var random = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try MaxPooling2D(poolSize: [3]).build(inputShape: [2, 2, 1], random: &random)) { error in
            XCTAssertTrue("\(error)".contains("Computed output size would be zero or negative. Received: `inputs.shape=(None, 2, 2, 1)`, `pool_size=(3, 3)`, `strides=(3, 3)`, `padding=valid`."), "\(error)")
        }
        XCTAssertThrowsError(try AveragePooling2D(poolSize: [2], strides: [0]))
        XCTAssertThrowsError(try ZeroPadding2D(padding: [1, 2, 3])) { error in
            XCTAssertEqual("\(error)", "`padding` should have two elements. Received: padding=[1, 2, 3].")
        }
        XCTAssertThrowsError(try ZeroPadding2D(padding: [-1]))
        XCTAssertThrowsError(try GlobalMaxPooling2D().build(inputShape: [4, 4], random: &random))
    }

    func testAveragePoolingWithSamePaddingDividesByTheCellsInside() throws {
        // 3×3 input of ones, 2×2 windows, 'same': every output averages only real cells, so all are 1.
        let layer = try AveragePooling2D(poolSize: [2], padding: .same)
        var random = RandomGenerator(seed: 1)
        try layer.build(inputShape: [3, 3, 1], random: &random)
        layer.reserve(batchCapacity: 1)
        let out = Array(UnsafeBufferPointer(start: layer.forward([Float](repeating: 1, count: 9), batch: 1, training: false), count: 4))
        XCTAssertEqual(out, [1, 1, 1, 1])
    }
}
