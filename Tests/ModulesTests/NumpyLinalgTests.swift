import XCTest
import Modules
import Script

/// `np.linalg` through LAPACK against NumPy's results: eigen-decompositions, SVD, solve,
/// lstsq, inv, det, norm, their stacked forms and NumPy's errors.
final class NumpyLinalgTests: XCTestCase {
    func testLinalgSnippetsGiveNumPysValuesAndErrors() {
        NumpyFixtureHarness.check(NumpyLinalgFixtures.cases, tolerance: NumpyLinalgFixtures.tolerance)
    }

    func testFloat32InputGivesFloat32ResultsCloseToNumPys() {
        NumpyFixtureHarness.check(NumpyLinalgFloat32Fixtures.cases, tolerance: NumpyLinalgFloat32Fixtures.tolerance)
    }

    func testLinAlgErrorIsCaughtAsValueError() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
            import numpy as np
            try:
                np.linalg.inv([[1.0, 2.0], [2.0, 4.0]])
            except ValueError as e:
                print(type(e).__name__, e)
            """, file: "t.md", firstLine: 1)
        XCTAssertEqual(out, "LinAlgError Singular matrix\n")
    }

    func testComplexEigenvaluesAreNamedInNotImplementedError() {
        NumpyFixtureHarness.check([
            NumpyFixtureCase("np.linalg.eig(np.array([[0.0, -1.0], [1.0, 0.0]]))", [.error(
                kind: "NotImplementedError",
                message: "eig: the matrix has complex eigenvalues (0.0+1.0j, 0.0-1.0j), and Lectern's arrays are real")]),
        ], tolerance: 0)
    }
}
