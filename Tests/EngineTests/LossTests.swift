import XCTest
import Tensor
@testable import Engine

final class LossTests: XCTestCase {
    let predictions: [Float] = [0.2, 0.7, 0.9, 0.35, 0.55, 0.1]

    func testBinaryCrossentropyGradientMatchesFiniteDifferences() {
        let worst = GradientCheck.lossWorstError(.binaryCrossentropy, predictions: predictions, targets: [0, 1, 1, 0, 1, 0], rows: 3, cols: 2)
        XCTAssertLessThan(worst, 1e-3)
    }

    func testBinaryCrossentropyIsTheMeanOfTheClippedLogLoss() {
        var g = [Float](repeating: 0, count: 3)
        let value = Loss.binaryCrossentropy.compute(predictions: [0.8, 0, 0.5], targets: [1, 0, 0], rows: 3, cols: 1, gradient: &g)
        let clipped = Double(Float(1e-7))
        let expected = -(log(0.8) + log(1 - clipped) + log(0.5)) / 3
        XCTAssertEqual(value, expected, accuracy: 1e-6)
        XCTAssertEqual(g[1], 0, "a clipped prediction has no gradient")
    }

    func testOtherLossGradientsMatchFiniteDifferences() {
        let softmaxLike: [Float] = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3]
        XCTAssertLessThan(GradientCheck.lossWorstError(.categoricalCrossentropy, predictions: softmaxLike, targets: [0, 1, 0, 1, 0, 0], rows: 2, cols: 3), 1e-3)
        XCTAssertLessThan(GradientCheck.lossWorstError(.sparseCategoricalCrossentropy, predictions: softmaxLike, targets: [1, 0], rows: 2, cols: 3), 1e-3)
        XCTAssertLessThan(GradientCheck.lossWorstError(.meanSquaredError, predictions: predictions, targets: [0, 1, 2, -1, 0.5, 0], rows: 3, cols: 2), 1e-3)
    }

    func testUnknownLossSuggestsTheClosestName() {
        XCTAssertThrowsError(try Loss.named("binary_crossentopy")) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'binary_crossentropy'?"), "\(error)")
        }
    }

    func testElementwiseLossGradientsMatchFiniteDifferences() {
        let targets: [Float] = [0.3, 1, 0, 0.8, 0.25, 0.6]
        for loss in [Loss.meanAbsolutePercentageError, .meanSquaredLogarithmicError, .huber, .logCosh, .poisson, .kullbackLeiblerDivergence, .squaredHinge, .hinge] {
            // Predictions kept away from the kinks of hinge, huber and MAPE.
            let p: [Float] = [0.2, 0.7, 0.9, 2.5, 0.55, 0.1]
            let worst = GradientCheck.lossWorstError(loss, predictions: p, targets: targets, rows: 3, cols: 2)
            XCTAssertLessThan(worst, 2e-3, loss.rawValue)
        }
    }

    func testElementwiseLossValuesMatchTheirFormulas() {
        func value(_ loss: Loss, _ p: [Float], _ t: [Float], cols: Int) -> Double {
            loss.compute(predictions: p, targets: t, rows: p.count / cols, cols: cols, gradient: nil)
        }
        // Hinge turns 0/1 labels into -1/+1: terms max(1 - (-1)(0.5), 0) = 1.5 and max(1 - 0.5, 0) = 0.5.
        XCTAssertEqual(value(.hinge, [0.5, 0.5], [0, 1], cols: 2), 1.0, accuracy: 1e-6)
        XCTAssertEqual(value(.huber, [0, 3], [0.5, 0], cols: 1), (0.125 + 2.5) / 2, accuracy: 1e-6)
        XCTAssertEqual(value(.logCosh, [2], [0], cols: 1), log(cosh(2.0)), accuracy: 1e-6)
        // KL divergence sums over a sample's outputs.
        XCTAssertEqual(value(.kullbackLeiblerDivergence, [0.5, 0.5], [0.25, 0.75], cols: 2), 0.25 * log(0.5) + 0.75 * log(1.5), accuracy: 1e-6)
        XCTAssertEqual(value(.meanAbsolutePercentageError, [110], [100], cols: 1), 10, accuracy: 1e-4)
        XCTAssertEqual(try Loss.named("kld"), .kullbackLeiblerDivergence)
    }

    func testLossesCanBeReportedAsMetricsAndAccuracyFollowsTheShapes() throws {
        XCTAssertEqual(try Metric.named("binary_crossentropy", loss: .meanSquaredError), .loss(.binaryCrossentropy))
        let bce = Metric.loss(.binaryCrossentropy)
        XCTAssertEqual(bce.batchTotal(predictions: [0.5, 0.5], targets: [0, 1], rows: 2, cols: 1), 2 * log(2.0), accuracy: 1e-6)
        let accuracy = try Metric.named("accuracy", loss: .binaryCrossentropy)
        // One output: thresholded at 0.5. Three outputs: the arg-max must match.
        XCTAssertEqual(accuracy.batchTotal(predictions: [0.6, 0.4], targets: [1, 1], rows: 2, cols: 1), 1)
        XCTAssertEqual(accuracy.batchTotal(predictions: [0.1, 0.7, 0.2, 0.5, 0.3, 0.2], targets: [0, 1, 0, 0, 0, 1], rows: 2, cols: 3), 1)
        XCTAssertEqual(try Metric.named("acc", loss: .sparseCategoricalCrossentropy), .sparseCategoricalAccuracy)
        XCTAssertThrowsError(try Metric.named("acuracy", loss: .binaryCrossentropy)) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'accuracy'?"), "\(error)")
        }
    }

    func testPrecisionAndRecallAreRatiosOfEpochTotals() throws {
        // Two batches: precision over both is 3 TP / 4 predicted positives, not the mean of the batch ratios.
        let x = Tensor(shape: [4, 1], data: [0, 0, 0, 0])
        let y = Tensor(shape: [4, 1], data: [1, 1, 1, 0])
        let model = Sequential(seed: 1)
        // Zero kernel, bias 1: every prediction is sigmoid(1) ≈ 0.73, i.e. positive.
        try model.add(Dense(units: 1, activation: "sigmoid", inputDim: 1, kernelInitializer: "zeros", biasInitializer: "ones"))
        try model.compile(loss: "binary_crossentropy", optimizer: SGD(learningRate: 0), metrics: ["precision", "recall"])
        let results = try model.evaluate(x: x, y: y, batchSize: 3)
        XCTAssertEqual(results[1], 0.75)
        XCTAssertEqual(results[2], 1.0)
    }
}
