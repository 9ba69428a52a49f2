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

    func testNormWithoutAxisFollowsBLASDotBitForBit() {
        NumpyFixtureHarness.check(NumpyNormExactFixtures.cases, tolerance: NumpyNormExactFixtures.tolerance)
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

/// linalg's results are NumPy's named tuples: unpacked, indexed, read by field name and shown as NumPy shows them.
final class NumpyLinalgResultTests: XCTestCase {
    func testNamedResultsUnpackIndexAndShowAsNumPy() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
            import numpy as np
            r = np.linalg.eigh(np.array([[2.0, 0.0], [0.0, 1.0]]))
            w, v = r
            print(len(r), r.eigenvalues, r[0], r[-1].shape, w.shape)
            print(repr(r))
            s = np.linalg.svd(np.eye(2))
            print(s.S, s.U.shape, s.Vh.shape)
            print(np.linalg.slogdet([[1.0, 2.0], [3.0, 4.0]]).sign)
            """, file: "t.md", firstLine: 1)
        // NumPy 2.4 printed these lines for the same program.
        XCTAssertEqual(out, """
            2 [1. 2.] [1. 2.] (2, 2) (2,)
            EighResult(eigenvalues=array([1., 2.]), eigenvectors=array([[0., 1.],
                   [1., 0.]]))
            [1. 1.] (2, 2) (2, 2)
            -1.0

            """)
    }
}
