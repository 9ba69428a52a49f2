import XCTest
@testable import Engine

final class LossTests: XCTestCase {
    let predictions: [Float] = [0.2, 0.7, 0.9, 0.35, 0.55, 0.1]

    func testBinaryCrossentropyGradientMatchesFiniteDifferences() {
        let worst = GradientCheck.lossWorstError(.binaryCrossentropy, predictions: predictions, targets: [0, 1, 1, 0, 1, 0], rows: 3, cols: 2)
        XCTAssertLessThan(worst, 1e-3)
    }

    func testBinaryCrossentropyIsTheMeanOfTheClippedLogLoss() {
        var g = [Float](repeating: 0, count: 3)
        let value = Loss.binaryCrossentropy.compute(predictions: [0.8, 0, 0.5], targets: [1, 0, 0], rows: 3, cols: 1, gradient: &g)
        let clipped = Double(Float(1e-7))
        let expected = -(log(0.8) + log(1 - clipped) + log(0.5)) / 3
        XCTAssertEqual(value, expected, accuracy: 1e-6)
        XCTAssertEqual(g[1], 0, "a clipped prediction has no gradient")
    }

    func testOtherLossGradientsMatchFiniteDifferences() {
        let softmaxLike: [Float] = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3]
        XCTAssertLessThan(GradientCheck.lossWorstError(.categoricalCrossentropy, predictions: softmaxLike, targets: [0, 1, 0, 1, 0, 0], rows: 2, cols: 3), 1e-3)
        XCTAssertLessThan(GradientCheck.lossWorstError(.sparseCategoricalCrossentropy, predictions: softmaxLike, targets: [1, 0], rows: 2, cols: 3), 1e-3)
        XCTAssertLessThan(GradientCheck.lossWorstError(.meanSquaredError, predictions: predictions, targets: [0, 1, 2, -1, 0.5, 0], rows: 3, cols: 2), 1e-3)
    }

    func testUnknownLossSuggestsTheClosestName() {
        XCTAssertThrowsError(try Loss.named("binary_crossentopy")) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'binary_crossentropy'?"), "\(error)")
        }
    }
}
