import XCTest
@testable import Tensor

final class RandomGeneratorTests: XCTestCase {
    func testSameSeedGivesTheSameStream() {
        var a = RandomGenerator(seed: 42)
        var b = RandomGenerator(seed: 42)
        XCTAssertEqual((0..<100).map { _ in a.next() }, (0..<100).map { _ in b.next() })
    }

    func testSplitStreamsDifferFromTheParent() {
        var parent = RandomGenerator(seed: 7)
        var child = parent.split()
        XCTAssertNotEqual((0..<8).map { _ in parent.next() }, (0..<8).map { _ in child.next() })
    }

    func testUniformDrawsStayInTheirRange() {
        var g = RandomGenerator(seed: 1)
        for _ in 0..<10_000 {
            let f = g.uniformFloat(low: -2, high: 3)
            XCTAssert(f >= -2 && f < 3)
            XCTAssert((0..<17).contains(g.nextInt(below: 17)))
        }
    }

    func testNormalHasRoughlyZeroMeanAndUnitVariance() {
        var g = RandomGenerator(seed: 3)
        let draws = (0..<20_000).map { _ in g.normal() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
        XCTAssertEqual(mean, 0, accuracy: 0.03)
        XCTAssertEqual(variance, 1, accuracy: 0.05)
    }

    func testTruncatedNormalNeverExceedsTwoStandardDeviations() {
        var g = RandomGenerator(seed: 4)
        for _ in 0..<10_000 { XCTAssertLessThanOrEqual(abs(g.truncatedNormal(mean: 1, stddev: 0.5) - 1), 1.0) }
    }

    func testShuffleIsAPermutation() {
        var g = RandomGenerator(seed: 9)
        var values = Array(0..<50)
        g.shuffle(&values)
        XCTAssertEqual(values.sorted(), Array(0..<50))
        XCTAssertNotEqual(values, Array(0..<50))
    }
}
