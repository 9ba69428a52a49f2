import XCTest
import Tensor
@testable import Engine

final class BatchNormalizationTests: XCTestCase {
    private func builtLayer(features: Int, batch: Int) throws -> BatchNormalization {
        let layer = try BatchNormalization()
        var random = RandomGenerator(seed: 1)
        try layer.build(inputShape: [features], random: &random)
        layer.reserve(batchCapacity: batch)
        return layer
    }

    func testTrainingOutputsHaveZeroMeanAndUnitVariancePerFeature() throws {
        let layer = try builtLayer(features: 2, batch: 4)
        let x: [Float] = [1, 10, 2, 20, 3, 30, 4, 40]
        let y = Array(UnsafeBufferPointer(start: layer.forward(x, batch: 4, training: true), count: 8))
        for f in 0..<2 {
            let column = (0..<4).map { Double(y[$0 * 2 + f]) }
            let mean = column.reduce(0, +) / 4
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            XCTAssertEqual(mean, 0, accuracy: 1e-6)
            // Slightly under 1 because of epsilon.
            XCTAssertEqual(variance, f == 0 ? 1.25 / 1.251 : 125 / 125.001, accuracy: 1e-5)
        }
        // moving = 0.99 · initial + 0.01 · batch statistic
        XCTAssertEqual(layer.nonTrainableParameters[0].values[0], 0.01 * 2.5, accuracy: 1e-6)
        XCTAssertEqual(layer.nonTrainableParameters[1].values[1], 0.99 + 0.01 * 125, accuracy: 1e-4)
    }

    func testGradientsMatchFiniteDifferencesInTrainingMode() throws {
        let layer = try builtLayer(features: 3, batch: 5)
        var random = RandomGenerator(seed: 9)
        layer.parameters[0].values = (0..<3).map { _ in random.uniformFloat(low: 0.5, high: 1.5) }
        layer.parameters[1].values = (0..<3).map { _ in random.uniformFloat(low: -0.5, high: 0.5) }
        var x = (0..<15).map { _ in random.uniformFloat(low: -2, high: 2) }
        let c = (0..<15).map { _ in random.uniformFloat(low: -1, high: 1) }
        func loss() -> Double {
            let y = layer.forward(x, batch: 5, training: true)
            return (0..<15).reduce(0.0) { $0 + Double(y[$1]) * Double(c[$1]) }
        }
        _ = loss()
        let analyticInput = Array(UnsafeBufferPointer(start: layer.backward(c, batch: 5, needsInputGradient: true)!, count: 15))
        let h: Float = 1e-2
        for parameter in layer.parameters {
            let analytic = parameter.gradient.array(count: parameter.count)
            for i in 0..<parameter.count {
                let saved = parameter.value.pointer[i]
                parameter.value.pointer[i] = saved + h
                let plus = loss()
                parameter.value.pointer[i] = saved - h
                let minus = loss()
                parameter.value.pointer[i] = saved
                XCTAssertEqual((plus - minus) / Double(2 * h), Double(analytic[i]), accuracy: 2e-3)
            }
        }
        for i in x.indices {
            let saved = x[i]
            x[i] = saved + h
            let plus = loss()
            x[i] = saved - h
            let minus = loss()
            x[i] = saved
            XCTAssertEqual((plus - minus) / Double(2 * h), Double(analyticInput[i]), accuracy: 2e-3)
        }
    }

    func testInferenceUsesTheMovingStatistics() throws {
        let layer = try builtLayer(features: 1, batch: 2)
        layer.nonTrainableParameters[0].values = [2]
        layer.nonTrainableParameters[1].values = [4]
        let y = Array(UnsafeBufferPointer(start: layer.forward([2, 6], batch: 2, training: false), count: 2))
        XCTAssertEqual(y[0], 0, accuracy: 1e-6)
        XCTAssertEqual(y[1], 4 / (4.001 as Float).squareRoot(), accuracy: 1e-6)
    }

    func testModelSummaryCountsTheMovingStatisticsAsNonTrainable() throws {
        let (train, test) = MoonsExperiment.data()
        let model = Sequential(seed: 2)
        try model.add(Dense(units: 8, activation: "relu", inputDim: 2))
        try model.add(BatchNormalization())
        try model.add(Dense(units: 1, activation: "sigmoid"))
        try model.compile(loss: "binary_crossentropy", optimizer: Adam(learningRate: 0.01), metrics: ["accuracy"])
        XCTAssertEqual(model.countParams(), 24 + 32 + 9)
        XCTAssertEqual(model.countTrainableParams(), 24 + 16 + 9)
        XCTAssertTrue(model.summary().contains(" Non-trainable params: 16 (64.00 B)"), model.summary())
        XCTAssertEqual(model.getWeights().count, 8)
        let history = try model.fit(x: train.0, y: train.1, epochs: 100, verbose: 0, validationData: test, log: { _ in })
        XCTAssertGreaterThan(history["accuracy"]?.last ?? 0, 0.8)
    }
}
