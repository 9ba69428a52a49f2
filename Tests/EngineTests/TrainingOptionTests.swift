import XCTest
import Tensor
@testable import Engine

final class TrainingOptionTests: XCTestCase {
    func testTerminateOnNaNStopsADivergingFit() throws {
        let x = Tensor(shape: [4, 1], data: [1, 2, 3, 4])
        let y = Tensor(shape: [4, 1], data: [1e30, -1e30, 1e30, -1e30])
        let model = Sequential(seed: 1)
        try model.add(Dense(units: 1, inputDim: 1))
        try model.compile(loss: "mse", optimizer: SGD(learningRate: 10), metrics: [])
        var lines: [String] = []
        let history = try model.fit(x: x, y: y, epochs: 50, verbose: 0, callbacks: [TerminateOnNaN()], log: { lines.append($0) })
        let losses = try XCTUnwrap(history["loss"])
        XCTAssertLessThan(losses.count, 50)
        XCTAssertFalse(losses.last?.isFinite ?? true)
        // Keras stops at the batch, not at the end of the epoch: one line naming the batch.
        XCTAssertEqual(lines.filter { $0.contains("Invalid loss") }.count, 1)
        XCTAssertTrue(lines.last?.hasPrefix("Batch ") ?? false, "\(lines)")
        XCTAssertTrue(lines.last?.hasSuffix(": Invalid loss, terminating training") ?? false, "\(lines)")
    }

    func testTerminateOnNaNStopsWithinTheEpoch() throws {
        // Batches of one sample: the weights blow up within the first epoch, and training stops at
        // the first non-finite batch loss rather than running the epoch's remaining batches.
        let x = Tensor(shape: [8, 1], data: [1, 2, 3, 4, 5, 6, 7, 8])
        let y = Tensor(shape: [8, 1], data: [1e20, -1e20, 1e20, -1e20, 1e20, -1e20, 1e20, -1e20])
        let model = Sequential(seed: 1)
        try model.add(Dense(units: 1, inputDim: 1))
        try model.compile(loss: "mse", optimizer: SGD(learningRate: 10))
        var lines: [String] = []
        let recorder = try GradientRecorder()
        let history = try model.fit(x: x, y: y, batchSize: 1, epochs: 5, verbose: 0, shuffle: false,
                                    callbacks: [TerminateOnNaN(), recorder], log: { lines.append($0) })
        XCTAssertEqual(history["loss"]?.count, 1, "stopped in the first epoch")
        let stopped = try XCTUnwrap(lines.first { $0.hasPrefix("Batch ") })
        let batch = Int(stopped.dropFirst(6).prefix { $0.isNumber })!
        XCTAssertLessThan(batch, 7, "before the epoch's last batch: \(stopped)")
        XCTAssertEqual(model.optimizer?.iterations, batch + 1)
    }

    func testLambdaCallbackSeesEveryEpoch() throws {
        let (train, _) = MoonsExperiment.data()
        let model = try MoonsExperiment.model()
        var seen: [Int] = []
        var began = false, ended = false
        let callback = LambdaCallback(
            onTrainBegin: { _ in began = true },
            onEpochEnd: { epoch, logs in if logs["loss"] != nil { seen.append(epoch) } },
            onTrainEnd: { _ in ended = true })
        _ = try model.fit(x: train.0, y: train.1, epochs: 3, verbose: 0, callbacks: [callback], log: { _ in })
        XCTAssertEqual(seen, [0, 1, 2])
        XCTAssertTrue(began && ended)
    }

    func testToCategoricalMakesOneHotRows() throws {
        let encoded = try Preprocessing.toCategorical([2, 0, 1])
        XCTAssertEqual(encoded.shape, [3, 3])
        XCTAssertEqual(encoded.data, [0, 0, 1, 1, 0, 0, 0, 1, 0])
        XCTAssertEqual(try Preprocessing.toCategorical([1], numClasses: 4).data, [0, 1, 0, 0])
        XCTAssertThrowsError(try Preprocessing.toCategorical([3], numClasses: 2))
    }

