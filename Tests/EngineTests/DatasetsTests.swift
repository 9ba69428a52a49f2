import Foundation
import XCTest
import Engine
import Tensor

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

    private struct BlobsCase: Decodable {
        let nSamples, centers, nFeatures: Int
        let clusterStd: Double
        let randomState: UInt32
        let shuffle: Bool
        let x: [Double]
        let y: [Int]
        let centerValues: [Double]
    }

    func testMakeBlobsIsBitExactWithScikitLearn() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "make_blobs", withExtension: "json", subdirectory: "Fixtures"))
        for c in try JSONDecoder().decode([BlobsCase].self, from: Data(contentsOf: url)) {
            let (x, y, centers) = try Datasets.makeBlobs(
                nSamples: c.nSamples, centers: c.centers, nFeatures: c.nFeatures, clusterStd: c.clusterStd,
                shuffle: c.shuffle, random: NumPyRandomState(seed: c.randomState))
            XCTAssertEqual(centers, c.centerValues, "centers, random_state=\(c.randomState)")
            XCTAssertEqual(y, c.y, "labels, random_state=\(c.randomState)")
            XCTAssertEqual(x, c.x, "points, random_state=\(c.randomState)")
        }
    }

    private struct SplitCase: Decodable {
        let nSamples: Int
        let testSize: Double
        let trainSize: Double?
        let randomState: UInt32?
        let shuffle: Bool
        let train: [Int]
        let test: [Int]
    }

    func testTrainTestSplitPicksTheSameRowsAsScikitLearn() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "train_test_split", withExtension: "json", subdirectory: "Fixtures"))
        for c in try JSONDecoder().decode([SplitCase].self, from: Data(contentsOf: url)) {
            // sklearn reads a size of 1 or more as a count, below 1 as a fraction.
            let test: Datasets.SplitSize = c.testSize >= 1 ? .count(Int(c.testSize)) : .fraction(c.testSize)
            let train = c.trainSize.map { Datasets.SplitSize.fraction($0) }
            let (trainRows, testRows) = try Datasets.trainTestSplitIndices(
                nSamples: c.nSamples, testSize: test, trainSize: train, shuffle: c.shuffle,
                random: NumPyRandomState(seed: c.randomState ?? 0))
            XCTAssertEqual(trainRows, c.train, "n=\(c.nSamples) test_size=\(c.testSize)")
            XCTAssertEqual(testRows, c.test, "n=\(c.nSamples) test_size=\(c.testSize)")
        }
        XCTAssertThrowsError(try Datasets.trainTestSplitIndices(nSamples: 10, testSize: .fraction(1.5), random: NumPyRandomState(seed: 0)))
    }

    func testGeneratorsCanShareOneRandomStateLikeNumPysGlobal() throws {
        let shared = NumPyRandomState(seed: 3)
        let first = Datasets.makeMoons(nSamples: 10, noise: 0.1, random: shared)
        let second = Datasets.makeMoons(nSamples: 10, noise: 0.1, random: shared)
        XCTAssertNotEqual(first.x, second.x)
        XCTAssertEqual(first.x, Datasets.makeMoons(nSamples: 10, noise: 0.1, randomState: 3).x)
    }
}
