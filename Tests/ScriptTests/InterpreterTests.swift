import XCTest
@testable import Script

final class InterpreterTests: ScriptTestCase {
    func testArithmeticFollowsPythonIntAndFloatRules() throws {
        XCTAssertEqual(try repr("7 / 2"), "3.5")
        XCTAssertEqual(try repr("7 // 2"), "3")
        XCTAssertEqual(try repr("-7 // 2"), "-4")
        XCTAssertEqual(try repr("-7 % 3"), "2")
        XCTAssertEqual(try repr("7 % -3"), "-2")
        XCTAssertEqual(try repr("-7.5 // 2"), "-4.0")
        XCTAssertEqual(try repr("2 ** 10"), "1024")
        XCTAssertEqual(try repr("2 ** -1"), "0.5")
        XCTAssertEqual(try repr("1 + True"), "2")
        XCTAssertEqual(try repr("10 - 2 * 3 ** 2"), "-8")
        XCTAssertEqual(try repr("2 ** 64"), "1.8446744073709552e+19")
    }

    func testALoopHeaderOverSeveralLinesKeepsTheBodysIndentation() {
        // The bracket closes on a continuation line: its indentation is not the block's.
        XCTAssertEqual(output("def f():\n    t = 0\n    for k in [1,\n              2]:\n        if k:\n            t += k\n    return t\nprint(f())\n"), "3\n")
        XCTAssertEqual(output("x = (1 +\n 2) / 100\nprint(x)\n"), "0.03\n", "an operator after a bracket closed on a later line")
    }

    func testFloatsPrintAsPythonPrintsThem() throws {
        XCTAssertEqual(output("print(0.1, 1e-05, 1e16, 1e15, 2.5, 1/3, -0.0, float('nan'), float('inf'))"),
                       "0.1 1e-05 1e+16 1000000000000000.0 2.5 0.3333333333333333 -0.0 nan inf\n")
        XCTAssertEqual(output("print(0.1 + 0.2)"), "0.30000000000000004\n")
        XCTAssertEqual(output("print(str(1e-7), repr(123.0))"), "1e-07 123.0\n")
    }

    func testPrintOfContainersMatchesPython() {
        XCTAssertEqual(output("print([1, 'a', (2,), {'k': None}, True], (1, 2), sep=' | ', end='!\\n')"),
                       "[1, 'a', (2,), {'k': None}, True] | (1, 2)!\n")
        XCTAssertEqual(output("print(\"it's\", repr('say \"hi\"'))"), "it's 'say \"hi\"'\n")
    }

    func testPercentFormattingWithTupleAndSingleOperand() {
        XCTAssertEqual(output("print('Train: %.3f, Test: %.3f' % (1.0, 0.9142857))"), "Train: 1.000, Test: 0.914\n")
        XCTAssertEqual(output("print('%d%%' % 50)"), "50%\n")
        XCTAssertEqual(output("print('%5.1f|%-4d|%s|%r|%e|%g' % (3.14159, 7, 'x', 'x', 12345.678, 0.0001))"),
                       "  3.1|7   |x|'x'|1.234568e+04|0.0001\n")
        XCTAssertEqual(output("print('>%(a)s<' % {'a': 1})"), ">1<\n")
    }

    func testFStringsAndFormatSpecs() {
        XCTAssertEqual(output("acc = 0.91428\nprint(f'{acc:.3f} {acc!r} {10:>4} {1234567:,} {0.5:.0%} {acc=}')"),
                       "0.914 0.91428   10 1,234,567 50% acc=0.91428\n")
        XCTAssertEqual(output("print('{} and {name:.2f}'.format('a', name=3.14159))"), "a and 3.14\n")
        XCTAssertEqual(output("print(f'{{literal}} {\"q\"}')"), "{literal} q\n")
    }

    func testTupleUnpackingSlicesAndUnderscoreTargets() {
        XCTAssertEqual(output("""
        X = [0, 1, 2, 3, 4, 5]
        a, b = X[:2], X[2:]
        _, last = 9, X[-1]
        c, d, = 1, 2
        first, *rest = X
        print(a, b, last, c, d, rest, X[::-2], X[1:5:2])
        """), "[0, 1] [2, 3, 4, 5] 5 1 2 [1, 2, 3, 4, 5] [5, 3, 1] [1, 3]\n")
    }

    func testStateIsSharedBetweenRuns() throws {
        try run("total = 40")
        XCTAssertEqual(try repr("total + 2"), "42")
    }

    func testFunctionsWithDefaultsKeywordsVarargsAndClosures() {
        XCTAssertEqual(output("""
        def make(n, scale=2, *rest, **opts):
            def inner(x):
                return x * scale + n
            return inner, rest, opts
        f, rest, opts = make(1, 3, 4, 5, flag=True)
        print(f(10), rest, opts)
        g = lambda x, y=1: x - y
        print(g(5), g(5, y=3), list(map(lambda v: v * v, range(4))))
        """), "31 (4, 5) {'flag': True}\n4 2 [0, 1, 4, 9]\n")
    }

