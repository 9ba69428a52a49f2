import XCTest
import Foundation
import Tensor
@testable import Engine

/// Image layers inside a `Sequential`: a whole network against Keras, summaries,
/// saving, determinism, and batch normalization over images.
final class ImageModelTests: XCTestCase {
    /// Conv2D(4, 3, same, relu) → MaxPooling2D → Conv2D(6, 3, relu) → GlobalAveragePooling2D → Dense(3, softmax).
    private func smallNetwork(seed: UInt64 = 1) throws -> Sequential {
        try Sequential([
            try InputLayer(shape: [8, 8, 1]),
            try Conv2D(filters: 4, kernelSize: [3], padding: .same, activation: "relu"),
            try MaxPooling2D(),
            try Conv2D(filters: 6, kernelSize: [3], activation: "relu"),
            GlobalAveragePooling2D(),
            try Dense(units: 3, activation: "softmax"),
        ], name: "small", seed: seed)
    }

    func testASmallNetworkPredictsAndTakesAnSGDStepAsKerasDoes() throws {
        let fixture = try ImageLayerFixtures.load().cnn
        let model = try smallNetwork()
        try model.setWeights(fixture.weights)
        let x = Tensor(shape: [4, 8, 8, 1], data: fixture.x), y = Tensor(shape: [4, 3], data: fixture.y)
        let predictions = try model.predict(x)
        XCTAssertEqual(predictions.shape, [4, 3])
        ImageLayerComparison.assertClose(predictions.data, fixture.predictions, 1e-5, "predictions")
        try model.compile(loss: "categorical_crossentropy", optimizer: SGD(learningRate: 0.1))
        let history = try model.fit(x: x, y: y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false)
        XCTAssertEqual(history.values["loss"]?.first ?? .nan, fixture.loss, accuracy: 1e-5)
        for (k, (actual, expected)) in zip(model.getWeights(), fixture.after).enumerated() {
            ImageLayerComparison.assertClose(actual, expected, 1e-5, "weight \(k) after one step")
        }
    }

    func testBatchNormalizationOverImagesMatchesKeras() throws {
        let fixtures = try ImageLayerFixtures.load()
        try ImageLayerComparison.assertMatchesKeras(try BatchNormalization(), try fixtures.layerCase("batch_norm_4d_training"), accuracy: 5e-5)
        try ImageLayerComparison.assertMatchesKeras(try BatchNormalization(), try fixtures.layerCase("batch_norm_4d_inference"))
    }

    func testBatchNormalizationOverImagesPassesFiniteDifferences() throws {
        // Statistics over batch · height · width for each channel: every input moves every output of its channel.
        let training = try LayerGradientCheck.worstError(try BatchNormalization(), inputShape: [3, 2, 4], batch: 2)
        XCTAssertLessThan(training, 3e-3)
        let inference = try LayerGradientCheck.worstError(try BatchNormalization(), inputShape: [3, 2, 4], batch: 2, training: false)
        XCTAssertLessThan(inference, 1e-3)
    }

    func testSummaryOfTheDigitsNetworkReadsAsKerasPrintsIt() throws {
        let model = try Sequential([
            try InputLayer(shape: [8, 8, 1]),
            try Conv2D(filters: 32, kernelSize: [3], padding: .same, activation: "relu", name: "conv2d"),
            try MaxPooling2D(name: "max_pooling2d"),
            try Conv2D(filters: 64, kernelSize: [3], padding: .same, activation: "relu", name: "conv2d_1"),
            try MaxPooling2D(name: "max_pooling2d_1"),
            Flatten(name: "flatten"),
            try Dense(units: 64, activation: "relu", name: "dense"),
            try Dense(units: 10, activation: "softmax", name: "dense_1"),
        ], name: "sequential", seed: 1)
        // Printed by Keras 3.15.1 for the same model.
        XCTAssertEqual(model.summary(), """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ conv2d (Conv2D)                 │ (None, 8, 8, 32)       │           320 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ max_pooling2d (MaxPooling2D)    │ (None, 4, 4, 32)       │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ conv2d_1 (Conv2D)               │ (None, 4, 4, 64)       │        18,496 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ max_pooling2d_1 (MaxPooling2D)  │ (None, 2, 2, 64)       │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ flatten (Flatten)               │ (None, 256)            │             0 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense (Dense)                   │ (None, 64)             │        16,448 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 10)             │           650 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 35,914 (140.29 KB)
         Trainable params: 35,914 (140.29 KB)
         Non-trainable params: 0 (0.00 B)
        """)
    }

