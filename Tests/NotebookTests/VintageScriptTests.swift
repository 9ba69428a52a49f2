import Foundation
import XCTest
import Lesson
@testable import Notebook

/// Keras scripts as they were written from 2017 to today (Fixtures/tutorials 18-34, written for
/// these tests): Keras 2 module paths (`keras.layers.core`, `np_utils`, `advanced_activations`,
/// `gradient_descent_v2`, `optimizers.legacy`), `lr=`, `'acc'`, Keras 2.2's metric names,
/// `fit_generator`, `predict_classes`, `train_on_batch`, batch hooks, scripts that time themselves, string x values in plots,
/// AdamW, the rarer losses, and a diverging run. Each runs unchanged as one block.
final class VintageScriptTests: TutorialScriptTestCase {
    func testKeras2DigitsMLP() throws {
        let (text, _) = try run("18-keras2-digits-mlp")
        XCTAssertTrue(text.contains("1347 train samples\n450 test samples"), text)
        XCTAssertTrue(text.contains("Total params: 26,122"), text)
        XCTAssertTrue(text.contains("Test accuracy above 0.9: True"), text)
        XCTAssertTrue(text.contains("epochs logged: 10 10"), text)
    }

    func testIrisWithNpUtilsAndAdamLr() throws {
        let (text, _) = try run("19-keras2-iris-adam-lr")
        XCTAssertTrue(text.contains("classes: 3 ['setosa', 'versicolor', 'virginica']"), text)
        XCTAssertTrue(text.contains("final acc above 0.9: True\nsame series under both names: True"), text)
        XCTAssertTrue(text.contains("predicted classes: [0, 1, 2]"), text)
    }

    func testTfKerasWineWithValidationSplit() throws {
        let (text, _) = try run("20-tf-keras-wine")
        XCTAssertTrue(text.contains("wine: (178, 13) classes 3"), text)
        XCTAssertTrue(text.contains("['accuracy', 'loss', 'val_accuracy', 'val_loss']"), text)
        XCTAssertTrue(text.contains("accuracy above 0.9: True"), text)
    }

    func testBreastCancerStopsEarly() throws {
        let (text, _) = try run("21-breast-cancer-early-stopping")
        XCTAssertTrue(text.contains("stopped early: True"), text)
        XCTAssertTrue(text.contains("test accuracy above 0.9: True"), text)
    }

    func testRegressionReadsMetricsUnderKeras22Names() throws {
        let (text, _) = try run("22-diabetes-regression-mse-names")
        XCTAssertTrue(text.contains("mse read both ways: True True"), text)
        XCTAssertTrue(text.contains("loss fell: True"), text)
        XCTAssertTrue(text.contains("test RMSE below 80: True"), text)
    }

    func testLeakyReLUFromAdvancedActivations() throws {
        let (text, _) = try run("23-advanced-activations-leaky")
        XCTAssertTrue(text.contains("LeakyReLU after Dense"), text)
        XCTAssertTrue(text.contains("train accuracy above 0.85: True"), text)
    }

    func testOptimizersFromTheirV2Modules() throws {
        let (text, _) = try run("24-optimizer-v2-modules")
        XCTAssertTrue(text.contains("['adam', 'sgd'] True"), text)
    }

    func testLegacyOptimizersWithDecay() throws {
        let (text, _) = try run("25-optimizers-legacy")
        XCTAssertTrue(text.contains("loss fell: True\noptimizer: Adam"), text)
    }

    func testKeras3ConvolutionalNetworkOnDigits() throws {
        let (text, _) = try run("26-keras3-digits-cnn")
        XCTAssertTrue(text.contains("(None, 8, 8, 16)"), text)
        XCTAssertTrue(text.contains("Test accuracy above 0.75: True"), text)
    }

    func testAScriptThatTimesItself() throws {
        let (text, _) = try run("27-timing-the-fit")
        XCTAssertEqual(lines(text, matching: #"^Training took \d+\.\d\d seconds$"#).count, 1, text)
        XCTAssertTrue(text.contains("perf_counter agrees: True\nclock moves forward: True"), text)
    }

    func testStringXValuesAreCategories() throws {
        let (text, figures) = try run("28-categorical-plots")
        XCTAssertTrue(text.contains("['relu', 'tanh', 'sigmoid'] True"), text)
        XCTAssertEqual(figures, 1)
    }

    func testAdamWAndWeightDecay() throws {
        let (text, _) = try run("29-adamw-weight-decay")
        XCTAssertTrue(text.contains("decay shrinks the kernel: True"), text)
        XCTAssertTrue(text.contains("NotImplementedError: Adam: use_ema is not supported yet"), text)
    }

    func testTheRarerLossesByName() throws {
        let (text, _) = try run("30-hinge-and-cosine-losses")
        for loss in ["categorical_hinge", "cosine_similarity", "logcosh"] {
            XCTAssertTrue(text.contains("\(loss) loss fell: True accuracy above 0.85: True"), text)
        }
    }

    func testADivergingRunPrintsNanAsPythonDoes() throws {
        let (text, _) = try run("31-diverging-loss-terminate-on-nan")
        XCTAssertTrue(text.contains("Invalid loss, terminating training"), text)
        XCTAssertTrue(text.contains("loss: inf"), text)
        XCTAssertTrue(text.contains("last loss finite: False\ninf nan nan nan\n"), "as CPython prints them: \(text)")
    }

    func testImageDataGeneratorWithFitGenerator() throws {
        let (text, _) = try run("32-image-data-generator-fit-generator")
        XCTAssertTrue(text.contains("test accuracy above 0.7: True"), text)
    }

    func testTrainOnBatchLoopsAndBatchHooks() throws {
        let (text, _) = try run("34-train-on-batch-and-batch-hooks")
        XCTAssertTrue(text.contains("train_on_batch reports the loss before its step: True\nloss fell: True (2, 1)"), text)
        XCTAssertTrue(text.contains("[0, 1, 2, 3, 0, 1, 2, 3] 8"), text)
    }

    func testPredictClassesAndPredictProba() throws {
        let (text, _) = try run("33-keras2-predict-classes")
        XCTAssertTrue(text.contains("(90, 1) (90, 1)\nclasses agree with the probabilities: True\naccuracy above 0.85: True"), text)
    }
}

/// The clock a self-timing script reads: its record says so, and `sleep` keeps to the block's limit.
final class TimeModuleTests: XCTestCase {
    func testABlockThatReadsTheClockIsMarkedAndALongSleepStopsAtTheTimeLimit() throws {
        let lesson = LessonParser.parse(file: "t.md", source: """
        # T

        ```experiment id=plain
        print(1 + 1)
        ```

        ```experiment id=timed
        import time
        t = time.perf_counter()
        print(round(time.perf_counter() - t, 3) >= 0)
        ```

        ```experiment id=sleepy timeout=1
        time.sleep(30)
        ```
        """)
        let start = Date()
        let run = NotebookRunner.run(lesson)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "the sleep was stopped by the block's limit")
        XCTAssertEqual(run.record.blocks.map(\.readsClock), [nil, true, true])
        XCTAssertTrue(run.record.blocks[2].outputs.contains { $0.kind == .error && $0.text.contains("TimeoutError") },
                      "\(run.record.blocks[2].outputs)")
    }
}
