import XCTest
@testable import Script

/// Python's exceptions as classes. Each script's expected output is what CPython 3.11 printed
/// for it (run once with `python3`, pasted here).
final class ExceptionTests: ScriptTestCase {

    func testTheBuiltinClassesFormPythonsTree() {
        XCTAssertEqual(output(#"""
for name, base in [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (ArithmeticError, Exception),
                   (IndexError, LookupError), (KeyError, LookupError), (LookupError, Exception),
                   (ModuleNotFoundError, ImportError), (ImportError, Exception), (FileNotFoundError, OSError),
                   (TimeoutError, OSError), (OSError, Exception), (RecursionError, RuntimeError),
                   (NotImplementedError, RuntimeError), (MemoryError, Exception), (StopIteration, Exception),
                   (AssertionError, Exception), (ValueError, Exception), (TypeError, Exception), (NameError, Exception),
                   (AttributeError, Exception), (Exception, BaseException), (KeyboardInterrupt, BaseException),
                   (SystemExit, BaseException)]:
    print(name.__name__, issubclass(name, base), issubclass(name, Exception))
"""#), #"""
ZeroDivisionError True True
OverflowError True True
ArithmeticError True True
IndexError True True
KeyError True True
LookupError True True
ModuleNotFoundError True True
ImportError True True
FileNotFoundError True True
TimeoutError True True
OSError True True
RecursionError True True
NotImplementedError True True
MemoryError True True
StopIteration True True
AssertionError True True
ValueError True True
TypeError True True
NameError True True
AttributeError True True
Exception True True
KeyboardInterrupt True False
SystemExit True False

"""#)
    }

    func testErrorsTheInterpreterRaisesCarryTheirClassArgsAndMessage() {
        XCTAssertEqual(output(#"""
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)

show(lambda: 1 // 0)
show(lambda: 1 / 0)
show(lambda: [1, 2][5])
show(lambda: {'a': 1}['b'])
show(lambda: int('x'))
show(lambda: 'a' + 1)
show(lambda: undefined_name)
show(lambda: (1).nope)
show(lambda: next(iter([])))
"""#), #"""
ZeroDivisionError ZeroDivisionError('integer division or modulo by zero') integer division or modulo by zero ('integer division or modulo by zero',)
ZeroDivisionError ZeroDivisionError('division by zero') division by zero ('division by zero',)
IndexError IndexError('list index out of range') list index out of range ('list index out of range',)
KeyError KeyError('b') 'b' ('b',)
ValueError ValueError("invalid literal for int() with base 10: 'x'") invalid literal for int() with base 10: 'x' ("invalid literal for int() with base 10: 'x'",)
TypeError TypeError('can only concatenate str (not "int") to str') can only concatenate str (not "int") to str ('can only concatenate str (not "int") to str',)
NameError NameError("name 'undefined_name' is not defined") name 'undefined_name' is not defined ("name 'undefined_name' is not defined",)
AttributeError AttributeError("'int' object has no attribute 'nope'") 'int' object has no attribute 'nope' ("'int' object has no attribute 'nope'",)
StopIteration StopIteration()  ()

"""#)
    }

    func testAnExceptionIsCaughtByAnyOfItsBasesButExceptionLeavesKeyboardInterruptAndSystemExit() {
        XCTAssertEqual(output(#"""
def catch(exc, base):
    try:
        raise exc('boom')
    except base as e:
        return type(e).__name__ + ' caught by ' + base.__name__

print(catch(ZeroDivisionError, ArithmeticError))
print(catch(KeyError, LookupError))
print(catch(IndexError, Exception))
print(catch(ModuleNotFoundError, ImportError))
print(catch(FileNotFoundError, OSError))
print(catch(RecursionError, RuntimeError))
print(catch(ValueError, BaseException))
try:
    {}['k']
except LookupError as e:
    print('lookup', repr(e))
try:
    try:
        raise KeyboardInterrupt()
    except Exception:
        print('wrong')
except BaseException as e:
    print('base caught', type(e).__name__)
try:
    try:
        raise SystemExit(3)
    except Exception:
        print('wrong')
except SystemExit as e:
    print('exit', e.args)
try:
    raise TimeoutError('slow')
except OSError as e:
    print('timeout', repr(e))
"""#), #"""
ZeroDivisionError caught by ArithmeticError
KeyError caught by LookupError
IndexError caught by Exception
ModuleNotFoundError caught by ImportError
FileNotFoundError caught by OSError
RecursionError caught by RuntimeError
ValueError caught by BaseException
lookup KeyError('k')
base caught KeyboardInterrupt
exit (3,)
timeout TimeoutError('slow')

"""#)
    }

    func testRaiseFromSetsCauseAndRaisingInAHandlerSetsContext() {
        XCTAssertEqual(output(#"""
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError('bad value') from z
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
    print(type(e.__context__).__name__)

try:
    try:
        {}['missing']
    except KeyError:
        raise RuntimeError('while handling')
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise ValueError('plain')
except ValueError as e:
    print(e.__cause__, e.__context__)

try:
    try:
        raise TypeError('t')
    except TypeError:
        raise ValueError('v') from None
except ValueError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
"""#), #"""
ValueError('bad value') ZeroDivisionError('division by zero') True
ZeroDivisionError
RuntimeError('while handling') None KeyError('missing') False
None None
None TypeError('t') True

"""#)
    }

    func testStrReprAndArgsAreCPythons() {
        XCTAssertEqual(output(#"""
for e in [ValueError(), ValueError('x'), ValueError('x', 2), KeyError('k'), KeyError(), KeyError('a', 'b'),
          IndexError(3), Exception([1, 2]), AssertionError()]:
    print(repr(e), '|', str(e), '|', e.args)

class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code

e = AppError(404, 'not found')
print(repr(e), str(e), e.args, e.code)

class Quiet(ValueError):
    pass

print(repr(Quiet('q')), isinstance(Quiet('q'), ValueError))

class Custom(Exception):
    def __str__(self):
        return 'custom text'

print(str(Custom('a')), repr(Custom('a')))
try:
    assert 1 == 2, 'numbers differ'
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
"""#), #"""
ValueError() |  | ()
ValueError('x') | x | ('x',)
ValueError('x', 2) | ('x', 2) | ('x', 2)
KeyError('k') | 'k' | ('k',)
KeyError() |  | ()
KeyError('a', 'b') | ('a', 'b') | ('a', 'b')
IndexError(3) | 3 | (3,)
Exception([1, 2]) | [1, 2] | ([1, 2],)
AssertionError() |  | ()
AppError('not found') not found ('not found',) 404
Quiet('q') True
custom text Custom('a')
AssertionError('numbers differ') ('numbers differ',)
AssertionError() ()

"""#)
    }

    func testBareRaiseReRaisesAndFinallyAlwaysRuns() {
        XCTAssertEqual(output(#"""
def f():
    try:
        raise KeyError('inner')
    except KeyError:
        print('handling')
        raise

try:
    f()
except KeyError as e:
    print('re-raised', repr(e))

def g():
    try:
        return 'from try'
    finally:
        print('finally runs')

print(g())

def h():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'handled'
    finally:
        print('cleanup')

print(h())

try:
    try:
        raise ValueError('first')
    finally:
        print('finally during error')
except ValueError as e:
    print('after finally', e)

try:
    raise
except RuntimeError as e:
    print(repr(e))

try:
    raise IndexError
except IndexError as e:
    print(repr(e), e.args)

err = None
try:
    raise ValueError('kept')
except ValueError as e:
    err = e
print(repr(err))
try:
    print(e)
except NameError:
    print('e unbound after except')
"""#), #"""
handling
re-raised KeyError('inner')
finally runs
from try
cleanup
handled
finally during error
after finally first
RuntimeError('No active exception to reraise')
IndexError() ()
ValueError('kept')
e unbound after except

"""#)
    }

    func testExceptTuplesAndTheRestOfTheTree() {
        XCTAssertEqual(output(#"""
for f in [lambda: [][0], lambda: {}[1], lambda: int('z'), lambda: None + 1]:
    try:
        f()
    except (IndexError, KeyError) as e:
        print('lookup', type(e).__name__)
    except (ValueError, TypeError) as e:
        print('value or type', type(e).__name__)
try:
    raise NotImplementedError('todo')
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    raise StopIteration
except Exception as e:
    print(repr(e))
try:
    raise MemoryError('too big')
except MemoryError as e:
    print(repr(e))
try:
    raise OverflowError('too large')
except ArithmeticError as e:
    print(repr(e))
try:
    raise ModuleNotFoundError("No module named 'x'")
except ImportError as e:
    print(repr(e), str(e))
try:
    raise 42
except TypeError as e:
    print(e)
"""#), #"""
lookup IndexError
lookup KeyError
value or type ValueError
value or type TypeError
NotImplementedError todo
StopIteration()
MemoryError('too big')
OverflowError('too large')
ModuleNotFoundError("No module named 'x'") No module named 'x'
exceptions must derive from BaseException

"""#)
    }

    func testAdviceStaysInTheReportWhileTheExceptionKeepsPythonsMessage() {
        XCTAssertEqual(output("""
        total = 1
        try:
            totl
        except NameError as e:
            print(str(e), e.args)
        try:
            [].apend(1)
        except AttributeError as e:
            print(e)
        """), "name 'totl' is not defined (\"name 'totl' is not defined\",)\n'list' object has no attribute 'apend'\n")
        XCTAssertEqual(error("total = 1\ntotl\n")?.message, "name 'totl' is not defined; did you mean 'total'?")
    }

    func testTheBlockDeadlineCannotBeCaughtButALessonsTimeoutErrorCan() {
        interpreter.deadline = ContinuousClock.now + .milliseconds(100)
        let e = error("""
        try:
            while True:
                pass
        except Exception:
            print('caught')
        """)
        XCTAssertEqual(e?.kind, "TimeoutError")
        XCTAssertEqual(printed, "")
        interpreter.deadline = nil
        XCTAssertEqual(output("try:\n    raise TimeoutError('mine')\nexcept TimeoutError as e:\n    print(repr(e))\n"), "TimeoutError('mine')\n")
    }
}
