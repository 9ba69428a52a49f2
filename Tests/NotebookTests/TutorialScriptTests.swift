import Foundation
import XCTest
import Lesson
@testable import Notebook

/// Seventeen complete tutorial-style scripts (Fixtures/tutorials, written for these tests in the
/// style of the usual Keras blog posts: data, model, fit, evaluate, print, plot; grid searches
/// with nested functions; repeated runs summarised with mean and std) run unchanged as one
/// experiment block each. Each test checks what the script prints, not only that it ran.
final class TutorialScriptTests: TutorialScriptTestCase {
    func testL2RegularizationComparison() throws {
        let (text, figures) = try run("01-l2-regularization")
        XCTAssertEqual(lines(text, matching: #"^(none|l2) -> Train: [01]\.\d{3}, Test: [01]\.\d{3}$"#).count, 2, text)
        XCTAssertEqual(figures, 1)
    }

    func testGridSearchOverThePenalty() throws {
        let (text, figures) = try run("02-grid-search-l2")
        XCTAssertEqual(lines(text, matching: #"^Param: 0\.\d{6}, Train: [01]\.\d{3}, Test: [01]\.\d{3}$"#).count, 6, text)
        XCTAssertEqual(lines(text, matching: #"^best penalty: "#).count, 1, text)
        XCTAssertEqual(figures, 1)
    }

    func testMaxNormKeepsEveryColumnWithinTheLimit() throws {
        let (text, _) = try run("03-max-norm-constraint")
        XCTAssertTrue(text.contains("within the limit: True"), text)
    }

    func testDropoutGridWithMeanAndStd() throws {
        let (text, figures) = try run("04-dropout-rate-grid")
        XCTAssertEqual(lines(text, matching: #"^rate=0\.[024]: [01]\.\d{3} \(0\.\d{3}\)$"#).count, 3, text)
        XCTAssertEqual(figures, 1)
    }

    func testGaussianNoiseLevels() throws {
        let (text, figures) = try run("05-gaussian-noise")
        XCTAssertEqual(lines(text, matching: #"^noise 0\.\d\d: test accuracy [01]\.\d{3}$"#).count, 3, text)
        XCTAssertEqual(figures, 1)
    }

    func testEarlyStoppingWithACheckpoint() throws {
        let (text, _) = try run("06-early-stopping-checkpoint")
        let stop = lines(text, matching: #"^Epoch \d{5}: early stopping$"#)
        XCTAssertEqual(stop.count, 1, text)
        let epochs = Int(try XCTUnwrap(lines(text, matching: "^epochs run: ").first).split(separator: " ").last!)!
        XCTAssertLessThan(epochs, 4000)
        XCTAssertEqual(stop.first, "Epoch " + String(format: "%05d", epochs) + ": early stopping")
        XCTAssertEqual(lines(text, matching: #"^Train: [01]\.\d{3}, Test: [01]\.\d{3}$"#).count, 1, text)
    }

    func testScalingFixesTheRegression() throws {
        let (text, _) = try run("07-scaling-regression")
        XCTAssertTrue(text.contains("unscaled test MSE: nan"), text)
        let scaled = Double(try XCTUnwrap(lines(text, matching: "^scaled test MSE: ").first).split(separator: " ").last!)!
        XCTAssertLessThan(scaled, 1.0)
    }

    func testClippingKeepsTheLossFinite() throws {
        let (text, _) = try run("08-gradient-clipping")
        XCTAssertTrue(text.contains("no clipping    final test MSE finite: False"), text)
        XCTAssertTrue(text.contains("clipnorm=1.0   final test MSE finite: True"), text)
        XCTAssertTrue(text.contains("clipvalue=5.0  final test MSE finite: True"), text)
    }

    func testReluAndHeBeatSaturatedTanh() throws {
        let (text, _) = try run("09-deep-relu-he")
        XCTAssertTrue(text.contains("relu better: True"), text)
    }

    func testBatchNormBeforeAndAfterTheActivation() throws {
        let (text, figures) = try run("10-batch-norm-blobs")
        XCTAssertEqual(lines(text, matching: #"^batch norm (before|after) activation: Test: [01]\.\d{3}$"#).count, 2, text)
        XCTAssertEqual(figures, 1)
    }

    func testLearningRateSweepInA2x2Grid() throws {
        let (text, figures) = try run("11-learning-rate-sweep")
        XCTAssertEqual(lines(text, matching: #"^lr=[0-9.e-]+: [01]\.\d{3}$"#).count, 4, text)
        XCTAssertEqual(figures, 1)
    }

    func testStepDecayAndPlateauCallbacks() throws {
        let (text, _) = try run("12-schedules-and-callbacks")
        // Halved at epochs 5, 10 and 15: 0.1 / 8.
        XCTAssertTrue(text.contains("learning rate after step decay: 0.0125"), text)
        XCTAssertTrue(text.contains("never above the start: True"), text)
    }

    func testAdaptiveOptimizersRanked() throws {
        let (text, figures) = try run("13-adaptive-optimizers")
        XCTAssertEqual(lines(text, matching: #"^(sgd|rmsprop|adagrad|adam) +[01]\.\d{3}$"#).count, 4, text)
        XCTAssertEqual(figures, 1)
    }

    func testRepeatedEvaluationSummary() throws {
        let (text, _) = try run("14-repeated-evaluation")
        XCTAssertEqual(lines(text, matching: #"^> [01]\.\d{3}$"#).count, 5, text)
        XCTAssertEqual(lines(text, matching: #"^Accuracy: [01]\.\d{3} \(\+/-0\.\d{3}\)$"#).count, 1, text)
    }

    func testCustomCallbackAndActivationModel() throws {
        let (text, _) = try run("15-custom-callback")
        XCTAssertTrue(text.contains("True ['acc', 'loss']"), text)
        XCTAssertTrue(text.contains("kernel norm grew: True"), text)
        XCTAssertTrue(text.contains("rate: 0.1"), text)
        XCTAssertTrue(text.contains("(100, 20) non-negative: True"), text)
    }

    func testKFoldCrossValidation() throws {
        let (text, _) = try run("16-kfold-cross-validation")
        XCTAssertEqual(lines(text, matching: #"^fold [1-5]: 240 train, 60 test, accuracy [01]\.\d{3}$"#).count, 5, text)
        XCTAssertEqual(lines(text, matching: #"^Accuracy: [01]\.\d{3} \(0\.\d{3}\)$"#).count, 1, text)
    }

    func testActivityRegularizationMakesActivationsSparser() throws {
        let (text, _) = try run("17-activity-regularization")
        XCTAssertTrue(text.contains("sparser: True"), text)
    }
}
