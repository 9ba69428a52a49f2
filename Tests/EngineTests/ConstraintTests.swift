import XCTest
import Tensor
@testable import Engine

final class ConstraintTests: XCTestCase {
    private func columnNorms(_ w: [Float], rows: Int, columns: Int) -> [Float] {
        (0..<columns).map { c in (0..<rows).map { w[$0 * columns + c] * w[$0 * columns + c] }.reduce(0, +).squareRoot() }
    }

    func testMaxNormShrinksOnlyColumnsAboveTheLimit() {
        // Columns with norms 5 and 0.5.
        var w: [Float] = [3, 0.3, 4, 0.4]
        Constraint.maxNorm(maxValue: 2).apply(to: &w, shape: [2, 2])
        let norms = columnNorms(w, rows: 2, columns: 2)
        XCTAssertEqual(norms[0], 2, accuracy: 1e-5)
        XCTAssertEqual(norms[1], 0.5, accuracy: 1e-5)
    }

    func testUnitNormAndNonNeg() {
        var w: [Float] = [3, -1, 4, 2]
        Constraint.unitNorm.apply(to: &w, shape: [2, 2])
        for norm in columnNorms(w, rows: 2, columns: 2) { XCTAssertEqual(norm, 1, accuracy: 1e-5) }
        var v: [Float] = [-1, 2, -0.5, 0]
        Constraint.nonNeg.apply(to: &v, shape: [4])
        XCTAssertEqual(v, [0, 2, 0, 0])
    }

    func testMinMaxNormPullsNormsIntoRange() {
        var w: [Float] = [0.3, 6, 0.4, 8]
        Constraint.minMaxNorm(minValue: 1, maxValue: 2, rate: 1).apply(to: &w, shape: [2, 2])
        let norms = columnNorms(w, rows: 2, columns: 2)
        XCTAssertEqual(norms[0], 1, accuracy: 1e-5)
        XCTAssertEqual(norms[1], 2, accuracy: 1e-5)
    }

    func testTrainingKeepsAConstrainedKernelWithinItsNorm() throws {
        let (train, _) = MoonsExperiment.data()
        let model = Sequential(seed: 3)
        try model.add(Dense(units: 8, activation: "relu", inputDim: 2, kernelConstraint: .maxNorm(maxValue: 0.5)))
        try model.add(Dense(units: 1, activation: "sigmoid", kernelConstraint: try Constraint.named("non_neg")))
        try model.compile(loss: "binary_crossentropy", optimizer: Adam(learningRate: 0.1), metrics: [])
        _ = try model.fit(x: train.0, y: train.1, epochs: 20, verbose: 0, log: { _ in })
        let weights = model.getWeights()
        for norm in columnNorms(weights[0], rows: 2, columns: 8) { XCTAssertLessThanOrEqual(norm, 0.5 + 1e-5) }
        XCTAssertTrue(weights[2].allSatisfy { $0 >= 0 })
        XCTAssertThrowsError(try Constraint.named("maxnorm")) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'max_norm'?"), "\(error)")
        }
    }
}
