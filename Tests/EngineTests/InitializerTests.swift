import XCTest
import Tensor
@testable import Engine

final class InitializerTests: XCTestCase {
    private func draw(_ name: String, shape: [Int] = [50, 40]) throws -> [Float] {
        var random = RandomGenerator(seed: 13)
        return try Initializer.named(name).values(shape: shape, random: &random)
    }

    func testGlorotUniformStaysWithinItsLimit() throws {
        let limit = Float((6.0 / 90.0).squareRoot())
        let values = try draw("glorot_uniform")
        XCTAssertTrue(values.allSatisfy { abs($0) <= limit })
        XCTAssertGreaterThan(values.map(abs).max() ?? 0, limit * 0.95)
    }

    func testHeUniformUsesFanIn() throws {
        let limit = Float((6.0 / 50.0).squareRoot())
        let values = try draw("he_uniform")
        XCTAssertTrue(values.allSatisfy { abs($0) <= limit })
        XCTAssertGreaterThan(values.map(abs).max() ?? 0, limit * 0.95)
    }

    func testNormalFamiliesHaveTheIntendedSpread() throws {
        func spread(_ values: [Float]) -> Double {
            (values.map { Double($0) * Double($0) }.reduce(0, +) / Double(values.count)).squareRoot()
        }
        XCTAssertEqual(spread(try draw("he_normal", shape: [200, 100])), (2.0 / 200).squareRoot(), accuracy: 0.005)
        XCTAssertEqual(spread(try draw("glorot_normal", shape: [200, 100])), (2.0 / 300).squareRoot(), accuracy: 0.005)
        XCTAssertEqual(spread(try draw("random_normal", shape: [200, 100])), 0.05, accuracy: 0.002)
    }

    func testFixedInitializersUseKerasDefaults() throws {
        XCTAssertTrue(try draw("zeros").allSatisfy { $0 == 0 })
        XCTAssertTrue(try draw("ones").allSatisfy { $0 == 1 })
        XCTAssertTrue(try draw("RandomUniform").allSatisfy { abs($0) <= 0.05 })
        XCTAssertTrue(try draw("truncated_normal").allSatisfy { abs($0) <= 0.1 })
    }

    func testDenseAcceptsAKernelInitializerName() throws {
        let model = Sequential(seed: 2)
        try model.add(Dense(units: 3, inputDim: 2, kernelInitializer: "ones", biasInitializer: "ones"))
        XCTAssertEqual(model.getWeights(), [[1, 1, 1, 1, 1, 1], [1, 1, 1]])
        XCTAssertThrowsError(try Dense(units: 3, kernelInitializer: "he_unifrom")) { error in
            XCTAssertTrue("\(error)".contains("Did you mean 'he_uniform'?"), "\(error)")
        }
    }
}
