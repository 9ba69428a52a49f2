import Foundation
import XCTest
@testable import Tensor

/// Reference values were drawn once from real NumPy (legacy `np.random`) and stored in Fixtures.
final class NumPyRandomStateTests: XCTestCase {
    private struct Reference: Decodable {
        let rand: [Double]
        let randn: [Double]
        let shuffleArange10: [Int]
        let permutation10: [Int]
        let randint0to10: [Int]
        let randintMinus5to1000: [Int]
        let uniformMinus1to2: [Double]
        let normal3scale0_5: [Double]
        let seed0rand: [Double]
        let seedMaxRand: [Double]
        let shuffleArange1000First20: [Int]
        let randnAfterReseed: [Double]
    }

    private func reference() throws -> Reference {
        let url = try XCTUnwrap(Bundle.module.url(
            forResource: "numpy_random_state", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    func testRandomSampleMatchesNumPyRandForSeedOne() throws {
        let state = NumPyRandomState(seed: 1)
        XCTAssertEqual(state.rand(10), try reference().rand)
    }

    func testOtherSeedsMatchNumPy() throws {
        let ref = try reference()
        XCTAssertEqual(NumPyRandomState(seed: 0).rand(3), ref.seed0rand)
        XCTAssertEqual(NumPyRandomState(seed: UInt32.max).rand(3), ref.seedMaxRand)
    }

    func testGaussMatchesNumPyRandnIncludingTheCachedSecondValue() throws {
        let state = NumPyRandomState(seed: 1)
        XCTAssertEqual(state.randn(7), try reference().randn)
    }

    func testReseedingForgetsTheCachedGaussian() throws {
        let state = NumPyRandomState(seed: 1)
        _ = state.gauss()
        state.seed(1)
        XCTAssertEqual(state.randn(2), try reference().randnAfterReseed)
    }

    func testShuffleOfArangeTenMatchesNumPy() throws {
        let state = NumPyRandomState(seed: 1)
        var values = Array(0..<10)
        state.shuffle(&values)
        XCTAssertEqual(values, try reference().shuffleArange10)
    }

    func testShuffleOfALongerArrayMatchesNumPy() throws {
        let state = NumPyRandomState(seed: 1)
        var values = Array(0..<1000)
        state.shuffle(&values)
        XCTAssertEqual(Array(values.prefix(20)), try reference().shuffleArange1000First20)
    }

    func testPermutationMatchesNumPy() throws {
        XCTAssertEqual(NumPyRandomState(seed: 1).permutation(10), try reference().permutation10)
    }

    func testRandintMatchesNumPyScalarCalls() throws {
        let ref = try reference()
        let state = NumPyRandomState(seed: 1)
        XCTAssertEqual((0..<12).map { _ in state.randint(low: 0, high: 10) }, ref.randint0to10)
        state.seed(1)
        XCTAssertEqual((0..<12).map { _ in state.randint(low: -5, high: 1000) }, ref.randintMinus5to1000)
    }

    func testUniformAndNormalMatchNumPy() throws {
        let ref = try reference()
        let state = NumPyRandomState(seed: 1)
        XCTAssertEqual((0..<5).map { _ in state.uniform(low: -1, high: 2) }, ref.uniformMinus1to2)
        state.seed(1)
        XCTAssertEqual((0..<5).map { _ in state.normal(loc: 3, scale: 0.5) }, ref.normal3scale0_5)
    }

    func testRandomIntervalStaysWithinItsBound() {
        let state = NumPyRandomState(seed: 5)
        for bound in [0, 1, 2, 7, 1 << 40] as [UInt64] {
            for _ in 0..<50 { XCTAssertLessThanOrEqual(state.randomInterval(bound), bound) }
        }
    }
}
