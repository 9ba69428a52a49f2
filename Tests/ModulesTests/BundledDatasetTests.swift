import XCTest
@testable import Modules
import Script

/// scikit-learn's bundled datasets against values read once from scikit-learn 1.9.1 itself:
/// shapes, dtypes, sums, rows, class counts, and an FNV-1a 64 hash of every float64 of the arrays
/// (little-endian bytes), so one differing bit anywhere fails.
final class BundledDatasetTests: XCTestCase {
    func interpreter() -> (Interpreter, () -> String) {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        return (interpreter, { out })
    }

    func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let (i, out) = interpreter()
        do { _ = try i.run(source, file: "s.md", firstLine: 1) } catch { XCTFail("\(error)", file: file, line: line) }
        return out()
    }

    func error(_ source: String) -> String {
        let (i, _) = interpreter()
        do { _ = try i.run(source, file: "s.md", firstLine: 1) } catch { return "\(error)" }
        return "no error"
    }

    func array(_ source: String, _ name: String) throws -> NDArray {
        let (i, _) = interpreter()
        _ = try i.run(source, file: "s.md", firstLine: 1)
        guard case .object(let a as NDArray)? = i.global(name) else { throw ScriptError.type("\(name) is not an array") }
        return a
    }

    static func fnv(_ values: [Double]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for v in values {
            var bits = v.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { for b in $0 { h = (h ^ UInt64(b)) &* 0x100000001b3 } }
        }
        return String(h, radix: 16).leftPadded(to: 16)
    }

    struct Expected {
        var call: String
        var shape: [Int]
        var dataHash: String
        var targetHash: String
        var dataSum: Double
        var targetSum: Double
        var firstRow: [Double]
        var lastRow: [Double]
        var counts: [Int]?
    }

    static let expected: [Expected] = [
        Expected(call: "load_iris()", shape: [150, 4], dataHash: "8749e5d64e26ed9e", targetHash: "159b96962a0fbfc5",
                 dataSum: 2078.7, targetSum: 150, firstRow: [5.1, 3.5, 1.4, 0.2], lastRow: [5.9, 3.0, 5.1, 1.8], counts: [50, 50, 50]),
        Expected(call: "load_wine()", shape: [178, 13], dataHash: "758980da74f883a9", targetHash: "7e8428efde34d4f8",
                 dataSum: 159975.295999, targetSum: 167, firstRow: [14.23, 1.71, 2.43, 15.6, 127.0, 2.8],
                 lastRow: [14.13, 4.1, 2.74, 24.5, 96.0, 2.05], counts: [59, 71, 48]),
        Expected(call: "load_breast_cancer()", shape: [569, 30], dataHash: "13ed122305482eaa", targetHash: "6a29dce8cf527bb8",
                 dataSum: 1056474.4596356, targetSum: 357, firstRow: [17.99, 10.38, 122.8, 1001.0, 0.1184, 0.2776],
                 lastRow: [7.76, 24.54, 47.92, 181.0, 0.05263, 0.04362], counts: [212, 357]),
        Expected(call: "load_diabetes()", shape: [442, 10], dataHash: "39f266a20927c1ab", targetHash: "e3a1179d9ee0b349",
                 dataSum: -6.394884621840902e-14, targetSum: 67243,
                 firstRow: [0.038075906433423026, 0.05068011873981862, 0.061696206518683294, 0.0218723855140367, -0.04422349842444599, -0.03482076283769895],
                 lastRow: [-0.045472477940023646, -0.044641636506989144, -0.07303030271641665, -0.08141314376144114, 0.08374011738825825, 0.027808929520208008],
                 counts: nil),
        Expected(call: "load_diabetes(scaled=False)", shape: [442, 10], dataHash: "a75630fd36c37926", targetHash: "e3a1179d9ee0b349",
                 dataSum: 276404.2336, targetSum: 67243, firstRow: [59.0, 2.0, 32.1, 101.0, 157.0, 93.2], lastRow: [], counts: nil),
        Expected(call: "load_digits()", shape: [1797, 64], dataHash: "2321087e78cbcf52", targetHash: "4e470c0a19977129",
                 dataSum: 561718, targetSum: 8070, firstRow: [0, 0, 5, 13, 9, 1], lastRow: [0, 0, 10, 14, 8, 1],
                 counts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]),
        Expected(call: "load_digits(n_class=3)", shape: [537, 64], dataHash: "298743ef93a0a682", targetHash: "360df62d3780ab25",
                 dataSum: 0, targetSum: 536, firstRow: [0, 0, 5, 13, 9, 1], lastRow: [], counts: [178, 182, 177]),
    ]

    func testEveryLoaderGivesScikitLearnsArraysBitForBit() throws {
        for e in Self.expected {
            let open = e.call.dropLast()
            let loader = open.prefix(while: { $0 != "(" })
            let source = "from sklearn.datasets import \(loader)\nX, y = \(open)\(open.hasSuffix("(") ? "" : ", ")return_X_y=True)"
            let x = try array(source, "X"), y = try array(source, "y")
            XCTAssertEqual(x.shape, e.shape, e.call)
            XCTAssertEqual(x.dtype, .float64, e.call)
            XCTAssertEqual(y.shape, [e.shape[0]], e.call)
            XCTAssertEqual(y.dtype, e.call.hasPrefix("load_diabetes") ? .float64 : .int64, e.call)
            XCTAssertEqual(Self.fnv(x.storage), e.dataHash, e.call)
            XCTAssertEqual(Self.fnv(y.storage), e.targetHash, e.call)
            XCTAssertEqual(y.storage.reduce(0, +), e.targetSum, e.call)
            if e.dataSum != 0 { XCTAssertEqual(x.storage.reduce(0, +), e.dataSum, accuracy: 1e-6 * max(1, abs(e.dataSum)), e.call) }
            XCTAssertEqual(Array(x.storage.prefix(e.firstRow.count)), e.firstRow, e.call)
            if !e.lastRow.isEmpty {
                let start = (e.shape[0] - 1) * e.shape[1]
                XCTAssertEqual(Array(x.storage[start..<(start + e.lastRow.count)]), e.lastRow, e.call)
            }
            if let counts = e.counts {
                XCTAssertEqual((0..<counts.count).map { k in y.storage.filter { $0 == Double(k) }.count }, counts, e.call)
            }
        }
    }

    func testTheBunchHasScikitLearnsKeysAndReadsByAttributeOrItem() {
        XCTAssertEqual(run("""
        from sklearn.datasets import load_iris, load_digits, load_diabetes, load_wine, load_breast_cancer
        iris = load_iris()
        print(list(iris.keys()))
        print(iris.data is iris['data'], iris.frame, iris.filename, iris.data_module)
        print(iris.target_names, iris.feature_names[0])
        print(repr(iris.target_names[iris.target[[0, 100, 149]]]))
        print(list(load_wine().keys()), list(load_diabetes().keys()))
        digits = load_digits()
        print(list(digits.keys()))
        print(digits.images.shape, digits.images[5][3], digits.target_names, digits.feature_names[9])
        print(repr(load_breast_cancer().feature_names))
        print(load_breast_cancer().target_names[1], len(load_breast_cancer().DESCR), len(digits.DESCR), iris.DESCR.splitlines()[2])
        """), """
        ['data', 'target', 'frame', 'target_names', 'DESCR', 'feature_names', 'filename', 'data_module']
        True None iris.csv sklearn.datasets.data
        ['setosa' 'versicolor' 'virginica'] sepal length (cm)
        array(['setosa', 'virginica', 'virginica'], dtype='<U10')
        ['data', 'target', 'frame', 'target_names', 'DESCR', 'feature_names'] ['data', 'target', 'frame', 'DESCR', 'feature_names', 'data_filename', 'target_filename', 'data_module']
        ['data', 'target', 'frame', 'feature_names', 'target_names', 'images', 'DESCR']
        (1797, 8, 8) [ 0.  0. 11. 16. 16.  7.  0.  0.] [0 1 2 3 4 5 6 7 8 9] pixel_1_1
        array(['mean radius', 'mean texture', 'mean perimeter', 'mean area',
               'mean smoothness', 'mean compactness', 'mean concavity',
               'mean concave points', 'mean symmetry', 'mean fractal dimension',
               'radius error', 'texture error', 'perimeter error', 'area error',
               'smoothness error', 'compactness error', 'concavity error',
               'concave points error', 'symmetry error',
               'fractal dimension error', 'worst radius', 'worst texture',
               'worst perimeter', 'worst area', 'worst smoothness',
               'worst compactness', 'worst concavity', 'worst concave points',
               'worst symmetry', 'worst fractal dimension'], dtype='<U23')
        benign 4794 2007 Iris plants dataset

        """)
    }

    func testBadArgumentsAreScikitLearnsErrors() {
        XCTAssertTrue(error("from sklearn.datasets import load_iris\nload_iris(as_frame=True)").contains("NotImplementedError: load_iris(as_frame=True) needs pandas"))
        XCTAssertTrue(error("from sklearn.datasets import load_digits\nload_digits(n_class=11)").contains("ValueError: The 'n_class' parameter of load_digits must be an int in the range [1, 10]. Got 11 instead."))
        XCTAssertTrue(error("from sklearn.datasets import load_iris\nload_iris(True)").contains("TypeError: load_iris() takes 0 positional arguments but 1 were given"))
        XCTAssertTrue(error("from sklearn.datasets import load_iris\nload_iris(return_X_y=1)").contains("The 'return_X_y' parameter of load_iris must be an instance of 'bool'"))
        XCTAssertTrue(error("from sklearn.datasets import load_diabetes\nload_diabetes(scale=True)").contains("unexpected keyword argument 'scale'; did you mean 'scaled'?"))
        XCTAssertTrue(error("from sklearn.datasets import load_iris\nload_iris()['nope']").contains("KeyError"))
    }

    func testTheResourceFolderHoldsTheLicence() throws {
        let licence = try BundledDataFiles.text("COPYING")
        XCTAssertTrue(licence.hasPrefix("BSD 3-Clause License"))
        XCTAssertTrue(licence.contains("The scikit-learn developers"))
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
