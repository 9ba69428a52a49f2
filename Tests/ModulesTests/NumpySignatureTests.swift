import XCTest
import Modules
import Script

/// NumPy's functions and methods bound through their declared signatures: keywords once
/// dropped are honoured or refused by name, and Python's binding errors are Python's. The
/// expected outputs were printed by NumPy 2.4 (legacy 1.25 print options).
final class NumpySignatureTests: XCTestCase {
    func run(_ source: String) throws -> String {
        try lessonOutput("import numpy as np\n" + source)
    }

    func error(_ source: String) -> ScriptError? {
        do {
            _ = try run(source)
            return nil
        } catch {
            return error as? ScriptError
        }
    }

    func testUniqueReturnsIndexInverseAndCounts() throws {
        XCTAssertEqual(try run("print(*np.unique(np.array([3, 1, 2, 3, 1, 3]), return_index=True, return_inverse=True, return_counts=True))"),
                       "[1 2 3] [1 2 0] [2 0 1 2 0 2] [2 1 3]\n")
        // NaNs are one value (equal_nan=True), sorted last.
        XCTAssertEqual(try run("u, c = np.unique(np.array([2.0, np.nan, 1.0, np.nan]), return_counts=True)\nprint(u[:2], c, np.isnan(u[2]), len(u))"),
                       "[1. 2.] [1 1 2] True 3\n")
        XCTAssertEqual(error("np.unique(np.zeros((2, 2)), axis=0)")?.kind, "NotImplementedError")
    }

    /// Each source prints what NumPy printed for it.
    static let honouredKeywords: [(source: String, printed: String)] = [
        // keepdims, ddof and dtype of the reductions
        ("a = np.arange(6).reshape(2, 3)\nprint(np.sum(a, axis=1, keepdims=True), np.mean(a, keepdims=True).shape, a.sum(axis=0, keepdims=True))",
         "[[ 3]\n [12]] (1, 1) [[3 5 7]]\n"),
        ("print(np.std([1., 2., 3., 4.], ddof=1), np.arange(6).reshape(2, 3).var(ddof=1))", "1.2909944487358056 3.5\n"),
        ("print(np.sum(np.array([1, 2]), dtype=np.float32).dtype)", "float32\n"),
        ("print(np.percentile(np.arange(10.).reshape(2, 5), 50, axis=1, keepdims=True))", "[[2.]\n [7.]]\n"),
        ("print(np.count_nonzero([[0, 1], [2, 3]], axis=0))", "[1 2]\n"),
        // joining, running sums, creation
        ("print(np.vstack(([1, 2], [3, 4]), dtype=np.float32).dtype)", "float32\n"),
        ("print(np.concatenate([np.array([[1, 2]]), np.array([[3, 4]])], axis=None))", "[1 2 3 4]\n"),
        ("a = np.arange(6).reshape(2, 3)\nprint(np.cumsum(a, axis=0), a.cumsum(axis=1))", "[[0 1 2]\n [3 5 7]] [[ 0  1  3]\n [ 3  7 12]]\n"),
        ("print(np.linspace(0, 1, 5, retstep=True))", "(array([0.  , 0.25, 0.5 , 0.75, 1.  ]), 0.25)\n"),
        ("print(np.clip(np.arange(5), None, 2), np.clip(np.arange(5), min=1, max=3))", "[0 1 2 2 2] [1 1 2 3 3]\n"),
        ("print(np.array([1, 2], ndmin=3).shape, np.squeeze(np.zeros((1, 2, 1)), axis=0).shape)", "(1, 1, 2) (2, 1)\n"),
        ("print(np.setdiff1d([5, 1, 5, 2], [2], assume_unique=True))", "[5 1 5]\n"),
    ]

    func testKeywordsOnceDroppedAreHonoured() throws {
        for (source, printed) in Self.honouredKeywords {
            XCTAssertEqual(try run(source), printed, source)
        }
    }

    func testPythonsBindingErrorsAndRefusalsByName() {
        let typo = error("np.sum([1], keepdim=True)")
        XCTAssertEqual(typo?.kind, "TypeError")
        XCTAssertEqual(typo?.message.hasPrefix("sum() got an unexpected keyword argument 'keepdim'"), true)
        XCTAssertEqual(error("np.exp(x=1.0)")?.kind, "TypeError", "a ufunc's operand is positional-only")
        XCTAssertEqual(error("np.where([True], [1])")?.message, "either both or neither of x and y should be given")
        XCTAssertEqual(error("np.clip([1], 0, 1, min=0)")?.message,
                       "Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden.")
        let refused = error("np.zeros(3, order='F')")
        XCTAssertEqual(refused?.kind, "NotImplementedError")
        XCTAssertEqual(refused?.message, "zeros: order is not supported yet")
        XCTAssertEqual(error("np.ones(2).sum(out=None, where=False)")?.kind, "NotImplementedError")
        XCTAssertEqual(error("np.ones(2).reshape(2, order='F')")?.kind, "NotImplementedError")
    }

    func testTheUfuncsDtype() throws {
        XCTAssertEqual(try run("r = np.sqrt(np.array([2., 3.]), dtype=np.float32)\nprint(r, r.dtype)"), "[1.4142135 1.7320508] float32\n")
    }

    func testMethodsComeFromTheTables() throws {
        XCTAssertEqual(try run("print(np.arange(6).reshape(2, 3).item(1, 2), np.arange(6).item(-1))"), "5 5\n")
        XCTAssertEqual(try run("print(np.zeros((1, 3)).squeeze().shape, np.zeros((2, 3)).swapaxes(0, 1).shape)"), "(3,) (3, 2)\n")
        let suggestion = error("np.ones(2).reshap(2)")
        XCTAssertEqual(suggestion?.message.contains("did you mean 'reshape'?"), true)
        XCTAssertEqual(error("np.ones(2).numpy()")?.kind, "AttributeError", "numpy() belongs to arrays shown as tensors")
    }

    func testChoiceWithProbabilitiesAndTheRandomStateMethods() throws {
        XCTAssertEqual(try run("np.random.seed(0)\nprint(np.random.choice(3, size=6, p=[0.5, 0.3, 0.2]))"), "[1 1 1 1 0 1]\n")
        XCTAssertEqual(try run("np.random.seed(0)\nprint(np.random.choice(np.array([10, 20, 30]), p=[0.5, 0.3, 0.2]))"), "20\n")
        XCTAssertEqual(error("np.random.choice(3, p=[0.5, 0.6, 0.2])")?.message, "probabilities do not sum to 1")
        XCTAssertEqual(try run("r = np.random.RandomState(3)\nprint(r.normal(size=2), r.randint(5, size=3), r.choice(4))"),
                       "[1.78862847 0.43650985] [0 0 0] 1\n")
        XCTAssertEqual(error("np.random.RandomState(3).normal(sigma=2)")?.kind, "TypeError")
    }
}
