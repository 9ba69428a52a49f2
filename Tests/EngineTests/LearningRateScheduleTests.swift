import Foundation
import XCTest
@testable import Engine

final class LearningRateScheduleTests: XCTestCase {
    func testExponentialDecaySmoothAndStaircase() throws {
        let smooth = try ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5)
        XCTAssertEqual(smooth.rate(at: 0), 0.1)
        XCTAssertEqual(smooth.rate(at: 10), 0.05, accuracy: 1e-15)
        XCTAssertEqual(smooth.rate(at: 5), 0.1 * pow(0.5, 0.5), accuracy: 1e-15)
        let stairs = try ExponentialDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true)
        XCTAssertEqual(stairs.rate(at: 9), 0.1)
        XCTAssertEqual(stairs.rate(at: 20), 0.025, accuracy: 1e-15)
    }

    func testOtherSchedulesFollowTheirFormulas() throws {
        XCTAssertEqual(try InverseTimeDecay(initialLearningRate: 1, decaySteps: 2, decayRate: 0.5).rate(at: 4), 0.5)
        let piecewise = try PiecewiseConstantDecay(boundaries: [10, 20], values: [1, 0.5, 0.1])
        XCTAssertEqual([0, 10, 11, 20, 21].map(piecewise.rate(at:)), [1, 1, 0.5, 0.5, 0.1])
        let cosine = try CosineDecay(initialLearningRate: 1, decaySteps: 100, alpha: 0.1)
        XCTAssertEqual(cosine.rate(at: 0), 1, accuracy: 1e-15)
        XCTAssertEqual(cosine.rate(at: 50), 0.55, accuracy: 1e-12)
        XCTAssertEqual(cosine.rate(at: 500), 0.1, accuracy: 1e-12)
        XCTAssertThrowsError(try PiecewiseConstantDecay(boundaries: [1], values: [1]))
    }

    func testOptimizerStepsUseTheScheduledRate() {
        let p = Parameter(name: "w", shape: [1], values: [0])
        p.gradient.assign([1])
        let sgd = SGD()
        sgd.schedule = try? PiecewiseConstantDecay(boundaries: [0], values: [1, 0.5])
        sgd.apply(to: [p])  // step 0: rate 1
        sgd.apply(to: [p])  // step 1: rate 0.5
        XCTAssertEqual(p.values[0], -1.5)
        XCTAssertEqual(sgd.currentLearningRate, 0.5)
    }
}
