import XCTest
import Tensor
@testable import Engine

final class RegularizerTests: XCTestCase {
    func testL2PenaltyIsAddedToTheReportedLossAsKerasDoes() throws {
        let x = Tensor(shape: [2, 2], data: [1, 0, 0, 1])
        let y = Tensor(shape: [2, 1], data: [0.5, -0.5])
        let plain = Sequential(seed: 4)
        try plain.add(Dense(units: 1, inputDim: 2))
        try plain.compile(loss: "mse", optimizer: SGD(), metrics: [])
        let regularized = Sequential(seed: 4)
        try regularized.add(Dense(units: 1, inputDim: 2, kernelRegularizer: Regularizer(l2: 0.1)))
        try regularized.compile(loss: "mse", optimizer: SGD(), metrics: [])
        let kernel = regularized.getWeights()[0]
        XCTAssertEqual(kernel, plain.getWeights()[0])
        let penalty = 0.1 * kernel.map { Double($0) * Double($0) }.reduce(0, +)
        let difference = try regularized.evaluate(x: x, y: y)[0] - plain.evaluate(x: x, y: y)[0]
        XCTAssertEqual(difference, penalty, accuracy: 1e-6)
    }

    func testPenaltyGradientsMatchFiniteDifferences() {
        let regularizer = Regularizer(l1: 0.03, l2: 0.2)
        var w: [Float] = [0.5, -1.25, 2, -0.1]
        var gradient = [Float](repeating: 0, count: 4)
        regularizer.addGradient(w, to: &gradient, count: 4)
        let h: Float = 1e-3
        for i in w.indices {
            let saved = w[i]
            w[i] = saved + h
            let plus = regularizer.penalty(w, count: 4)
            w[i] = saved - h
            let minus = regularizer.penalty(w, count: 4)
            w[i] = saved
            XCTAssertEqual((plus - minus) / Double(2 * h), Double(gradient[i]), accuracy: 1e-3)
        }
    }

    func testRegularizersAreFoundByKerasNameWithKerasDefaults() throws {
        XCTAssertEqual(try Regularizer.named("l2"), Regularizer(l2: 0.01))
        XCTAssertEqual(try Regularizer.named("l1_l2"), Regularizer(l1: 0.01, l2: 0.01))
        XCTAssertThrowsError(try Regularizer.named("l3"))
    }
}
