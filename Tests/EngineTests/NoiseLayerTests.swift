import XCTest
import Tensor
@testable import Engine

final class NoiseLayerTests: XCTestCase {
    private func built<L: Layer>(_ layer: L, width: Int, batch: Int) throws -> L {
        var random = RandomGenerator(seed: 21)
        try layer.build(inputShape: [width], random: &random)
        layer.reserve(batchCapacity: batch)
        return layer
    }

    func testDropoutZeroesAboutRateOfInputsAndScalesTheRest() throws {
        let dropout = try built(Dropout(rate: 0.25), width: 100, batch: 40)
        let input = [Float](repeating: 2, count: 4000)
        let output = Array(UnsafeBufferPointer(start: dropout.forward(input, batch: 40, training: true), count: 4000))
        let dropped = output.filter { $0 == 0 }.count
        XCTAssertEqual(Double(dropped) / 4000, 0.25, accuracy: 0.03)
        XCTAssertTrue(output.allSatisfy { $0 == 0 || abs($0 - 2 / 0.75) < 1e-6 })
        // The gradient flows only through the kept inputs, with the same scale.
        let ones = [Float](repeating: 1, count: 4000)
        let gradient = Array(UnsafeBufferPointer(start: dropout.backward(ones, batch: 40, needsInputGradient: true)!, count: 4000))
        for (g, o) in zip(gradient, output) { XCTAssertEqual(g, o / 2, accuracy: 1e-6) }
    }

    func testDropoutIsTheIdentityAtInference() throws {
        let dropout = try built(Dropout(rate: 0.5), width: 3, batch: 2)
        let input: [Float] = [1, 2, 3, 4, 5, 6]
        XCTAssertEqual(Array(UnsafeBufferPointer(start: dropout.forward(input, batch: 2, training: false), count: 6)), input)
    }

    func testDropoutRejectsARateOutsideZeroToOne() {
        XCTAssertThrowsError(try Dropout(rate: 1.0)) { error in
            XCTAssertTrue("\(error)".contains("Received: rate=1.0"), "\(error)")
        }
    }

    func testGaussianNoiseAddsNoiseOfTheGivenSpreadOnlyWhileTraining() throws {
        let noise = try built(GaussianNoise(stddev: 0.5), width: 1000, batch: 10)
        let input = [Float](repeating: 1, count: 10_000)
        let output = Array(UnsafeBufferPointer(start: noise.forward(input, batch: 10, training: true), count: 10_000))
        let deviations = output.map { Double($0) - 1 }
        let mean = deviations.reduce(0, +) / 10_000
        let spread = (deviations.map { $0 * $0 }.reduce(0, +) / 10_000).squareRoot()
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(spread, 0.5, accuracy: 0.02)
        XCTAssertEqual(Array(UnsafeBufferPointer(start: noise.forward(input, batch: 10, training: false), count: 10_000)), input)
    }

    func testModelsWithDropoutStayDeterministic() throws {
        func train() throws -> [[Float]] {
            let (train, _) = MoonsExperiment.data()
            let model = Sequential(seed: 8)
            try model.add(Dense(units: 16, activation: "relu", inputDim: 2))
            try model.add(Dropout(rate: 0.3))
            try model.add(GaussianNoise(stddev: 0.1))
            try model.add(Dense(units: 1, activation: "sigmoid"))
            try model.compile(loss: "binary_crossentropy", optimizer: Adam(), metrics: ["accuracy"])
            _ = try model.fit(x: train.0, y: train.1, batchSize: 8, epochs: 5, verbose: 0, log: { _ in })
            return model.getWeights()
        }
        XCTAssertEqual(try train(), try train())
    }
}
