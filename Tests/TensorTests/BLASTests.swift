import XCTest
@testable import Tensor

final class BLASTests: XCTestCase {
    func testSgemmMultipliesRowMajorMatricesWithAndWithoutTransposes() {
        // A is 2x3, B is 3x2.
        let a: [Float] = [1, 2, 3, 4, 5, 6]
        let b: [Float] = [7, 8, 9, 10, 11, 12]
        var c = [Float](repeating: 1, count: 4)
        BLAS.sgemm(transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, a: a, lda: 3, b: b, ldb: 2, beta: 0, c: &c, ldc: 2)
        XCTAssertEqual(c, [58, 64, 139, 154])
        // Aᵀ (3x2 stored as 2x3) times A (2x3) = 3x3, then accumulate with beta = 1.
        var d = [Float](repeating: 1, count: 9)
        BLAS.sgemm(transA: true, transB: false, m: 3, n: 3, k: 2, alpha: 1, a: a, lda: 3, b: a, ldb: 3, beta: 1, c: &d, ldc: 3)
        XCTAssertEqual(d, [18, 23, 28, 23, 30, 37, 28, 37, 46])
        // A times Aᵀ = 2x2.
        var e = [Float](repeating: 0, count: 4)
        BLAS.sgemm(transA: false, transB: true, m: 2, n: 2, k: 3, alpha: 2, a: a, lda: 3, b: a, ldb: 3, beta: 0, c: &e, ldc: 2)
        XCTAssertEqual(e, [28, 64, 64, 154])
    }

    func testTensorCountsRowsAndColumns() {
        let t = Tensor(zeros: [4, 2, 3])
        XCTAssertEqual(t.count, 24)
        XCTAssertEqual(t.rows, 4)
        XCTAssertEqual(t.cols, 6)
        XCTAssertTrue(t.isConsistent)
    }
}
