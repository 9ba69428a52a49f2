import XCTest
import Modules
import Script

/// `range(...)` where an array is expected, as tutorials write `pyplot.plot(range(1, 31), losses)`.
final class IterableArgumentTests: XCTestCase {
    private func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "t.md")
    }

    func testRangesBecomeArrays() throws {
        let out = try run("""
        import numpy as np
        from matplotlib import pyplot
        print(np.array(range(5)), np.array([range(2), range(2)]).shape, np.mean(range(1, 4)))
        pyplot.plot(range(1, 4), [1, 4, 9])
        print('plotted')
        """)
        XCTAssertEqual(out, "[0 1 2 3 4] (2, 2) 2.0\nplotted\n")
        XCTAssertThrowsError(try run("import numpy as np\nnp.array(len)")) { error in
            XCTAssertTrue("\(error)".contains("array expects numbers"), "\(error)")
        }
    }
}

/// Inputs the fuzzer found crashing the process, kept as errors they must stay.
final class FuzzFoundCrashTests: XCTestCase {
    private func error(_ source: String) -> String? {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        interpreter.output = { _ in }
        do { _ = try interpreter.run(source, file: "t.md", firstLine: 1); return nil } catch { return "\(error)" }
    }

    func testHugeOrNonPositiveHistogramBinCountsAreErrors() {
        // Found 2026-11-23 (seed 20261123): bins=6**23 tried to allocate 10^18 bytes.
        XCTAssertTrue(error("import matplotlib.pyplot as plt\nplt.hist([1, 2, 3], bins=6**23)")?.contains("MemoryError") ?? false)
        XCTAssertTrue(error("import matplotlib.pyplot as plt\nplt.hist([1, 2, 3], bins=0)")?.contains("must be positive") ?? false)
        XCTAssertNil(error("import matplotlib.pyplot as plt\nplt.hist([1, 2, 3], bins=3)"))
    }
}

/// percentile, eye, stack, matmul: outputs as NumPy 2.4 printed them for the same calls.
final class NumpyAdditionsTests: XCTestCase {
    func testPrintsAsNumPyDoes() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
        import numpy as np
        print(np.percentile([1, 2, 3, 4], 25), np.percentile([[1, 5], [3, 7]], [50, 90], axis=0), np.eye(3, k=1), np.stack([[1, 2], [3, 4]], axis=-1), np.matmul([[1, 2]], [[3], [4]]))
        print(np.stack([np.zeros(2), np.ones(2)]))
        """, file: "t.md", firstLine: 1)
        XCTAssertEqual(out, """
        1.75 [[2.  6. ]
         [2.8 6.8]] [[0. 1. 0.]
         [0. 0. 1.]
         [0. 0. 0.]] [[1 3]
         [2 4]] [[11]]
        [[0. 0.]
         [1. 1.]]

        """)
    }
}
