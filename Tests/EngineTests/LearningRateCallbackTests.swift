import XCTest
import Tensor
import Engine

final class LearningRateCallbackTests: XCTestCase {
    /// One sigmoid unit on the moons: small enough that the callbacks, not the model, are under test.
    private func tinyModel(_ optimizer: Optimizer) throws -> Sequential {
        let model = Sequential(seed: 1)
        try model.add(Dense(units: 1, activation: "sigmoid", inputDim: 2))
        try model.compile(loss: "binary_crossentropy", optimizer: optimizer, metrics: [])
        return model
    }

    func testReduceLROnPlateauCutsTheRateAfterPatienceEpochsWithoutImprovement() throws {
        let (train, _) = MoonsExperiment.data()
        let sgd = SGD(learningRate: 0.5)
        let model = try tinyModel(sgd)
        // A min_delta of 10 means no epoch after the first counts as an improvement.
        let reducer = try ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 2, verbose: 1, minDelta: 10)
        var lines: [String] = []
        let history = try model.fit(x: train.0, y: train.1, epochs: 6, verbose: 0, shuffle: false, callbacks: [reducer], log: { lines.append($0) })
        XCTAssertEqual(history.keys, ["loss", "learning_rate"])
        // Epoch 1 sets the best; epochs 2-3 wait, reduce at 3; epochs 4-5 wait, reduce at 5.
        XCTAssertEqual(history["learning_rate"], [0.5, 0.5, 0.5, 0.25, 0.25, 0.125])
        XCTAssertEqual(lines.first, "Epoch 3: ReduceLROnPlateau reducing learning rate to 0.25.")
        XCTAssertThrowsError(try ReduceLROnPlateau(factor: 1.5))
    }

    func testLearningRateSchedulerSetsTheRateBeforeEachEpoch() throws {
        let (train, _) = MoonsExperiment.data()
        let adam = Adam()
        let model = try tinyModel(adam)
        let scheduler = LearningRateScheduler { epoch, rate in epoch < 2 ? rate : rate * 0.5 }
        let history = try model.fit(x: train.0, y: train.1, epochs: 4, verbose: 0, callbacks: [scheduler], log: { _ in })
        let expected = [0.001, 0.001, 0.0005, 0.00025].map { Double(Float($0)) }
        let logged = try XCTUnwrap(history["learning_rate"])
        for (a, b) in zip(logged, expected) { XCTAssertEqual(a, b, accuracy: 1e-9) }
    }

    func testAScheduleThatThrowsStopsTraining() throws {
        struct Boom: Error {}
        let (train, _) = MoonsExperiment.data()
        let model = try tinyModel(Adam())
        let scheduler = LearningRateScheduler { epoch, rate in
            if epoch == 2 { throw Boom() }
            return rate
        }
        let history = try model.fit(x: train.0, y: train.1, epochs: 10, verbose: 0, callbacks: [scheduler], log: { _ in })
        XCTAssertEqual(history["loss"]?.count, 3)
        XCTAssertNotNil(scheduler.error)
    }
}
