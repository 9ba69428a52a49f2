import Foundation
import XCTest
import Engine

/// The reference values were produced once with scikit-learn's make_moons and stored in Fixtures.
final class DatasetsTests: XCTestCase {
    private struct Case: Decodable {
        let nSamples: Int
        let shuffle: Bool
        let noise: Double?
        let randomState: UInt32
        let factor: Double?
        let x: [Double]
        let y: [Int]
    }

    func testMakeMoonsIsBitExactWithScikitLearn() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "make_moons", withExtension: "json", subdirectory: "Fixtures"))
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        XCTAssertFalse(cases.isEmpty)
        for c in cases {
            let (x, y) = Datasets.makeMoons(nSamples: c.nSamples, shuffle: c.shuffle, noise: c.noise, randomState: c.randomState)
            XCTAssertEqual(y, c.y, "labels for n=\(c.nSamples) random_state=\(c.randomState)")
            XCTAssertEqual(x, c.x, "points for n=\(c.nSamples) random_state=\(c.randomState)")
        }
    }

    func testMakeCirclesIsBitExactWithScikitLearn() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "make_circles", withExtension: "json", subdirectory: "Fixtures"))
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        XCTAssertFalse(cases.isEmpty)
        for c in cases {
            let (x, y) = try Datasets.makeCircles(nSamples: c.nSamples, shuffle: c.shuffle, noise: c.noise, randomState: c.randomState, factor: c.factor ?? 0.8)
            XCTAssertEqual(y, c.y, "labels for n=\(c.nSamples) random_state=\(c.randomState)")
            XCTAssertEqual(x, c.x, "points for n=\(c.nSamples) random_state=\(c.randomState)")
        }
        XCTAssertThrowsError(try Datasets.makeCircles(randomState: 0, factor: 1.5))
    }
}
