import XCTest
import Tensor
import Engine

/// The first lesson's experiment: a wide network memorises 30 noisy moons.
enum MoonsExperiment {
    static func data() -> (train: (Tensor, Tensor), test: (Tensor, Tensor)) {
        let (x, y) = Datasets.makeMoons(nSamples: 100, noise: 0.2, randomState: 1)
        let xs = x.map(Float.init), ys = y.map(Float.init)
        let train = (Tensor(shape: [30, 2], data: Array(xs[..<60])), Tensor(shape: [30, 1], data: Array(ys[..<30])))
        let test = (Tensor(shape: [70, 2], data: Array(xs[60...])), Tensor(shape: [70, 1], data: Array(ys[30...])))
        return (train, test)
    }

    static func model(seed: UInt64 = 1) throws -> Sequential {
        let model = Sequential(seed: seed)
        try model.add(Dense(units: 500, activation: "relu", inputDim: 2))
        try model.add(Dense(units: 1, activation: "sigmoid"))
        try model.compile(loss: "binary_crossentropy", optimizer: Adam(), metrics: ["accuracy"])
        return model
    }

    static func run(epochs: Int = 4000, seed: UInt64 = 1) throws -> (Sequential, History) {
        let (train, test) = data()
        let model = try model(seed: seed)
        let history = try model.fit(x: train.0, y: train.1, batchSize: 32, epochs: epochs, verbose: 0, validationData: test, log: { _ in })
        return (model, history)
    }
}

final class SequentialTests: XCTestCase {
    func testWideNetworkOverfitsTheMoons() throws {
        let (_, history) = try MoonsExperiment.run()
        XCTAssertEqual(history.keys, ["loss", "accuracy", "val_loss", "val_accuracy"])
        let trainAccuracy = try XCTUnwrap(history["accuracy"]?.last)
        let testAccuracy = try XCTUnwrap(history["val_accuracy"]?.last)
        XCTAssertEqual(trainAccuracy, 1.0)
        XCTAssertLessThan(testAccuracy, 0.97)
        XCTAssertGreaterThan(testAccuracy, 0.75)
        XCTAssertEqual(history["loss"]?.count, 4000)
    }

    func testSameSeedGivesIdenticalWeightsAndHistory() throws {
        let (a, historyA) = try MoonsExperiment.run(epochs: 50)
        let (b, historyB) = try MoonsExperiment.run(epochs: 50)
        XCTAssertEqual(a.getWeights(), b.getWeights())
        XCTAssertEqual(historyA.values, historyB.values)
        let (c, _) = try MoonsExperiment.run(epochs: 50, seed: 2)
        XCTAssertNotEqual(a.getWeights(), c.getWeights())
    }

    func testEvaluateMatchesTheLastValidationEntry() throws {
        let (model, history) = try MoonsExperiment.run(epochs: 20)
        let (_, test) = MoonsExperiment.data()
        let results = try model.evaluate(x: test.0, y: test.1)
        XCTAssertEqual(results, [history["val_loss"]!.last!, history["val_accuracy"]!.last!])
    }