    func testSummaryShowsEveryImageLayerWithKerasShapesAndCounts() throws {
        let model = try Sequential([
            try InputLayer(shape: [28, 28, 3]),
            try ZeroPadding2D(padding: [1, 2, 3, 4], name: "zero_padding2d"),
            try Conv2D(filters: 8, kernelSize: [3, 5], strides: [2], useBias: false, name: "conv2d_2"),
            try BatchNormalization(name: "batch_normalization"),
            try SpatialDropout2D(rate: 0.2, name: "spatial_dropout2d"),
            try AveragePooling2D(poolSize: [3], strides: [2], padding: .same, name: "average_pooling2d"),
            try Conv2D(filters: 4, kernelSize: [3], padding: .same, dilationRate: [2], name: "conv2d_3"),
            GlobalMaxPooling2D(name: "global_max_pooling2d"),
            try Reshape(targetShape: [2, -1], name: "reshape"),
            try Dropout(rate: 0.5, name: "dropout"),
            Flatten(name: "flatten_1"),
        ], name: "sequential_1", seed: 1)
        let summary = model.summary()
        // Rows and totals as Keras 3.15.1 prints them for the same model.
        for row in [
            "│ zero_padding2d (ZeroPadding2D)  │ (None, 31, 35, 3)      │             0 │",
            "│ conv2d_2 (Conv2D)               │ (None, 15, 16, 8)      │           360 │",
            "│ batch_normalization             │ (None, 15, 16, 8)      │            32 │",
            "│ (SpatialDropout2D)              │                        │               │",
            "│ average_pooling2d               │ (None, 8, 8, 8)        │             0 │",
            "│ conv2d_3 (Conv2D)               │ (None, 8, 8, 4)        │           292 │",
            "│ global_max_pooling2d            │ (None, 4)              │             0 │",
            "│ reshape (Reshape)               │ (None, 2, 2)           │             0 │",
            "│ flatten_1 (Flatten)             │ (None, 4)              │             0 │",
            " Total params: 684 (2.67 KB)",
            " Trainable params: 668 (2.61 KB)",
            " Non-trainable params: 16 (64.00 B)",
        ] {
            XCTAssertTrue(summary.contains(row), "missing \(row) in\n\(summary)")
        }
    }

    func testSavedImageModelsReloadBitForBit() throws {
        let model = try Sequential([
            try InputLayer(shape: [9, 8, 2]),
            try ZeroPadding2D(padding: [1]),
            try Conv2D(filters: 3, kernelSize: [3, 2], strides: [2, 1], padding: .same, activation: "elu",
                       kernelInitializer: .heNormal, kernelRegularizer: Regularizer(l2: 0.01), biasConstraint: .nonNeg),
            try BatchNormalization(momentum: 0.9),
            try SpatialDropout2D(rate: 0.3),
            try Conv2D(filters: 2, kernelSize: [2], dilationRate: [2], useBias: false),
            try MaxPooling2D(poolSize: [2], strides: [1], padding: .same),
            try AveragePooling2D(poolSize: [2, 1]),
            GlobalAveragePooling2D(keepDims: true),
            try Reshape(targetShape: [-1]),
            try Dense(units: 2, activation: "softmax"),
        ], name: "saved", seed: 3)
        try model.compile(loss: "categorical_crossentropy", optimizer: Adam(), metrics: ["accuracy"])
        var random = RandomGenerator(seed: 8)
        let x = Tensor(shape: [6, 9, 8, 2], data: (0..<864).map { _ in random.uniformFloat() })
        let y = Tensor(shape: [6, 2], data: (0..<6).flatMap { $0 % 2 == 0 ? [Float(1), 0] : [0, 1] })
        _ = try model.fit(x: x, y: y, batchSize: 3, epochs: 2, verbose: 0)
        let file = try ModelFile(model)
        let reloaded = try ModelFile.decode(try file.encoded(), path: "saved.json").makeModel(seed: 99)
        XCTAssertEqual(try reloaded.layers.map { try SavedLayer($0) }, try model.layers.map { try SavedLayer($0) })
        XCTAssertEqual(reloaded.getWeights(), model.getWeights())
        XCTAssertEqual(try reloaded.predict(x).data, try model.predict(x).data)
        XCTAssertEqual(reloaded.summary(), model.summary())
        let global = try XCTUnwrap(reloaded.layers.first { $0 is GlobalAveragePooling2D } as? GlobalAveragePooling2D)
        XCTAssertTrue(global.keepDims)
    }

