import XCTest
import Tensor
import Engine

final class EarlyStoppingTests: XCTestCase {
    /// A model whose validation loss soon starts to rise: it overfits 30 moons.
    private func overfittingModel() throws -> Sequential {
        let model = Sequential(seed: 1)
        try model.add(Dense(units: 200, activation: "relu", inputDim: 2))
        try model.add(Dense(units: 1, activation: "sigmoid"))
        try model.compile(loss: "binary_crossentropy", optimizer: Adam(learningRate: 0.01), metrics: ["accuracy"])
        return model
    }

    func testEarlyStoppingStopsAfterPatienceEpochsWithoutImprovement() throws {
        let (train, test) = MoonsExperiment.data()
        let model = try overfittingModel()
        let stopper = try EarlyStopping(monitor: "val_loss", patience: 5, verbose: 1)
        var lines: [String] = []
        let history = try model.fit(x: train.0, y: train.1, epochs: 2000, verbose: 0, validationData: test, callbacks: [stopper], log: { lines.append($0) })
        let losses = try XCTUnwrap(history["val_loss"])
        XCTAssertLessThan(losses.count, 2000)
        XCTAssertEqual(stopper.stoppedEpoch, losses.count - 1)
        XCTAssertEqual(stopper.stoppedEpoch - stopper.bestEpoch, 5)
        XCTAssertEqual(losses.min(), losses[stopper.bestEpoch])
        XCTAssertEqual(lines.last, "Epoch \(EarlyStopping.paddedEpoch(losses.count)): early stopping")
    }

    func testEpochNumbersArePaddedToFiveDigitsAsTheDecksShow() {
        XCTAssertEqual(EarlyStopping.paddedEpoch(403), "00403")
        XCTAssertEqual(EarlyStopping.paddedEpoch(7), "00007")
        XCTAssertEqual(EarlyStopping.paddedEpoch(123456), "123456")
    }

    func testEarlyStoppingRestoresBestWeights() throws {
        let (train, test) = MoonsExperiment.data()
        let model = try overfittingModel()
        let stopper = try EarlyStopping(monitor: "val_loss", patience: 3, restoreBestWeights: true)
        let history = try model.fit(x: train.0, y: train.1, epochs: 2000, verbose: 0, validationData: test, callbacks: [stopper], log: { _ in })
        let best = try XCTUnwrap(history["val_loss"]?.min())
        let restored = try model.evaluate(x: test.0, y: test.1)[0]
        XCTAssertEqual(restored, best, accuracy: 1e-12)
    }

    func testAccuracyIsMaximizedInAutoMode() throws {
        let (train, test) = MoonsExperiment.data()
        let model = try overfittingModel()
        let stopper = try EarlyStopping(monitor: "val_accuracy", patience: 10)
        let history = try model.fit(x: train.0, y: train.1, epochs: 2000, verbose: 0, validationData: test, callbacks: [stopper], log: { _ in })
        XCTAssertEqual(history["val_accuracy"]?.max(), stopper.best)
    }

    func testUnknownModeIsReported() {
        XCTAssertThrowsError(try EarlyStopping(mode: "maxx")) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'max'?"), "\(error)")
        }
    }
}
