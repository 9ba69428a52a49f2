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

    func testAdamWShrinksWeightsBeforeTheAdamStep() {
        let decayed = parameter([2.0], gradient: [0.5])
        let plain = parameter([2.0 * (1 - 0.004 * 0.01)], gradient: [0.5])
        AdamW(learningRate: 0.01).apply(to: [decayed])
        Adam(learningRate: 0.01).apply(to: [plain])
        XCTAssertEqual(decayed.values[0], plain.values[0], accuracy: 1e-7)
    }

    func testAmsgradUsesTheLargestSecondMomentSoFar() {
        let p = parameter([0.0], gradient: [1.0])
        let adam = Adam(learningRate: 0.1, amsgrad: true)
        adam.apply(to: [p])
        p.gradient.assign([0.1])
        adam.apply(to: [p])
        var m = 0.0, v = 0.0, vMax = 0.0, w = 0.0
        for (t, g) in [(1.0, 1.0), (2.0, 0.1)] {
            m += (g - m) * 0.1
            v += (g * g - v) * 0.001
            vMax = max(vMax, v)
            // β powers in float32, as Keras takes them.
            let b2 = Double(pow(Float(0.999), Float(t))), b1 = Double(pow(Float(0.9), Float(t)))
            w -= 0.1 * (1 - b2).squareRoot() / (1 - b1) * m / (vMax.squareRoot() + 1e-7)
        }
        XCTAssertEqual(Double(p.values[0]), w, accuracy: 1e-6)
    }

    func testNesterovMomentumLooksAhead() {
        let p = parameter([1.0], gradient: [2.0])
        let sgd = SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)
        sgd.apply(to: [p])
        // velocity = -0.2; w += 0.9 · (-0.2) − 0.2
        XCTAssertEqual(p.values[0], 1 - 0.18 - 0.2, accuracy: 1e-6)
    }

    func testAdamaxFirstStepMatchesTheFormula() {
        let p = parameter([1.0], gradient: [-0.5])
        Adamax(learningRate: 0.002).apply(to: [p])
        let m = 0.1 * -0.5, u = 0.5
        XCTAssertEqual(Double(p.values[0]), 1 - 0.002 * m / ((1 - 0.9) * (u + 1e-7)), accuracy: 1e-6)
    }

    func testNadamFirstStepMatchesTheFormula() {
        let p = parameter([1.0], gradient: [0.3])
        Nadam(learningRate: 0.01).apply(to: [p])
        let g = 0.3
        let mu1 = 0.9 * (1 - 0.5 * 0.96), mu2 = 0.9 * (1 - 0.5 * 0.96 * 0.96)
        let m = 0.1 * g, v = 0.001 * g * g
        let mHat = mu2 * m / (1 - mu1 * mu2) + (1 - mu1) * g / (1 - mu1)
        let vHat = v / (1 - 0.999)
        XCTAssertEqual(Double(p.values[0]), 1 - 0.01 * mHat / (vHat.squareRoot() + 1e-7), accuracy: 1e-6)
        XCTAssertTrue(try Optimizers.named("nadam") is Nadam)
        XCTAssertTrue(try Optimizers.named("AdamW") is AdamW)
    }

    func testRMSpropWithMomentumAndCenteringFollowsKeras() {
        let p = parameter([1.0], gradient: [0.5])
        let rms = RMSprop(learningRate: 0.01, momentum: 0.5, centered: true)
        rms.apply(to: [p])
        rms.apply(to: [p])
        var s = 0.0, mean = 0.0, velocity = 0.0, w = 1.0
        for _ in 0..<2 {
            s = 0.9 * s + 0.1 * 0.25
            mean = 0.9 * mean + 0.1 * 0.5
            let step = 0.01 * 0.5 / (s - mean * mean + 1e-7).squareRoot()
            velocity = 0.5 * velocity + step
            w -= velocity
        }
        XCTAssertEqual(Double(p.values[0]), w, accuracy: 1e-5)
    }
}
