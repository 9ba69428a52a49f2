import XCTest
import Modules
import Script

/// Reference outputs printed by scikit-learn 1.9 and NumPy 2.4 for the same calls.
final class SklearnModuleTests: XCTestCase {
    func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        do { _ = try interpreter.run(source, file: "s.md", firstLine: 1) } catch { XCTFail("\(error)", file: file, line: line) }
        return out
    }

    func testGeneratorsMatchScikitLearn() {
        XCTAssertEqual(run("from sklearn.datasets import make_circles\nX, y = make_circles(n_samples=10, noise=0.1, random_state=1)\nprint(X[0], y)"),
                       "[-0.65074176  0.48327057] [0 1 1 0 0 0 0 1 1 1]\n")
        XCTAssertEqual(run("from sklearn.datasets import make_blobs\nX, y = make_blobs(n_samples=6, centers=2, random_state=2)\nprint(X[0], y)"),
                       "[1.5447036  0.99865587] [1 1 0 1 0 0]\n")
        XCTAssertEqual(run("from sklearn.datasets import make_regression\nX, y = make_regression(n_samples=1000, n_features=20, noise=0.1, random_state=1)\nprint(X[0, :3], y[:3])"),
                       "[ 0.58372668  0.78593639 -0.17187155] [ 283.43826532  103.36498179 -182.49159203]\n")
    }

    func testTrainTestSplitMatchesScikitLearn() {
        XCTAssertEqual(run("import numpy as np\nfrom sklearn.model_selection import train_test_split\ntr, te = train_test_split(np.arange(10), test_size=0.3, random_state=1)\nprint(tr, te)"),
                       "[4 0 3 1 7 8 5] [2 9 6]\n")
    }

    func testScalersLearnAndApplyColumnStatistics() {
        XCTAssertEqual(run("""
        import numpy as np
        from sklearn.preprocessing import StandardScaler, MinMaxScaler
        s = StandardScaler().fit(np.array([[1., 2.], [3., 6.], [5., 10.]]))
        print(s.mean_, s.scale_, s.transform(np.array([[3., 2.]])))
        m = MinMaxScaler(feature_range=(-1, 1))
        t = m.fit_transform(np.array([[1.], [2.], [5.]]))
        print(t[:, 0], m.inverse_transform(t)[:, 0])
        """), "[3. 6.] [1.63299316 3.26598632] [[ 0.         -1.22474487]]\n[-1.  -0.5  1. ] [1. 2. 5.]\n")
    }

    func testScalersRejectOneDimensionalInputWithScikitLearnsAdvice() {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        XCTAssertThrowsError(try interpreter.run("import numpy as np\nfrom sklearn.preprocessing import StandardScaler\nStandardScaler().fit_transform(np.arange(3.))",
                                                 file: "s.md", firstLine: 1)) { e in
            XCTAssertTrue("\(e)".contains("Expected 2D array, got 1D array instead"), "\(e)")
        }
    }
}

/// Python's own `random` and `math`, checked against CPython 3.11's output.
final class StdlibModuleTests: XCTestCase {
    func testRandomMatchesCPython() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
        import random, math
        random.seed(1)
        print(random.random(), random.randint(1, 10), random.gauss(0, 1), random.choice([5, 6, 7]))
        l = list(range(6))
        random.shuffle(l)
        print(l, math.floor(-2.5), math.sqrt(2))
        """, file: "r.md", firstLine: 1)
        XCTAssertEqual(out, "0.13436424411240122 2 -0.03724711554723822 6\n[2, 4, 0, 1, 5, 3] -3 1.4142135623730951\n")
    }

    func testALayerAppliedToDataReturnsATensorAndDropoutOnlyActsWhenTraining() throws {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        _ = try interpreter.run("""
        import tensorflow as tf
        import numpy as np
        layer = tf.keras.layers.Dropout(.5)
        data = np.ones((4, 3), dtype=np.float32)
        kept = layer(data, training=True)
        print(sorted(set(kept.flatten().tolist())), layer(data).sum())
        """, file: "d.md", firstLine: 1)
        XCTAssertEqual(out, "[0.0, 2.0] 12.0\n")
    }
}
