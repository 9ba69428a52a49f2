import XCTest
@testable import Engine

final class ActivationTests: XCTestCase {
    func testDenseGradientsMatchFiniteDifferencesForEveryActivation() throws {
        for activation in Activation.allCases {
            let worst = try GradientCheck.denseWorstError(activation: activation.rawValue)
            XCTAssertLessThan(worst, 5e-3, "activation \(activation.rawValue)")
        }
    }

    func testActivationValuesAtKnownPoints() {
        func apply(_ activation: Activation, _ z: [Float]) -> [Float] {
            var a = [Float](repeating: 0, count: z.count)
            activation.forward(z, &a, rows: 1, cols: z.count)
            return a
        }
        XCTAssertEqual(apply(.relu, [-1, 0, 2]), [0, 0, 2])
        XCTAssertEqual(apply(.sigmoid, [0])[0], 0.5)
        XCTAssertEqual(apply(.hardSigmoid, [-4, 0, 1.5, 4]), [0, 0.5, 0.75, 1])
        XCTAssertEqual(apply(.leakyRelu, [-1, 3]), [-0.2, 3])
        XCTAssertEqual(apply(.softsign, [1, -3]), [0.5, -0.75])
        let softmax = apply(.softmax, [1, 2, 3])
        XCTAssertEqual(softmax.reduce(0, +), 1, accuracy: 1e-6)
        XCTAssertEqual(softmax[2], 0.665_240_9, accuracy: 1e-6)
        XCTAssertEqual(apply(.gelu, [1])[0], 0.841_344_7, accuracy: 1e-6)
        XCTAssertEqual(apply(.selu, [1])[0], 1.050_701, accuracy: 1e-6)
        XCTAssertEqual(apply(.softplus, [0])[0], Float(log(2.0)), accuracy: 1e-7)
        XCTAssertEqual(apply(.softplus, [100])[0], 100)
        XCTAssertEqual(apply(.hardTanh, [-3, 0.5, 2]), [-1, 0.5, 1])
        XCTAssertEqual(apply(.hardSilu, [-4, 0, 4]), [0, 0, 4])
        XCTAssertEqual(apply(.mish, [1])[0], Float(1 * tanh(log(1 + exp(1.0)))), accuracy: 1e-6)
        XCTAssertEqual(apply(.logSigmoid, [0])[0], -Float(log(2.0)), accuracy: 1e-6)
        let logSoftmax = apply(.logSoftmax, [1, 2, 3])
        XCTAssertEqual(logSoftmax.map { exp($0) }.reduce(0, +), 1, accuracy: 1e-6)
    }

    func testUnknownActivationSuggestsTheClosestName() {
        XCTAssertThrowsError(try Dense(units: 3, activation: "rleu")) { error in
            let message = (error as? EngineError)?.message ?? ""
            XCTAssertTrue(message.contains("Unknown activation 'rleu'"), message)
            XCTAssertTrue(message.contains("Did you mean 'relu'?"), message)
            XCTAssertTrue(message.contains("sigmoid"), message)
        }
    }

    func testSiluIsAnAliasOfSwish() throws {
        XCTAssertEqual(try Activation.named("silu"), .swish)
        XCTAssertEqual(try Activation.named(nil), .linear)
        XCTAssertEqual(try Activation.named("hard_swish"), .hardSilu)
    }
}
