import XCTest
import Tensor
@testable import Engine

final class Conv2DTests: XCTestCase {
    private func conv(_ filters: Int, _ kernel: [Int], strides: [Int] = [1, 1], padding: WindowPadding = .valid,
                      dilation: [Int] = [1, 1], activation: String? = nil, useBias: Bool = true) throws -> Conv2D {
        try Conv2D(filters: filters, kernelSize: kernel, strides: strides, padding: padding, dilationRate: dilation,
                   activation: activation, useBias: useBias)
    }

    func testForwardAndBackwardMatchKerasOnEveryFixture() throws {
        let fixtures = try ImageLayerFixtures.load()
        let cases: [(String, Conv2D)] = [
            ("conv_valid_rect_kernel", try conv(3, [3, 2])),
            ("conv_same_stride2_relu", try conv(4, [3], strides: [2], padding: .same, activation: "relu")),
            ("conv_same_dilation2_nobias", try conv(2, [3], padding: .same, dilation: [2], useBias: false)),
            ("conv_valid_stride21_tanh", try conv(3, [2, 3], strides: [2, 1], activation: "tanh")),
            ("conv_same_even_kernel", try conv(2, [4], padding: .same)),
            ("conv_valid_dilation_rect", try conv(2, [2, 3], dilation: [3, 2])),
            ("conv_1x1", try conv(3, [1])),
            ("conv_same_stride2_even_input", try conv(2, [3], strides: [2], padding: .same)),
        ]
        for (name, layer) in cases {
            try ImageLayerComparison.assertMatchesKeras(layer, try fixtures.layerCase(name))
        }
    }

    func testGradientsMatchFiniteDifferencesForStridesPaddingDilationAndBias() throws {
        let cases: [(String, Conv2D, [Int])] = [
            ("stride 2, same", try conv(3, [3], strides: [2], padding: .same), [7, 6, 2]),
            ("stride 2, valid", try conv(2, [3, 2], strides: [2], padding: .valid), [7, 6, 2]),
            ("dilation 2, same, no bias", try conv(2, [3], padding: .same, dilation: [2], useBias: false), [6, 7, 2]),
            ("dilation 2, valid", try conv(3, [2, 3], dilation: [2]), [6, 7, 1]),
            ("even kernel, same, tanh", try conv(2, [4, 2], padding: .same, activation: "tanh"), [5, 5, 3]),
            ("1x1, no bias", try conv(3, [1], useBias: false), [3, 4, 5]),
            ("softmax over channels", try conv(4, [2], activation: "softmax"), [4, 4, 2]),
        ]
        for (label, layer, shape) in cases {
            let worst = try LayerGradientCheck.worstError(layer, inputShape: shape, batch: 2)
            XCTAssertLessThan(worst, 2e-3, label)
        }
    }

    func testOutputShapesFollowTensorFlowPadding() throws {
        var random = RandomGenerator(seed: 1)
        let cases: [(Conv2D, [Int], [Int])] = [
            (try conv(32, [3], padding: .same), [8, 8, 1], [8, 8, 32]),
            (try conv(4, [3]), [8, 8, 1], [6, 6, 4]),
            (try conv(4, [3], strides: [2], padding: .same), [7, 6, 3], [4, 3, 4]),
            (try conv(4, [3], strides: [2]), [7, 6, 3], [3, 2, 4]),
            (try conv(4, [3], dilation: [2]), [7, 7, 3], [3, 3, 4]),
            (try conv(4, [5, 1], strides: [1, 3]), [5, 10, 1], [1, 4, 4]),
        ]
        for (layer, input, expected) in cases {
            try layer.build(inputShape: input, random: &random)
            XCTAssertEqual(layer.outputShape, expected)
        }
    }

