import XCTest
import Modules
import Script

/// `a.transpose(axes)`, `np.transpose`, `np.swapaxes`, `np.diag`, `np.outer`, `np.column_stack`:
/// the expected lines are what NumPy 2.4 printed for the same script.
final class NumpyAxisFunctionTests: XCTestCase {
    func testAxisFunctionsPrintWhatNumPyPrints() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
        import numpy as np
        a = np.arange(24).reshape(2, 3, 4)
        print(a.transpose(0, 2, 1).tolist())
        print(a.transpose((2, 0, 1)).shape, np.transpose(a).shape, np.transpose(a, (1, 0, 2))[1].tolist())
        print(np.swapaxes(a, 0, 2).shape, np.swapaxes(a, -1, 1)[0].tolist())
        print(np.diag([1, 2, 3]).tolist(), np.diag([1, 2], k=1).tolist(), np.diag([1, 2], k=-1).tolist())
        m = np.arange(12).reshape(3, 4)
        print(np.diag(m).tolist(), np.diag(m, 1).tolist(), np.diag(m, -2).tolist())
        print(np.outer([1, 2], [3, 4, 5]).tolist(), np.outer([1.5], [2]).tolist())
        print(np.column_stack(([1, 2], [3, 4])).tolist(), np.column_stack((np.ones((2, 2)), [7, 8])).tolist())
        """, file: "a.md", firstLine: 1)
        XCTAssertEqual(out, """
        [[[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]], [[12, 16, 20], [13, 17, 21], [14, 18, 22], [15, 19, 23]]]
        (4, 2, 3) (4, 3, 2) [[4, 5, 6, 7], [16, 17, 18, 19]]
        (4, 3, 2) [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]
        [[1, 0, 0], [0, 2, 0], [0, 0, 3]] [[0, 1, 0], [0, 0, 2], [0, 0, 0]] [[0, 0, 0], [1, 0, 0], [0, 2, 0]]
        [0, 5, 10] [1, 6, 11] [8]
        [[3, 4, 5], [6, 8, 10]] [[3.0]]
        [[1, 3], [2, 4]] [[1.0, 1.0, 7.0], [1.0, 1.0, 8.0]]

        """)
        XCTAssertThrowsError(try interpreter.run("a.transpose(0, 0, 1)", file: "a.md", firstLine: 1)) { error in
            XCTAssertTrue("\(error)".contains("ValueError: repeated axis in transpose"), "\(error)")
        }
    }

    func testNewAxisAndPairedIntegerArraysIndexAsNumPyDoes() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
        import numpy as np
        a = np.arange(12).reshape(3, 4)
        print(a[:, None].shape, a[None].shape, a[None, :, None].shape, a[1, None].tolist(), a[:, np.newaxis, 1].tolist())
        v = np.arange(3)
        print((v[:, None] - v[None, :]).tolist())
        p = np.arange(12).reshape(4, 3) / 10
        y = np.array([0, 2, 1, 2])
        print(p[np.arange(4), y].tolist(), p[[0, 1], [2, 2]].tolist())
        b = np.arange(24).reshape(2, 3, 4)
        print(b[[0, 1], [1, 2]].tolist(), b[:, [0, 2], [1, 3]].tolist())
        """, file: "i.md", firstLine: 1)
        XCTAssertEqual(out, """
        (3, 1, 4) (1, 3, 4) (1, 3, 1, 4) [[4, 5, 6, 7]] [[1], [5], [9]]
        [[0, -1, -2], [1, 0, -1], [2, 1, 0]]
        [0.0, 0.5, 0.7, 1.1] [0.2, 0.5]
        [[4, 5, 6, 7], [20, 21, 22, 23]] [[1, 11], [13, 23]]

        """)
        XCTAssertThrowsError(try interpreter.run("p[[0, 1], [0, 1, 2]]", file: "i.md", firstLine: 1)) { error in
            XCTAssertTrue("\(error)".contains("IndexError: shape mismatch"), "\(error)")
        }
    }

    func testRandomStateDrawsNumPysNumbersFromItsOwnGenerator() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
        import numpy as np
        np.random.seed(0)
        rs = np.random.RandomState(42)
        print(rs.rand(3).tolist(), rs.randn(2).tolist())
        print(rs.randint(0, 10, size=5).tolist(), rs.normal(0, 1, 2).tolist(), rs.beta(2, 2, 3).tolist(), rs.permutation(5).tolist())
        print(np.random.rand(2).tolist())
        """, file: "r.md", firstLine: 1)
        // NumPy 2.4's output for the same script: the global stream is untouched by rs.
        XCTAssertEqual(out, """
        [0.3745401188473625, 0.9507143064099162, 0.7319939418114051] [-1.1118801180469204, 0.31890218468938336]
        [2, 6, 7, 4, 3] [0.3925797504024593, -0.9291846669305591] [0.5467099928032805, 0.5910485018606477, 0.6964179356901024] [1, 3, 4, 2, 0]
        [0.5488135039273248, 0.7151893663724195]

        """)
    }

    func testNonzeroBincountAndSetdiffGiveNumPysArrays() throws {
        let out = try lessonOutput("""
        import numpy as np
        a = np.array([[0, 3, 0], [4, 0, 5]])
        r, c = np.nonzero(a)
        print(r.tolist(), c.tolist(), np.nonzero([0, 2, 0, 1])[0].tolist(), np.flatnonzero(a).tolist())
        print(np.bincount([0, 1, 1, 3]).tolist(), np.bincount([2, 2], minlength=5).tolist(), np.bincount([0, 1, 1], weights=[0.5, 1.0, 2.0]).tolist())
        print(np.setdiff1d([5, 1, 3, 3, 9], [3, 4]).tolist(), np.setdiff1d(np.arange(6), [0, 5]).tolist())
        """)
        // NumPy 2.4's output for the same script.
        XCTAssertEqual(out, """
        [0, 1, 1] [1, 0, 2] [1, 3] [1, 3, 5]
        [1, 2, 0, 1] [0, 0, 2, 0, 0] [0.5, 3.0]
        [1, 5, 9] [1, 2, 3, 4]

        """)
        XCTAssertThrowsError(try lessonOutput("import numpy as np\nnp.bincount([1, -1])")) { error in
            XCTAssertTrue("\(error)".contains("ValueError: 'list' argument must have no negative elements"), "\(error)")
        }
        XCTAssertThrowsError(try lessonOutput("import numpy as np\nnp.bincount([10**18])")) { error in
            XCTAssertTrue("\(error)".contains("MemoryError"), "\(error)")
        }
    }
}
