import XCTest
@testable import Modules
import Script
@testable import Plot

/// pyplot, Axes, Figure, scikit-learn and the standard modules binding through their declared
/// signatures: artist keywords read as the artist's properties, arguments once dropped now drawn
/// or refused by name, and methods found through their tables.
final class PlotSignatureTests: XCTestCase {
    static let prelude = "import numpy as np\nimport matplotlib.pyplot as plt\n"

    /// What the lesson printed and the figures it left, run in a session of its own.
    private func run(_ source: String) throws -> (out: String, figures: [Figure]) {
        var printed: [String] = []
        let lesson = LessonSession(seed: 0)
        let python = Interpreter(modules: lesson.registry)
        python.output = { printed.append($0) }
        _ = try python.run(Self.prelude + source, file: "signatures.md", firstLine: 1)
        let figures = lesson.takeFigures()
        return (printed.joined(), figures)
    }

    private func error(_ source: String) -> String {
        do { _ = try run(source) } catch { return "\(error)" }
        return "no error"
    }

    private func assertError(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let message = error(source)
        XCTAssertTrue(message.contains(expected), "\(source)\n→ \(message)", file: file, line: line)
    }

    func testAnUnknownArtistKeywordIsMatplotlibsErrorForThatArtist() {
        assertError("plt.plot([1, 2], colour='r')", "AttributeError: Line2D.set(): unexpected keyword argument 'colour'; did you mean 'color'?")
        assertError("plt.scatter([1], [2], lable='a')", "PathCollection.set(): unexpected keyword argument 'lable'; did you mean 'label'?")
        assertError("plt.bar([1], [2], colr='r')", "Rectangle.set(): unexpected keyword argument 'colr'")
        assertError("plt.xlabel('x', fontsze=12)", "Text.set(): unexpected keyword argument 'fontsze'; did you mean 'fontsize'?")
        assertError("plt.plot([1, 2], color='r', c='b')", "TypeError: Got both 'color' and 'c', which are aliases of one another")
    }

    func testRealArgumentsLecternDoesNotDrawAreRefusedByName() {
        assertError("plt.plot([1, 2], markeredgecolor='r')", "NotImplementedError: plot: markeredgecolor is not supported yet")
        assertError("plt.hist([1, 2, 3], cumulative=True)", "NotImplementedError: hist: cumulative is not supported yet")
        assertError("plt.hist([1, 2, 3], histtype='stepfilled')", "hist: histtype='stepfilled' is not supported yet")
        assertError("plt.axhline(0.5, xmin=0.2)", "NotImplementedError: axhline: xmin is not supported yet")
        assertError("plt.title('t', loc='left')", "NotImplementedError: title: loc is not supported yet")
        assertError("plt.grid(True, alpha=0.3)", "NotImplementedError: grid: alpha is not supported yet")
        assertError("plt.text(0, 0, 's', ha='center')", "NotImplementedError: text: ha is not supported yet")
        assertError("plt.legend(frameon=False)", "NotImplementedError: legend: frameon is not supported yet")
        assertError("plt.savefig('a.png', dpi=200)", "NotImplementedError: savefig: dpi=200 is not supported yet")
        assertError("plt.imshow(np.eye(2), origin='lower')", "imshow: origin='lower' is not supported yet")
        assertError("plt.figure(num=2)", "NotImplementedError: figure: num is not supported yet")
        assertError("plt.subplots(1, 2, squeeze=False)", "NotImplementedError: subplots: squeeze is not supported yet")
        assertError("plt.subplots(1, 2, layout='constrained')", "NotImplementedError: subplots: layout is not supported yet")
        assertError("plt.xscale('log', base=2)", "NotImplementedError: set_xscale: base is not supported yet")
    }

    func testKeywordsOutsideTheRealCallsAreTheirErrors() {
        assertError("plt.legend(locc='upper left')", "TypeError: Legend.__init__() got an unexpected keyword argument 'locc'; did you mean 'loc'?")
        assertError("plt.tick_params(rotation=45)", "ValueError: keyword rotation is not recognized")
        assertError("plt.figure(figsze=(3, 2))", "TypeError: Figure.__init__() got an unexpected keyword argument 'figsze'")
        assertError("plt.subplots(figsze=(3, 2))", "Figure.__init__() got an unexpected keyword argument 'figsze'; did you mean 'figsize'?")
        assertError("plt.axis(xmn=0)", "TypeError: axis() got an unexpected keyword argument 'xmn'; did you mean 'xmin'?")
        assertError("plt.scatter([1], [2], 3, 'r', 'o')", "TypeError: scatter() takes 4 positional arguments but 5 were given")
    }