    func testMutableDefaultArgumentIsSharedAsInPython() {
        XCTAssertEqual(output("""
        def add(x, acc=[]):
            acc.append(x)
            return acc
        add(1)
        print(add(2))
        """), "[1, 2]\n")
    }

    func testComprehensionsAndBuiltins() {
        XCTAssertEqual(output("""
        print([x * x for x in range(6) if x % 2 == 0])
        print({k: v for k, v in zip('abc', [1, 2, 3])})
        print(sum(x for x in range(5)), max([3, 9, 2]), min(4, 1, key=lambda v: -v))
        print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted('cab', reverse=True))
        print(list(enumerate('ab', 1)), any([0, 0, 1]), all([]), round(2.5), round(3.5), round(2.675, 2), abs(-3))
        print(len({1, 2, 2, 3}), isinstance(3, int), isinstance(3.0, (int, float)), int('42') + int(3.9), float('1e3'))
        """), """
        [0, 4, 16]
        {'a': 1, 'b': 2, 'c': 3}
        10 9 4
        [(1, 'z'), (2, 'a'), (2, 'b')] ['c', 'b', 'a']
        [(1, 'a'), (2, 'b')] True True 2 4 2.67 3
        3 True True 45 1000.0

        """)
    }

    func testControlFlowWithElseBreakContinueAndWhile() {
        XCTAssertEqual(output("""
        for i in range(10):
            if i == 2:
                continue
            if i == 4:
                break
            print(i)
        else:
            print('not reached')
        n = 0
        while n < 3:
            n += 1
        else:
            print('done', n)
        x = 5 if n > 2 else 0
        print(x, 1 < n <= 3, 0 < n < 2, 'a' in 'cat', 3 not in [1, 2], None is None)
        """), "0\n1\n3\ndone 3\n5 True False True True True\n")
    }

    func testExceptionsAreCaughtAndRaised() {
        XCTAssertEqual(output("""
        try:
            1 / 0
        except ZeroDivisionError as e:
            print('caught', e)
        finally:
            print('finally')
        try:
            raise ValueError('bad value')
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
        try:
            {}['missing']
        except LookupError:
            print('lookup')
        """), "caught division by zero\nfinally\nValueError bad value\nlookup\n")
    }

    func testClassesWithInheritanceAndSuper() {
        XCTAssertEqual(output("""
        class Base:
            def __init__(self, n):
                self.n = n
            def describe(self):
                return 'n=%d' % self.n
        class Child(Base):
            def __init__(self, n, logs={}):
                super().__init__(n * 2)
                self.logs = logs
            def describe(self):
                return 'child ' + super().describe()
        c = Child(3)
        print(c.describe(), isinstance(c, Base), c.n)
        """), "child n=6 True 6\n")
    }

    func testStringListAndDictMethods() {
        XCTAssertEqual(output("""
        s = '  Hello, World  '
        print(s.strip().lower().replace('world', 'there'), s.split(), ','.join(['a', 'b']), 'x'.ljust(3, '.') + '|')
        l = [3, 1, 2]
        l.append(5); l.extend([0]); l.sort(); l.insert(0, 9)
        print(l, l.pop(), l.index(2), l.count(1))
        d = {'a': 1}
        d.update(b=2); d.setdefault('c', 3)
        print(list(d.keys()), list(d.items()), d.get('z', 0), d.pop('a'), d)
        """), "hello, there ['Hello,', 'World'] a,b x..|\n[9, 0, 1, 2, 3] 5 3 1\n['a', 'b', 'c'] [('a', 1), ('b', 2), ('c', 3)] 0 1 {'b': 2, 'c': 3}\n")
    }

    func testTabsAndLineContinuations() {
        XCTAssertEqual(output("if True:\n\tx = [1,\n  2,\n3]\n\ty = 1 + \\\n 2\n\tprint(x, y)\n"), "[1, 2, 3] 3\n")
    }

    func testTheFinalBareExpressionIsTheRunsValue() throws {
        XCTAssertEqual(try repr("x = 3\nx * 2"), "6")
        XCTAssertNil(try run("y = 1"))
        XCTAssertNil(try run("print('hi')"))
    }

    func testAMillionIterationLoopFinishes() throws {
        try run("s = 0\nfor i in range(1000000):\n    s = s + i * 2 % 7\n")
        XCTAssertEqual(try repr("s"), "2999997")
    }

    func testALessonRunsAsTheMainModuleSoMainGuardsRun() {
        XCTAssertEqual(output("print(__name__)\nif __name__ == '__main__':\n    print('ran')\n"), "__main__\nran\n")
    }
}