    func testKernelIsDrawnWithKerasFans() throws {
        // Keras: fan_in = 3·3·2 = 18, fan_out = 3·3·8 = 72; glorot_uniform limit √(6 / 90).
        XCTAssertTrue(Initializer.fans([3, 3, 2, 8]) == (18, 72))
        let layer = try conv(8, [3])
        var random = RandomGenerator(seed: 3)
        try layer.build(inputShape: [5, 5, 2], random: &random)
        let kernel = try XCTUnwrap(layer.kernel)
        XCTAssertEqual(kernel.shape, [3, 3, 2, 8])
        let limit = Float((6.0 / 90).squareRoot())
        let largest = kernel.values.map(abs).max() ?? 0
        XCTAssertLessThanOrEqual(largest, limit)
        XCTAssertGreaterThan(largest, 0.95 * limit)
        XCTAssertEqual(layer.bias?.values, [Float](repeating: 0, count: 8))
        XCTAssertEqual(layer.countParams(), 3 * 3 * 2 * 8 + 8)
    }

    func testArgumentErrorsReadLikeKeras() throws {
        XCTAssertThrowsError(try conv(4, [3], strides: [2], dilation: [2])) { error in
            XCTAssertEqual("\(error)", "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 2) and dilation_rate=(2, 2)")
        }
        XCTAssertThrowsError(try conv(0, [3])) { error in
            XCTAssertEqual("\(error)", "Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0.")
        }
        XCTAssertThrowsError(try conv(4, [0])) { error in
            XCTAssertEqual("\(error)", "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=0, including values {0} that do not satisfy `value > 0`")
        }
        XCTAssertThrowsError(try conv(4, [3, 3, 3]))
        XCTAssertThrowsError(try WindowPadding.named("full")) { error in
            XCTAssertEqual("\(error)", "The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: full")
        }
        var random = RandomGenerator(seed: 1)
        XCTAssertThrowsError(try conv(4, [3], activation: nil).build(inputShape: [2, 2, 1], random: &random)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Computed output size would be zero or negative. Received `inputs shape=(None, 2, 2, 1)`, `kernel shape=(3, 3, 1, 4)`"), "\(error)")
        }
        let flat = try Conv2D(filters: 4, kernelSize: [3], name: "conv_on_flat")
        XCTAssertThrowsError(try flat.build(inputShape: [4], random: &random)) { error in
            XCTAssertEqual("\(error)", "Input 0 of layer 'conv_on_flat' is incompatible with the layer: expected ndim=4, found ndim=2. Full shape received: (None, 4)")
        }
        // Sizes that would overflow are refused, not trapped on.
        XCTAssertThrowsError(try conv(4, [Int.max]))
        XCTAssertThrowsError(try conv(4, [3]).build(inputShape: [1 << 40, 1 << 40, 1], random: &random))
    }

    func testPointwiseKernelUsesTheInputDirectlyAndMatchesThePackedPath() throws {
        // A 1×1 kernel with stride 1 skips the packing; with stride 2 it packs. Both must agree
        // on the positions they share.
        var random = RandomGenerator(seed: 4)
        let direct = try conv(3, [1]), packed = try conv(3, [1], strides: [2])
        try direct.build(inputShape: [4, 4, 2], random: &random)
        try packed.build(inputShape: [4, 4, 2], random: &random)
        try packed.setWeights(direct.weights())
        direct.reserve(batchCapacity: 1)
        packed.reserve(batchCapacity: 1)
        let x = (0..<32).map { _ in random.uniformFloat(low: -1, high: 1) }
        let full = Array(UnsafeBufferPointer(start: direct.forward(x, batch: 1, training: false), count: 48))
        let strided = Array(UnsafeBufferPointer(start: packed.forward(x, batch: 1, training: false), count: 12))
        for oy in 0..<2 {
            for ox in 0..<2 {
                for f in 0..<3 { XCTAssertEqual(strided[(oy * 2 + ox) * 3 + f], full[(oy * 2 * 4 + ox * 2) * 3 + f]) }
            }
        }
    }
}