    func testArgumentsOnceDroppedAreNowDrawn() throws {
        let (out, figures) = try run("""
        plt.errorbar([1, 2], [3, 4], yerr=0.5, linestyle='--', marker='s', capsize=4)
        print(plt.xlim())
        plt.axis(xmin=-1, xmax=5)
        plt.ylim(ymin=2)
        plt.legend(fontsize=8)
        """)
        let ax = try XCTUnwrap(figures.first?.allAxes.first)
        XCTAssertEqual(ax.lines.first?.style, .dashed)
        XCTAssertEqual(ax.lines.first?.marker, .square)
        XCTAssertTrue(out.hasPrefix("("), out)
        XCTAssertEqual(ax.xlim?.0, -1)
        XCTAssertEqual(ax.xlim?.1, 5)
        XCTAssertEqual(ax.ylim?.0, 2)
        XCTAssertThrowsError(try run("plt.xlim(left=0, xmin=1)")) { XCTAssertTrue("\($0)".contains("Cannot pass both 'left' and 'xmin'"), "\($0)") }
    }

    func testAxesAndFigureMethodsComeFromTheirTables() throws {
        let (_, figures) = try run("""
        fig, ax = plt.subplots()
        ax.set_xlim(xmin=1, xmax=3)
        ax.set_xticks([1, 2], ['a', 'b'], rotation=30)
        fig.suptitle('whole')
        """)
        let ax = try XCTUnwrap(figures.first?.allAxes.first)
        XCTAssertEqual(ax.xlim?.0, 1)
        XCTAssertEqual(ax.xlim?.1, 3)
        XCTAssertEqual(ax.xticks?.labels, ["a", "b"])
        XCTAssertEqual(ax.xTickRotation, 30)
        XCTAssertEqual(figures.first?.suptitle, "whole")
        XCTAssertEqual(AxesObject(ax).attributeNames, AxesMethods.table.names)
        XCTAssertTrue(AxesMethods.table.names.contains("set_xlabel"))
        assertError("fig, ax = plt.subplots()\nax.set_xlabel('x', labelpad=5)", "NotImplementedError: set_xlabel: labelpad is not supported yet")
        assertError("fig, ax = plt.subplots()\nax.set_xlabl('x')", "did you mean 'set_xlabel'")
        assertError("fig = plt.figure()\nfig.savefig('a.png', transparent=True)", "NotImplementedError: savefig: transparent is not supported yet")
        assertError("fig = plt.figure()\nfig.tight_layout(pad=2)", "NotImplementedError: tight_layout: pad is not supported yet")
    }

    func testScikitLearnArgumentsNowRead() throws {
        let (out, _) = try run("""
        from sklearn.preprocessing import MinMaxScaler, StandardScaler
        from sklearn.metrics import accuracy_score, mean_squared_error
        from sklearn.datasets import make_blobs
        from sklearn.model_selection import KFold
        s = MinMaxScaler(clip=True).fit(np.array([[0.0], [10.0]]))
        print(s.transform(np.array([[-5.0], [5.0], [20.0]])).ravel().tolist())
        print(accuracy_score([1, 0, 1], [1, 1, 1], sample_weight=[2, 1, 1]))
        print(mean_squared_error([0.0, 0.0], [1.0, 3.0], sample_weight=[3, 1]))
        X, y, centers = make_blobs(n_samples=6, centers=2, random_state=0, return_centers=True)
        print(centers.shape)
        print(KFold(3).get_n_splits())
        """)
        XCTAssertEqual(out, "[0.0, 0.5, 1.0]\n0.75\n3.0\n(2, 2)\n3\n")
        assertError("from sklearn.preprocessing import StandardScaler\nStandardScaler().fit(np.eye(2), sample_weight=[1, 2])",
                    "NotImplementedError: fit: sample_weight is not supported yet")
        assertError("from sklearn.preprocessing import StandardScaler\nStandardScaler(copy=False)",
                    "NotImplementedError: StandardScaler: copy is not supported yet")
        assertError("from sklearn.model_selection import KFold\nKFold(3).split(np.eye(3), group=[1, 2, 3])",
                    "TypeError: split() got an unexpected keyword argument 'group'; did you mean 'groups'?")
    }

    func testTheStandardModulesBindAsCPythonDoes() throws {
        let (out, _) = try run("""
        import math, random
        random.seed(3)
        draws = [random.randrange(0, 20, 5) for _ in range(50)]
        print(sorted(set(draws)))
        print(math.log(8, 2), math.floor(7))
        """)
        XCTAssertEqual(out, "[0, 5, 10, 15]\n3.0 7\n")
        assertError("import math\nmath.sqrt(x=4)", "TypeError: sqrt() got an unexpected keyword argument 'x'")
        assertError("import random\nrandom.seed(1, version=1)", "NotImplementedError: seed: version is not supported yet")
        assertError("import time\ntime.sleep()", "TypeError: sleep() missing required argument: 'seconds'")
        assertError("import time\ntime.time(1)", "TypeError: time() takes 0 positional arguments but 1 were given")
    }
}