    func testDenseActsOnTheLastAxisOfLongerInputs() throws {
        let dense = try Dense(units: 2, activation: "tanh", inputDim: nil)
        var random = RandomGenerator(seed: 4)
        try dense.build(inputShape: [3, 4], random: &random)
        dense.reserve(batchCapacity: 2)
        XCTAssertEqual(dense.outputShape, [3, 2])
        XCTAssertEqual(dense.countParams(), 10)
        let x = (0..<24).map { Float($0) / 24 - 0.5 }
        let y = Array(UnsafeBufferPointer(start: dense.forward(x, batch: 2, training: false), count: 12))
        // Each of the 6 rows of 4 values maps through the same kernel.
        let kernel = dense.parameters[0].values
        for row in 0..<6 {
            for unit in 0..<2 {
                let z = (0..<4).reduce(Float(0)) { $0 + x[row * 4 + $1] * kernel[$1 * 2 + unit] }
                XCTAssertEqual(y[row * 2 + unit], tanh(z), accuracy: 1e-6)
            }
        }
        _ = dense.backward([Float](repeating: 1, count: 12), batch: 2, needsInputGradient: true)
        // The bias gradient sums over all 6 rows.
        var expectedBias: [Float] = [0, 0]
        for row in 0..<6 {
            for unit in 0..<2 {
                let a = y[row * 2 + unit]
                expectedBias[unit] += 1 - a * a
            }
        }
        for (g, e) in zip(dense.parameters[1].gradient.array(count: 2), expectedBias) { XCTAssertEqual(g, e, accuracy: 1e-5) }
    }

    func testClassWeightsScaleEachSamplesLoss() throws {
        let (train, _) = MoonsExperiment.data()
        func firstEpochLoss(_ weights: [Int: Double]?) throws -> (Double, [[Float]]) {
            let model = try MoonsExperiment.model()
            let history = try model.fit(x: train.0, y: train.1, epochs: 1, verbose: 0, shuffle: false, classWeight: weights, log: { _ in })
            return (history["loss"]?.first ?? .nan, model.getWeights())
        }
        let (plain, _) = try firstEpochLoss(nil)
        let (doubled, _) = try firstEpochLoss([0: 2, 1: 2])
        XCTAssertEqual(doubled, 2 * plain, accuracy: 1e-6)
        // Only class 1 counts: the loss is the class-1 samples' share of the mean.
        let (onlyOnes, _) = try firstEpochLoss([0: 0, 1: 1])
        let (onlyZeros, _) = try firstEpochLoss([0: 1, 1: 0])
        XCTAssertEqual(onlyOnes + onlyZeros, plain, accuracy: 1e-6)
        let (zeroed, weights) = try firstEpochLoss([0: 0, 1: 0])
        XCTAssertEqual(zeroed, 0)
        XCTAssertEqual(weights, try MoonsExperiment.model().getWeights(), "no gradient, no change")
    }

    func testSampleWeightsMatchEquivalentClassWeights() throws {
        let (train, _) = MoonsExperiment.data()
        let labels = train.1.data
        let byClass = try MoonsExperiment.model()
        let bySample = try MoonsExperiment.model()
        let a = try byClass.fit(x: train.0, y: train.1, epochs: 3, verbose: 0, classWeight: [0: 0.5, 1: 3], log: { _ in })
        let b = try bySample.fit(x: train.0, y: train.1, epochs: 3, verbose: 0, sampleWeight: labels.map { $0 == 1 ? 3 : 0.5 }, log: { _ in })
        XCTAssertEqual(a.values, b.values)
        XCTAssertEqual(byClass.getWeights(), bySample.getWeights())
        XCTAssertThrowsError(try bySample.fit(x: train.0, y: train.1, sampleWeight: [1, 2], log: { _ in }))
    }

    func testInitialEpochResumesTheEpochCount() throws {
        let (train, _) = MoonsExperiment.data()
        let model = try MoonsExperiment.model()
        var lines: [String] = []
        let history = try model.fit(x: train.0, y: train.1, epochs: 5, verbose: 1, initialEpoch: 3, log: { lines.append($0) })
        XCTAssertEqual(history.epochs, [3, 4])
        XCTAssertEqual(lines.first, "Epoch 4/5")
    }
}
