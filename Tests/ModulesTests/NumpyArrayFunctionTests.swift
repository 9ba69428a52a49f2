import XCTest
import Modules
import Script

/// `np.roll`, `flip`, `rot90`, `tile`, `repeat`, `pad`, `sort`, `argsort`, `tensordot`,
/// `einsum`, `polyfit` and `polyval` against NumPy's results and errors.
final class NumpyArrayFunctionTests: XCTestCase {
    func testRearrangementsGiveNumPysArraysAndErrors() {
        NumpyFixtureHarness.check(NumpyShapeFixtures.cases, tolerance: NumpyShapeFixtures.tolerance)
    }

    func testSortAndArgsortWorkAlongAnAxisAsNumPyDoes() {
        NumpyFixtureHarness.check(NumpySortFixtures.cases, tolerance: NumpySortFixtures.tolerance)
    }

    func testTensordotAndEinsumGiveNumPysSums() {
        NumpyFixtureHarness.check(NumpyContractionFixtures.cases, tolerance: NumpyContractionFixtures.tolerance)
    }

    func testPolyfitAndPolyvalGiveNumPysCoefficients() {
        NumpyFixtureHarness.check(NumpyPolynomialFixtures.cases, tolerance: NumpyPolynomialFixtures.tolerance)
    }
}

/// Sizes and indices a lesson controls never trap: absurd requests are Python exceptions.
final class NumpyArrayFunctionLimitTests: XCTestCase {
    private func kind(of source: String) -> String? {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        do {
            _ = try interpreter.run("import numpy as np\n" + source, file: "t.md", firstLine: 1)
            return nil
        } catch let error as ScriptError {
            return error.kind
        } catch {
            return "\(error)"
        }
    }

    func testHugeResultsRaiseMemoryError() {
        for source in [
            "np.tile([1, 2], 10**12)", "np.tile(np.zeros((0, 2)), (1, 10**12))", "np.repeat([1], 10**15)",
            "np.pad([1], 10**12)", "np.pad(np.zeros((0, 2)), ((0, 0), (10**12, 0)))", "np.random.gamma(1.0, size=10**12)",
            "np.random.poisson([1.0, 2.0], size=(10**12, 2))", "np.random.dirichlet([1.0, 2.0], 10**12)",
            "np.linalg.svd(np.zeros((10**5, 2)))", "np.einsum('i,j->ij', np.ones(10**5), np.ones(10**5))",
            "np.polyfit([1.0, 2.0], [1.0, 2.0], 9223372036854775807)", "np.flip(np.zeros((0, 10**12)))",
            "np.sort(np.zeros((0, 10**12)))", "np.tensordot(np.ones((10**5, 1)), np.ones((1, 10**5)), axes=1)",
        ] {
            XCTAssertEqual(kind(of: source), "MemoryError", source)
        }
    }

    func testExtremeAxesAndShiftsRaiseInsteadOfTrapping() {
        XCTAssertEqual(kind(of: "np.rot90(np.ones((2, 2)), axes=(-9223372036854775807 - 1, 9223372036854775807))"), "ValueError")
        XCTAssertEqual(kind(of: "np.roll([1, 2, 3], axis=-9223372036854775807 - 1, shift=1)"), "AxisError")
        XCTAssertNil(kind(of: "np.roll([1, 2, 3], 9223372036854775807)"))
        XCTAssertEqual(kind(of: "np.tensordot(np.ones(2), np.ones(2), axes=9223372036854775807)"), "ValueError")
    }
}