    func testTheSameSeedGivesTheSameBits() throws {
        func train() throws -> [[Float]] {
            let model = try Sequential([
                try InputLayer(shape: [8, 8, 1]),
                try Conv2D(filters: 4, kernelSize: [3], padding: .same, activation: "relu"),
                try SpatialDropout2D(rate: 0.25),
                try MaxPooling2D(),
                Flatten(),
                try Dropout(rate: 0.2),
                try Dense(units: 3, activation: "softmax"),
            ], seed: 21)
            try model.compile(loss: "sparse_categorical_crossentropy", optimizer: Adam())
            var random = RandomGenerator(seed: 2)
            let x = Tensor(shape: [20, 8, 8, 1], data: (0..<1280).map { _ in random.uniformFloat() })
            let y = Tensor(shape: [20, 1], data: (0..<20).map { Float($0 % 3) })
            _ = try model.fit(x: x, y: y, batchSize: 8, epochs: 3, verbose: 0)
            return model.getWeights()
        }
        let first = try train(), second = try train()
        XCTAssertEqual(first.map { $0.map(\.bitPattern) }, second.map { $0.map(\.bitPattern) })
    }

    func testSpatialDropoutDropsWholeChannelsAndScalesTheRest() throws {
        let layer = try SpatialDropout2D(rate: 0.5)
        var random = RandomGenerator(seed: 4)
        try layer.build(inputShape: [3, 3, 8], random: &random)
        layer.reserve(batchCapacity: 2)
        let x = [Float](repeating: 1, count: 144)
        let out = Array(UnsafeBufferPointer(start: layer.forward(x, batch: 2, training: true), count: 144))
        var kept = 0
        for sample in 0..<2 {
            for c in 0..<8 {
                let values = Set((0..<9).map { out[sample * 72 + $0 * 8 + c] })
                XCTAssertEqual(values.count, 1, "a channel is kept or dropped as a whole")
                XCTAssertTrue(values == [0] || values == [2])
                if values == [2] { kept += 1 }
            }
        }
        XCTAssertGreaterThan(kept, 0)
        XCTAssertLessThan(kept, 16)
        // The gradient goes through the same mask; inference passes inputs through.
        let g = Array(UnsafeBufferPointer(start: try XCTUnwrap(layer.backward(x, batch: 2, needsInputGradient: true)), count: 144))
        XCTAssertEqual(g, out)
        XCTAssertEqual(Array(UnsafeBufferPointer(start: layer.forward(x, batch: 2, training: false), count: 144)), x)
        XCTAssertThrowsError(try SpatialDropout2D(rate: 1.5)) { error in
            XCTAssertEqual("\(error)", "Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5")
        }
    }

    func testReshapeInfersOneAxisAndRefusesSizeChanges() throws {
        var random = RandomGenerator(seed: 1)
        let reshape = try Reshape(targetShape: [4, -1])
        try reshape.build(inputShape: [2, 4, 3], random: &random)
        XCTAssertEqual(reshape.outputShape, [4, 6])
        XCTAssertThrowsError(try Reshape(targetShape: [-1, -1])) { error in
            XCTAssertEqual("\(error)", "There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=(-1, -1).")
        }
        XCTAssertThrowsError(try Reshape(targetShape: [3, -1]).build(inputShape: [2, 2, 1], random: &random)) { error in
            XCTAssertEqual("\(error)", "The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. Received: input_shape=(2, 2, 1), target_shape=(3, -1)")
        }
        XCTAssertThrowsError(try Reshape(targetShape: [3]).build(inputShape: [4, 4, 1], random: &random)) { error in
            XCTAssertEqual("\(error)", "The total size of the tensor must be unchanged. Received: input_shape=(4, 4, 1), target_shape=(3,)")
        }
        XCTAssertThrowsError(try Reshape(targetShape: [0, 2]))
        XCTAssertThrowsError(try Reshape(targetShape: [Int.max, Int.max]).build(inputShape: [4], random: &random))
    }
}
