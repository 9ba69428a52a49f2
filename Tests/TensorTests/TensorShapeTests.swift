import XCTest
@testable import Tensor

final class TensorShapeTests: XCTestCase {
    func testReshapeInfersOneAxis() throws {
        let t = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try t.reshaped([3, -1]).shape, [3, 2])
        XCTAssertThrowsError(try t.reshaped([4, -1]))
        XCTAssertThrowsError(try t.reshaped([-1, -1]))
    }

    func testTransposeAndMatmul() throws {
        let a = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(try a.transposed().data, [1, 4, 2, 5, 3, 6])
        let product = try a.matmul(a.transposed())
        XCTAssertEqual(product.shape, [2, 2])
        XCTAssertEqual(product.data, [14, 32, 32, 77])
        XCTAssertThrowsError(try a.matmul(a)) { error in
            XCTAssertTrue("\(error)".contains("mismatch"), "\(error)")
        }
    }

    func testRowsSlicesTheFirstAxis() {
        let t = Tensor(shape: [3, 2], data: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(t.rows(1..<3), Tensor(shape: [2, 2], data: [3, 4, 5, 6]))
        XCTAssertEqual(t.rows(2..<9).shape, [1, 2])
    }
}