    func testPredictReturnsOneProbabilityPerSample() throws {
        let (model, _) = try MoonsExperiment.run(epochs: 5)
        let predictions = try model.predict(MoonsExperiment.data().test.0)
        XCTAssertEqual(predictions.shape, [70, 1])
        XCTAssertTrue(predictions.data.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    func testMetricKeysKeepTheSpellingGivenToCompile() throws {
        let (train, test) = MoonsExperiment.data()
        let model = Sequential(seed: 3)
        try model.add(Dense(units: 4, activation: "tanh", inputDim: 2))
        try model.add(Dense(units: 1, activation: "sigmoid"))
        try model.compile(loss: "binary_crossentropy", optimizer: SGD(), metrics: ["acc"])
        var lines: [String] = []
        let history = try model.fit(x: train.0, y: train.1, epochs: 2, verbose: 1, validationData: test, log: { lines.append($0) })
        XCTAssertEqual(history.keys, ["loss", "acc", "val_loss", "val_acc"])
        XCTAssertEqual(lines.first, "Epoch 1/2")
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[1].hasPrefix("1/1 ━━━━━━━━━━━━━━━━━━━━ - acc: "), lines[1])
        XCTAssertTrue(lines[1].contains(" - loss: "), lines[1])
        XCTAssertTrue(lines[1].contains(" - val_acc: "), lines[1])
        XCTAssertEqual(history.sortedKeys, ["acc", "loss", "val_acc", "val_loss"])
    }

    func testSummaryMatchesKerasLayoutBeforeAndAfterTraining() throws {
        let model = try MoonsExperiment.model()
        XCTAssertEqual(model.countParams(), 2001)
        let name = model.name, first = model.layers[0].name, second = model.layers[1].name
        func cell(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        let table = """
            Model: "\(name)"
            ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
            ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
            ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
            │ \(cell(first + " (Dense)", 31)) │ (None, 500)            │         1,500 │
            ├─────────────────────────────────┼────────────────────────┼───────────────┤
            │ \(cell(second + " (Dense)", 31)) │ (None, 1)              │           501 │
            └─────────────────────────────────┴────────────────────────┴───────────────┘
             Total params: 2,001 (7.82 KB)
             Trainable params: 2,001 (7.82 KB)
             Non-trainable params: 0 (0.00 B)
            """
        XCTAssertEqual(model.summary(), table)
        let (train, _) = MoonsExperiment.data()
        _ = try model.fit(x: train.0, y: train.1, verbose: 0, log: { _ in })
        // Adam's two moments per weight, plus its iteration count and learning rate.
        XCTAssertTrue(model.summary().hasSuffix("""
             Total params: 6,005 (23.46 KB)
             Trainable params: 2,001 (7.82 KB)
             Non-trainable params: 0 (0.00 B)
             Optimizer params: 4,004 (15.64 KB)
            """), model.summary())
    }

    func testSummaryWrapsLongLayerNamesAndMarksUnbuiltLayers() throws {
        let model = Sequential(name: "wide", seed: 1)
        try model.add(Dense(units: 4, name: "a_rather_long_layer_name_here"))
        let lines = model.summary().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[4], "│ a_rather_long_layer_name_here   │ ?                      │   0 (unbuilt) │")
        XCTAssertEqual(lines[5], "│ (Dense)                         │                        │               │")
    }

    func testDenseRejectsANonPositiveUnitCount() {
        XCTAssertThrowsError(try Dense(units: -5)) { error in
            XCTAssertEqual((error as? EngineError)?.message, "Dense expects a positive integer for units. Received: units=-5")
        }
    }

    func testFitBeforeCompileIsAnError() throws {
        let model = Sequential(seed: 1)
        try model.add(Dense(units: 1, inputDim: 2))
        XCTAssertThrowsError(try model.fit(x: Tensor(zeros: [4, 2]), y: Tensor(zeros: [4, 1]), log: { _ in }))
    }

    func testMismatchedSampleCountsAreReported() throws {
        let model = try MoonsExperiment.model()
        XCTAssertThrowsError(try model.fit(x: Tensor(zeros: [4, 2]), y: Tensor(zeros: [3, 1]), log: { _ in })) { error in
            XCTAssertTrue("\(error)".contains("'x' sizes: 4 'y' sizes: 3"), "\(error)")
        }
        XCTAssertThrowsError(try model.fit(x: Tensor(zeros: [4, 3]), y: Tensor(zeros: [4, 1]), log: { _ in }))
    }

    func testLayersWithoutInputDimAreBuiltFromTheData() throws {
        let model = Sequential(seed: 5)
        try model.add(Dense(units: 3, activation: "relu"))
        try model.add(Dense(units: 1, activation: "sigmoid"))
        XCTAssertEqual(model.countParams(), 0)
        try model.compile(loss: "binary_crossentropy", optimizer: Adam(), metrics: [])
        _ = try model.fit(x: Tensor(zeros: [4, 2]), y: Tensor(zeros: [4, 1]), verbose: 0, log: { _ in })
        XCTAssertEqual(model.countParams(), 13)
    }
}
