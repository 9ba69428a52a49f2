import Foundation
import XCTest
import Tensor
@testable import Engine

/// `ReLU` against Keras 3.15's own values and input gradients (five settings, inputs on every
/// boundary: 0, the threshold, the cap), and against finite differences away from the kinks.
final class ReLUTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var config: [String: Double]
            var output: [Float]
            var input_gradient: [Float]
        }
        var input: [Float]
        var upstream: [Float]
        var cases: [Case]
    }

    func run(_ layer: ReLU, _ x: [Float], _ upstream: [Float]) throws -> (y: [Float], dx: [Float]) {
        var random = RandomGenerator(seed: 1)
        try layer.build(inputShape: [x.count], random: &random)
        layer.reserve(batchCapacity: 1)
        return x.withUnsafeBufferPointer { xs in
            let y = Array(UnsafeBufferPointer(start: layer.forward(xs.baseAddress!, batch: 1, training: true), count: x.count))
            let dx = upstream.withUnsafeBufferPointer { g in
                Array(UnsafeBufferPointer(start: layer.backward(g.baseAddress!, batch: 1, needsInputGradient: true)!, count: x.count))
            }
            return (y, dx)
        }
    }

    func testOutputsAndGradientsEqualKeras() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "relu_keras", withExtension: "json", subdirectory: "Fixtures"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertEqual(fixture.cases.count, 5)
        for c in fixture.cases {
            let layer = try ReLU(maxValue: c.config["max_value"].map(Float.init), negativeSlope: Float(c.config["negative_slope"] ?? 0),
                                 threshold: Float(c.config["threshold"] ?? 0))
            let (y, dx) = try run(layer, fixture.input, fixture.upstream)
            XCTAssertEqual(y, c.output, "\(c.config)")
            // Keras' -0.0 and 0.0 count as equal gradients.
            XCTAssertEqual(dx.map { $0 == 0 ? 0 : $0 }, c.input_gradient.map { $0 == 0 ? 0 : $0 }, "\(c.config)")
        }
    }

    func testGradientMatchesFiniteDifferencesAwayFromTheKinks() throws {
        let x: [Float] = [-2.3, -0.7, 0.9, 1.4, 3.3, 5.2, 6.8, 9.1]
        let upstream: [Float] = [0.3, -1.1, 0.7, 2.0, -0.4, 1.3, 0.6, -0.9]
        let layer = try ReLU(maxValue: 6, negativeSlope: 0.25, threshold: 0.5)
        let (_, dx) = try run(layer, x, upstream)
        let h: Float = 1e-2
        for i in x.indices {
            func loss(_ shift: Float) throws -> Double {
                var xs = x
                xs[i] += shift
                let y = try run(try ReLU(maxValue: 6, negativeSlope: 0.25, threshold: 0.5), xs, upstream).y
                return zip(y, upstream).reduce(0) { $0 + Double($1.0) * Double($1.1) }
            }
            let numeric = (try loss(h) - loss(-h)) / Double(2 * h)
            XCTAssertEqual(numeric, Double(dx[i]), accuracy: 1e-3, "x[\(i)]")
        }
    }

    func testNegativeSettingsAreKerasErrors() {
        XCTAssertThrowsError(try ReLU(maxValue: -1)) { XCTAssertTrue("\($0)".contains("max_value"), "\($0)") }
        XCTAssertThrowsError(try ReLU(negativeSlope: -0.1)) { XCTAssertTrue("\($0)".contains("negative_slope"), "\($0)") }
    }
}
