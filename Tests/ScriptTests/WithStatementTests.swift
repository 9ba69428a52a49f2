import XCTest
@testable import Script

/// The `with` statement follows Python's context-manager protocol.
final class WithStatementTests: ScriptTestCase {
    static let manager = """
    class Manager:
        def __init__(self, name, swallow=False):
            self.name = name
            self.swallow = swallow
        def __enter__(self):
            print('enter', self.name)
            return self.name.upper()
        def __exit__(self, kind, value, traceback):
            print('exit', self.name, kind.__name__ if kind else None, value)
            return self.swallow

    """

    func testEnterGivesTheTargetAndExitRunsAfterTheBody() {
        XCTAssertEqual(output(Self.manager + "with Manager('a') as x:\n    print('body', x)\nprint('after')\n"),
                       "enter a\nbody A\nexit a None None\nafter\n")
    }

    func testSeveralManagersExitInReverseOrder() {
        XCTAssertEqual(output(Self.manager + "with Manager('a') as x, Manager('b'):\n    print(x)\n"),
                       "enter a\nenter b\nA\nexit b None None\nexit a None None\n")
    }

    func testAnExceptionReachesExitAndATrueResultSwallowsIt() {
        XCTAssertEqual(output(Self.manager + "with Manager('s', swallow=True):\n    1 / 0\nprint('went on')\n"),
                       "enter s\nexit s ZeroDivisionError division by zero\nwent on\n")
        XCTAssertEqual(output(Self.manager + "try:\n    with Manager('k'):\n        raise ValueError('bad')\nexcept ValueError as e:\n    print('caught', e)\n"),
                       "enter k\nexit k ValueError bad\ncaught bad\n")
    }

    func testReturnAndBreakInsideTheBodyStillExit() {
        XCTAssertEqual(output(Self.manager + "def f():\n    with Manager('r'):\n        return 5\nprint(f())\nfor i in range(3):\n    with Manager('l'):\n        break\n"),
                       "enter r\nexit r None None\n5\nenter l\nexit l None None\n")
    }

    func testAValueWithoutTheProtocolIsATypeError() throws {
        let e = try XCTUnwrap(error("with 3 as x:\n    pass\n", line: 7))
        XCTAssertEqual(e.kind, "TypeError")
        XCTAssertEqual(e.message, "'int' object does not support the context manager protocol")
        XCTAssertEqual(e.location?.line, 7)
    }
}
