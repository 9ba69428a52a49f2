import XCTest
@testable import Script

final class DiagnosticsTests: ScriptTestCase {
    func testNameErrorsPointAtTheLessonLineAndColumnWithASuggestion() throws {
        let e = try XCTUnwrap(error("model = 1\nprint(modle)\n", line: 20))
        XCTAssertEqual(e.kind, "NameError")
        XCTAssertEqual(e.location, SourceLocation(file: "lesson.md", line: 21, column: 7))
        XCTAssertTrue(e.message.contains("did you mean 'model'?"), e.message)
        XCTAssertTrue(e.description.contains("    print(modle)\n          ^"), e.description)
    }

    func testSyntaxErrorsHaveExactPositions() throws {
        let e = try XCTUnwrap(error("x = (1,\ny = 2\n", line: 5))
        XCTAssertEqual(e.kind, "SyntaxError")
        XCTAssertEqual(e.location?.line, 6)
        let unterminated = try XCTUnwrap(error("s = 'abc\n", line: 3))
        XCTAssertEqual(unterminated.location, SourceLocation(file: "lesson.md", line: 3, column: 5))
        XCTAssertTrue(unterminated.message.contains("unterminated string"), unterminated.message)
        let indent = try XCTUnwrap(error("if True:\nprint(1)\n"))
        XCTAssertTrue(indent.message.contains("expected an indented block"), indent.message)
    }

    func testABlockIndentedInTheLessonReportsLessonColumns() throws {
        let e = try XCTUnwrap(error("x = undefined\n", line: 4, column: 5))
        XCTAssertEqual(e.location, SourceLocation(file: "lesson.md", line: 4, column: 9))
        XCTAssertTrue(e.description.contains("        x = undefined\n            ^"), e.description)
    }

    func testUnsupportedFeaturesAreNamed() throws {
        XCTAssertEqual(try XCTUnwrap(error("def g():\n    yield 1\n")).message, "generators with yield are not supported")
        XCTAssertTrue(try XCTUnwrap(error("async def f():\n    pass\n")).message.contains("async is not supported"))
        XCTAssertTrue(try XCTUnwrap(error("import os\n")).message.contains("cannot reach the file system"))
    }

    func testTracebackGoesThroughDefCalls() throws {
        let e = try XCTUnwrap(error("def inner():\n    return 1 / 0\ndef outer():\n    return inner()\nouter()\n", line: 10))
        XCTAssertEqual(e.kind, "ZeroDivisionError")
        XCTAssertEqual(e.location?.line, 11)
        XCTAssertEqual(e.traceback.map(\.function), ["outer", "inner"])
        XCTAssertTrue(e.description.hasPrefix("Traceback (most recent call last):"), e.description)
    }

    func testKeywordMisspellingsGetASuggestion() throws {
        let e = try XCTUnwrap(error("def fit(x, epochs=1):\n    return x\nfit(1, epoch=3)\n"))
        XCTAssertEqual(e.kind, "TypeError")
        XCTAssertTrue(e.message.contains("did you mean 'epochs'?"), e.message)
    }

    func testDeepRecursionIsAnErrorNotACrash() throws {
        let e = try XCTUnwrap(error("def f(n):\n    return f(n + 1)\nf(0)\n"))
        XCTAssertEqual(e.kind, "RecursionError")
    }

    func testTheDeadlineStopsARunawayLoop() throws {
        interpreter.deadline = ContinuousClock.now + .milliseconds(200)
        let e = try XCTUnwrap(error("while True:\n    pass\n"))
        XCTAssertEqual(e.kind, "TimeoutError")
    }

    func testUnknownModulesListWhatIsAvailable() throws {
        let registry = ModuleRegistry()
        registry.register("numpy") { ModuleObject("numpy") }
        interpreter = Interpreter(modules: registry)
        let e = try XCTUnwrap(error("import nunpy as np\n"))
        XCTAssertTrue(e.message.contains("did you mean 'numpy'?"), e.message)
        XCTAssertTrue(e.message.contains("Available modules: numpy"), e.message)
    }

    /// Inputs the fuzz test found crashing the process; each must now be an ordinary error.
    func testFuzzFindingsAreErrorsNotCrashes() throws {
        XCTAssertEqual(try XCTUnwrap(error("'{-1:>5}'.format('x')\n")).kind, "IndexError")
        XCTAssertEqual(try XCTUnwrap(error("'%9223372036854775807.2f' % 1.0\n")).kind, "ValueError")
        XCTAssertEqual(try XCTUnwrap(error("'{:99999999999}'.format(1)\n")).kind, "ValueError")
        XCTAssertEqual(try XCTUnwrap(error("[0] * 10**12\n")).kind, "MemoryError")
        XCTAssertEqual(try XCTUnwrap(error("list(range(10**15))\n")).kind, "MemoryError")
        XCTAssertEqual(try XCTUnwrap(error("'x'.ljust(10**12)\n")).kind, "MemoryError")
        XCTAssertEqual(try repr("len(range(-2**61, 2**61))"), "4611686018427387904")
    }
}
