import XCTest
@testable import Tensor

/// The LAPACK wrapper on its own: row-major in and out, failures as values.
final class LAPACKTests: XCTestCase {
    func testSolveReadsRowMajorMatrices() throws {
        // [[3, 1], [1, 2]] x = [9, 8] has x = [2, 3]; a column-major mix-up would give another answer.
        let x = try LAPACK.solve([3, 1, 1, 2], n: 2, [9, 8], columns: 1)
        XCTAssertEqual(x[0], 2, accuracy: 1e-12)
        XCTAssertEqual(x[1], 3, accuracy: 1e-12)
        let y = try LAPACK.solve([1, 2, 0, 1], n: 2, [5, 1], columns: 1)
        XCTAssertEqual(y, [3, 1])
    }

    func testSingularMatricesAreReportedNotTrapped() {
        XCTAssertThrowsError(try LAPACK.solve([1, 2, 2, 4], n: 2, [1, 0, 0, 1], columns: 2)) { e in
            XCTAssertEqual(e as? LAPACK.Failure, .singular)
        }
        let (sign, logAbs) = (try? LAPACK.signAndLogDeterminant([1, 2, 2, 4], n: 2)) ?? (1, 0)
        XCTAssertEqual(sign, 0)
        XCTAssertEqual(logAbs, -.infinity)
    }

    func testDeterminantSignCountsPivotsAndNegativeDiagonals() throws {
        let (sign, logAbs) = try LAPACK.signAndLogDeterminant([0, 1, 1, 0], n: 2)
        XCTAssertEqual(sign, -1)
        XCTAssertEqual(logAbs, 0)
    }

    func testSVDReconstructsARectangularMatrix() throws {
        let a: [Double] = [1, 2, 3, 4, 5, 6]  // 3×2
        let r = try LAPACK.svd(a, rows: 3, columns: 2, full: false, vectors: true)
        XCTAssertEqual(r.s.count, 2)
        for i in 0..<3 {
            for j in 0..<2 {
                let v = (0..<2).reduce(0.0) { $0 + r.u[i * 2 + $1] * r.s[$1] * r.vt[$1 * 2 + j] }
                XCTAssertEqual(v, a[i * 2 + j], accuracy: 1e-12)
            }
        }
    }

    func testSymmetricEigenReadsTheNamedTriangle() throws {
        // Only the chosen triangle counts: [[1, 9], [2, 3]] is [[1, 2], [2, 3]] by its lower triangle.
        let lower = try LAPACK.symmetricEigen([1, 9, 2, 3], n: 2, vectors: false, lower: true).values
        let upper = try LAPACK.symmetricEigen([1, 9, 2, 3], n: 2, vectors: false, lower: false).values
        XCTAssertEqual(lower[0] + lower[1], 4, accuracy: 1e-12)
        XCTAssertEqual(lower[0] * lower[1], -1, accuracy: 1e-12)
        XCTAssertEqual(upper[0] * upper[1], 3 - 81, accuracy: 1e-12)
    }
}
