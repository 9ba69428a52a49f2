import XCTest
import Foundation
import Tensor
@testable import Engine

/// Reference values produced once with Keras 3 (see Fixtures/README.md).
struct ImageLayerFixtures: Decodable {
    struct LayerCase: Decodable {
        var name: String
        var input_shape: [Int]
        var x: [Float]
        var weights: [[Float]]
        var output_shape: [Int]
        var y: [Float]
        var c: [Float]
        var dx: [Float]
        var dweights: [[Float]]
        var training: Bool
        var after: [[Float]]?
        var batch: Int { input_shape[0] }
        var sampleShape: [Int] { Array(input_shape.dropFirst()) }
    }
    struct Network: Decodable {
        var x: [Float]
        var y: [Float]
        var weights: [[Float]]
        var predictions: [Float]
        var loss: Double
        var after: [[Float]]
    }
    var layers: [LayerCase]
    var cnn: Network

    static func load() throws -> ImageLayerFixtures {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "conv_layers_keras", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ImageLayerFixtures.self, from: Data(contentsOf: url))
    }

    func layerCase(_ name: String) throws -> LayerCase {
        try XCTUnwrap(layers.first { $0.name == name }, "no fixture named \(name)")
    }
}

/// Runs one layer on a fixture case and compares outputs and gradients with Keras'.
enum ImageLayerComparison {
    static func assertMatchesKeras(_ layer: any Layer, _ fixture: ImageLayerFixtures.LayerCase, accuracy: Float = 2e-5,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        var random = RandomGenerator(seed: 1)
        try layer.build(inputShape: fixture.sampleShape, random: &random)
        XCTAssertEqual([fixture.batch] + layer.outputShape, fixture.output_shape, "output shape of \(fixture.name)", file: file, line: line)
        if !fixture.weights.isEmpty { try layer.setWeights(fixture.weights) }
        layer.reserve(batchCapacity: fixture.batch)
        let y = Array(UnsafeBufferPointer(start: layer.forward(fixture.x, batch: fixture.batch, training: fixture.training), count: fixture.y.count))
        assertClose(y, fixture.y, accuracy, "\(fixture.name) outputs", file: file, line: line)
        let gradient = try XCTUnwrap(layer.backward(fixture.c, batch: fixture.batch, needsInputGradient: true), file: file, line: line)
        let dx = Array(UnsafeBufferPointer(start: gradient, count: fixture.dx.count))
        assertClose(dx, fixture.dx, accuracy, "\(fixture.name) input gradient", file: file, line: line)
        XCTAssertEqual(layer.parameters.count, fixture.dweights.count, file: file, line: line)
        for (parameter, expected) in zip(layer.parameters, fixture.dweights) {
            assertClose(parameter.gradient.array(count: parameter.count), expected, accuracy * 10, "\(fixture.name) \(parameter.name) gradient", file: file, line: line)
        }
        if let after = fixture.after {
            for (parameter, expected) in zip(layer.allParameters, after) {
                assertClose(parameter.values, expected, accuracy, "\(fixture.name) \(parameter.name) after the step", file: file, line: line)
            }
        }
    }

    /// |a − b| ≤ accuracy · max(1, |b|) for every entry.
    static func assertClose(_ actual: [Float], _ expected: [Float], _ accuracy: Float, _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, "\(what): count", file: file, line: line)
        var worst: Float = 0, at = 0
        for (i, (a, b)) in zip(actual, expected).enumerated() {
            let error = abs(a - b) / max(1, abs(b))
            if !(error <= worst) { worst = error; at = i }
        }
        XCTAssertLessThanOrEqual(worst, accuracy, "\(what): worst at \(at): \(actual.indices.contains(at) ? actual[at] : .nan) vs \(expected.indices.contains(at) ? expected[at] : .nan)", file: file, line: line)
    }
}

/// Finite-difference check of any layer: L = Σ c ⊙ outputs, each input and weight nudged by ±h.
enum LayerGradientCheck {
    /// Largest |numeric − analytic| / max(1, |analytic|) over every weight and input.
    static func worstError(_ layer: any Layer, inputShape: [Int], batch: Int, seed: UInt64 = 5, h: Float = 1e-2, training: Bool = true) throws -> Double {
        var random = RandomGenerator(seed: seed)
        try layer.build(inputShape: inputShape, random: &random)
        // Non-trivial weights (biases and BN's beta away from zero).
        for parameter in layer.parameters {
            parameter.values = (0..<parameter.count).map { _ in random.uniformFloat(low: -0.8, high: 0.8) }
        }
        layer.reserve(batchCapacity: batch)
        let n = batch * inputShape.reduce(1, *)
        var x = (0..<n).map { _ in random.uniformFloat(low: -2, high: 2) }
        let outputs = batch * layer.outputShape.reduce(1, *)
        let c = (0..<outputs).map { _ in random.uniformFloat(low: -1, high: 1) }
        func loss() -> Double {
            let out = layer.forward(x, batch: batch, training: training)
            var total = 0.0
            for i in 0..<outputs { total += Double(out[i]) * Double(c[i]) }
            return total
        }
        _ = loss()
        let analyticInput = Array(UnsafeBufferPointer(start: try XCTUnwrap(layer.backward(c, batch: batch, needsInputGradient: true)), count: n))
        let analyticWeights = layer.parameters.map { $0.gradient.array(count: $0.count) }
        var worst = 0.0
        func compare(_ numeric: Double, _ analytic: Float) {
            worst = max(worst, abs(numeric - Double(analytic)) / max(1, abs(Double(analytic))))
        }
        for (parameter, analytic) in zip(layer.parameters, analyticWeights) {
            for i in 0..<parameter.count {
                let saved = parameter.value.pointer[i]
                parameter.value.pointer[i] = saved + h
                let plus = loss()
                parameter.value.pointer[i] = saved - h
                let minus = loss()
                parameter.value.pointer[i] = saved
                compare((plus - minus) / Double(2 * h), analytic[i])
            }
        }
        for i in x.indices {
            let saved = x[i]
            x[i] = saved + h
            let plus = loss()
            x[i] = saved - h
            let minus = loss()
            x[i] = saved
            compare((plus - minus) / Double(2 * h), analyticInput[i])
        }
        return worst
    }
}
