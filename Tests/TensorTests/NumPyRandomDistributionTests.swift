import Foundation
import XCTest
@testable import Tensor

/// Long runs of NumPy's legacy samplers (`np.random.seed(s)` then `gamma`, `beta`, ...),
/// drawn once from real NumPy and stored in Fixtures/numpy_random_distributions.json.
final class NumPyRandomDistributionTests: XCTestCase {
    private static let reference: [String: [Double]] = {
        guard let url = Bundle.module.url(forResource: "numpy_random_distributions", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let table = try? JSONDecoder().decode([String: [Double]].self, from: data) else { return [:] }
        return table
    }()

    private func assertRun(_ name: String, seed: UInt32, file: StaticString = #filePath, line: UInt = #line,
                           _ draw: (NumPyRandomState) -> Double) throws {
        let expected = try XCTUnwrap(Self.reference[name], "missing fixture \(name)", file: file, line: line)
        let state = NumPyRandomState(seed: seed)
        let got = expected.indices.map { _ in draw(state) }
        let firstDifference = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 && !($0.element.0.isNaN && $0.element.1.isNaN) }
        XCTAssertNil(firstDifference.map { "draw \($0.offset): \($0.element.0) != \($0.element.1)" }, name, file: file, line: line)
    }

    func testGammaMatchesNumPyForShapesBelowAtAndAboveOne() throws {
        try assertRun("gammaHalf", seed: 1) { $0.gamma(shape: 0.5, scale: 1) }
        try assertRun("gammaOne", seed: 2) { $0.gamma(shape: 1.0, scale: 2) }
        try assertRun("gamma2_5scale2", seed: 3) { $0.gamma(shape: 2.5, scale: 2) }
        try assertRun("gammaTiny", seed: 4) { $0.gamma(shape: 0.01, scale: 1) }
        try assertRun("standardGamma7", seed: 5) { $0.standardGamma(7) }
    }

    func testBetaMatchesNumPyInJohnksAndTheGammaRatioBranches() throws {
        try assertRun("betaHalfHalf", seed: 6) { $0.beta(0.5, 0.5) }
        try assertRun("beta2_5", seed: 7) { $0.beta(2, 5) }
        try assertRun("betaHalf3", seed: 8) { $0.beta(0.5, 3) }
        try assertRun("betaTiny", seed: 9) { $0.beta(0.001, 0.002) }
    }

    func testDirichletMatchesNumPy() throws {
        let expected = try XCTUnwrap(Self.reference["dirichlet"])
        let state = NumPyRandomState(seed: 10)
        var out = [Double](repeating: 0, count: expected.count)
        for start in stride(from: 0, to: out.count, by: 3) { state.dirichlet([0.5, 1, 2], into: &out[start..<(start + 3)]) }
        XCTAssertEqual(out, expected)
    }

    func testBinomialMatchesNumPyByInversionAndBTPE() throws {
        try assertRun("binomial10_0_3", seed: 11) { Double($0.binomial(10, 0.3)) }
        try assertRun("binomial20_0_95", seed: 12) { Double($0.binomial(20, 0.95)) }
        try assertRun("binomial100_0_5", seed: 13) { Double($0.binomial(100, 0.5)) }
        try assertRun("binomial1000_0_9", seed: 14) { Double($0.binomial(1000, 0.9)) }
        try assertRun("binomial5000_0_02", seed: 15) { Double($0.binomial(5000, 0.02)) }
        try assertRun("binomial100000_0_4", seed: 16) { Double($0.binomial(100_000, 0.4)) }
    }

    func testPoissonMatchesNumPyByMultiplicationAndPTRS() throws {
        try assertRun("poisson3", seed: 17) { Double($0.poisson(3)) }
        try assertRun("poissonHalf", seed: 18) { Double($0.poisson(0.5)) }
        try assertRun("poisson15", seed: 19) { Double($0.poisson(15)) }
        try assertRun("poisson1000", seed: 20) { Double($0.poisson(1000)) }
    }

    func testExponentialMatchesNumPy() throws {
        try assertRun("exponential2", seed: 21) { 2 * $0.standardExponential() }
    }

    func testInterleavedDrawsShareOneStreamAndTheCachedGaussian() throws {
        var step = 0
        try assertRun("interleaved", seed: 22) { state in
            defer { step += 1 }
            switch step % 6 {
            case 0: return state.gauss()
            case 1: return state.gamma(shape: 3, scale: 1)
            case 2: return Double(state.binomial(50, 0.7))
            case 3: return Double(state.poisson(12))
            case 4: return state.beta(0.7, 0.9)
            default: return state.randomSample()
            }
        }
    }

    func testDegenerateParametersTakeNumPysPaths() {
        // binomial(n, 0) still takes one uniform per draw; poisson(0) takes none.
        let a = NumPyRandomState(seed: 0), b = NumPyRandomState(seed: 0)
        XCTAssertEqual(a.binomial(5, 0), 0)
        XCTAssertEqual(a.binomial(0, 0.5), 0)
        XCTAssertEqual(a.poisson(0), 0)
        _ = b.randomSample(); _ = b.randomSample()
        XCTAssertEqual(a.randomSample(), b.randomSample())
        XCTAssertEqual(NumPyRandomState(seed: 0).standardGamma(0), 0)
    }
}
