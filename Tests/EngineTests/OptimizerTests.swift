import Foundation
import XCTest
@testable import Engine

final class OptimizerTests: XCTestCase {
    private func parameter(_ values: [Float], gradient: [Float]) -> Parameter {
        let p = Parameter(name: "w", shape: [values.count], values: values)
        p.gradient.assign(gradient)
        return p
    }

    func testAdamFirstStepMatchesTheKerasFormulaByHand() {
        let p = parameter([1.0, -2.0, 0.5], gradient: [0.1, -0.3, 0])
        let adam = Adam(learningRate: 0.01)
        adam.apply(to: [p])
        for (w0, g) in zip([1.0, -2.0, 0.5], [0.1, -0.3, 0.0]) {
            let m = 0.1 * g, v = 0.001 * g * g
            let alpha = 0.01 * (1 - 0.999).squareRoot() / (1 - 0.9)
            let expected = w0 - alpha * m / (v.squareRoot() + 1e-7)
            let index = [1.0, -2.0, 0.5].firstIndex(of: w0)!
            XCTAssertEqual(Double(p.values[index]), expected, accuracy: 1e-6)
        }
        XCTAssertEqual(adam.iterations, 1)
    }

    func testAdamSecondStepUsesTheRunningMoments() {
        let p = parameter([1.0], gradient: [0.5])
        let adam = Adam()
        adam.apply(to: [p])
        p.gradient.assign([-0.25])
        adam.apply(to: [p])
        var m = 0.0, v = 0.0, w = 1.0
        for (t, g) in [(1.0, 0.5), (2.0, -0.25)] {
            m += (g - m) * 0.1
            v += (g * g - v) * 0.001
            let alpha = 0.001 * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
            w -= alpha * m / (v.squareRoot() + 1e-7)
        }
        XCTAssertEqual(Double(p.values[0]), w, accuracy: 1e-6)
    }

    func testSGDWithMomentumFollowsKerasUpdateRule() {
        let p = parameter([1.0], gradient: [2.0])
        let sgd = SGD(learningRate: 0.1, momentum: 0.9)
        sgd.apply(to: [p])
        sgd.apply(to: [p])
        // velocity: -0.2, then 0.9·(-0.2) − 0.2 = −0.38; w = 1 − 0.2 − 0.38
        XCTAssertEqual(p.values[0], 0.42, accuracy: 1e-6)
        let plain = parameter([1.0], gradient: [2.0])
        SGD().apply(to: [plain])
        XCTAssertEqual(plain.values[0], 0.98, accuracy: 1e-7)
    }

    func testOptimizersAreFoundByKerasName() throws {
        XCTAssertTrue(try Optimizers.named("adam") is Adam)
        XCTAssertTrue(try Optimizers.named("SGD") is SGD)
        XCTAssertTrue(try Optimizers.named("rmsprop") is RMSprop)
        XCTAssertThrowsError(try Optimizers.named("adamm")) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'adam'?"), "\(error)")
        }
    }
}
