import XCTest
@testable import Script

/// Variables live in slots cached on the syntax nodes; these check that the caches never
/// change what a name means.
final class VariableSlotTests: ScriptTestCase {
    func testABuiltinShadowedLaterByAGlobalIsSeenAsTheGlobal() {
        XCTAssertEqual(output("""
        def f():
            return len([1, 2])
        print(f())
        def len(x):
            return 'mine'
        print(f())
        del len
        print(f())
        """), "2\nmine\n2\n")
    }

    func testALocalShadowsAGlobalOnlyInsideItsCall() {
        XCTAssertEqual(output("""
        x = 'global'
        def f(flag):
            if flag:
                x = 'local'
                return x
            return 'no local'
        def g():
            return x
        print(f(True), f(False), g())
        """), "local no local global\n")
    }

    func testClosuresGlobalAndNonlocalStillReachTheirScopes() {
        XCTAssertEqual(output("""
        count = 0
        def bump():
            global count
            count += 1
        for _ in range(3):
            bump()
        def counter():
            n = 0
            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        c = counter()
        c(); c()
        adders = [lambda v, k=k: v + k for k in range(3)]
        print(count, c(), [a(10) for a in adders])
        """), "3 3 [10, 11, 12]\n")
    }

    func testRecursionAndKeywordArgumentsBindToTheirSlots() {
        XCTAssertEqual(output("""
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        def describe(a, b=2, *rest, c=3, **more):
            return (a, b, rest, c, more)
        print(fib(15), describe(1), describe(1, 5, 6, c=7, d=8), describe(b=1, a=0))
        """), "610 (1, 2, (), 3, {}) (1, 5, (6,), 7, {'d': 8}) (0, 1, (), 3, {})\n")
    }

    func testAClassBodyDefinedTwiceKeepsItsOwnNames() {
        XCTAssertEqual(output("""
        def make(v):
            class K:
                value = v
                doubled = value * 2
            return K
        print(make(1).doubled, make(5).doubled)
        """), "2 10\n")
    }

    func testIntArithmeticFastPathsKeepPythonSemantics() {
        XCTAssertEqual(output("""
        print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, 2 ** 10, 9223372036854775807 + 1 > 0, 1 < 2 < 3, 3 > 2 > 2)
        s = 0
        for i in range(10, 0, -3):
            s += i
        print(s)
        """), "-4 1 -4 -1 1024 True True False\n22\n")
    }

    func testARangeLoopOverBillionsIsStoppedByTheDeadlineNotByMemory() {
        interpreter.deadline = ContinuousClock.now + .milliseconds(200)
        let e = error("for i in range(10**12):\n    pass\n")
        XCTAssertEqual(e?.kind, "TimeoutError")
    }
}
