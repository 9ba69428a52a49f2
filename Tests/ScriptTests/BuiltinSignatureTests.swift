import XCTest
@testable import Script

/// The built-in functions and the methods of str, list, dict, set and tuple bind their arguments
/// through their declared signatures: keywords are read, never dropped, and a wrong call is
/// Python's TypeError.
final class BuiltinSignatureTests: ScriptTestCase {
    /// Names a lesson might try on a built-in value: every method of the five types in CPython 3.11.
    static let candidates = """
        capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha \
        isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower \
        lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split \
        splitlines startswith strip swapcase title translate upper zfill append clear copy extend insert pop remove \
        reverse sort fromkeys get items keys popitem setdefault update values add difference difference_update discard \
        intersection intersection_update isdisjoint issubset issuperset symmetric_difference \
        symmetric_difference_update union
        """.split(separator: " ").map(String.init)

    func testEveryMethodABuiltinValueAnswersIsDeclaredInItsTable() throws {
        let samples: [(String, String)] = [("str", "'a'"), ("list", "[1]"), ("dict", "{1: 2}"), ("tuple", "(1,)"), ("set", "{1}")]
        for (type, source) in samples {
            let value = try XCTUnwrap(try run(source), type)
            let table = PythonSignatures.byOwner[type] ?? [:]
            var answered: [String] = []
            for name in Self.candidates {
                guard let method = try? interpreter.getAttribute(value, name) else { continue }
                answered.append(name)
                guard case .object(let f as DeclaredMethod) = method else { XCTFail("\(type).\(name) is not from a table"); continue }
                XCTAssertEqual(f.signature.name, name)
                XCTAssertEqual(table[name]?.parameters, f.signature.parameters, "\(type).\(name) is answered but not in the table")
            }
            XCTAssertEqual(Set(answered), Set(table.keys), type)
            let suggested = type == "set" ? (try XCTUnwrap(value.object)).attributeNames : interpreter.methodNames(value)
            XCTAssertEqual(Set(suggested), Set(table.keys), "\(type)'s 'did you mean' names are its table's")
        }
    }

    func testEveryBuiltinFunctionHasASignature() throws {
        var undeclared: [String] = []
        for (name, value) in interpreter.builtins {
            if case .object(let f as BuiltinFunction) = value, f.signature == nil { undeclared.append(name) }
        }
        XCTAssertEqual(undeclared.sorted(), [])
        XCTAssertEqual(PythonSignatures.byOwner["builtins"]?["sorted"]?.parameter("key")?.kind, .keywordOnly)
    }

    func testKeywordArgumentsAreReadNotDropped() {
        let cases: [(source: String, printed: String)] = [
            ("print('a,b'.split(sep=','), 'a b c'.split(maxsplit=1))", "['a', 'b'] ['a', 'b c']"),
            ("l = [3, 1, 2]\nl.sort(reverse=True)\nprint(l)", "[3, 2, 1]"),
            ("l = ['bb', 'a', 'ccc']\nl.sort(key=len)\nprint(l, sorted(l, reverse=True))", "['a', 'bb', 'ccc'] ['ccc', 'bb', 'a']"),
            ("print(1, 2, sep='-', end='!')\nprint(3, sep=None, end=None)", "1-2!3"),
            ("print('{a}+{0}'.format(1, a=2), round(number=2.675, ndigits=2), enumerate('ab', start=1))", "2+1 2.67 [(1, 'a'), (2, 'b')]"),
            ("d = {}\nd.update({'x': 1}, y=2)\nprint(d, dict([(1, 2)], z=3))", "{'x': 1, 'y': 2} {1: 2, 'z': 3}"),
            ("print('a\\nb\\n'.splitlines(keepends=True), str(object=5))", "['a\\n', 'b\\n'] 5"),
        ]
        for (source, printed) in cases { XCTAssertEqual(output(source + "\n"), printed + "\n", source) }
    }

    func testWrongCallsArePythonsTypeErrors() throws {
        let cases = [
            ("'a'.split(x=1)", "split() got an unexpected keyword argument 'x'"),
            ("[].append()", "append() missing required argument: 'object'"),
            ("[].append(1, 2)", "append() takes 1 positional argument but 2 were given"),
            ("[].append(object=1)", "append() got an unexpected keyword argument 'object'"),
            ("sorted([2, 1], True)", "sorted() takes 1 positional argument but 2 were given"),
            ("len()", "len() missing required argument: 'obj'"),
            ("{}.get()", "get() missing required argument: 'key'"),
            ("(1, 2).count()", "count() missing required argument: 'value'"),
            ("print(1, sep=2)", "sep must be None or a string, not int"),
            ("'ab'.center(5, 'xy')", "The fill character must be exactly one character long"),
            ("'a'.join([1])", "sequence item 0: expected str instance, int found"),
            ("max()", "max expected at least 1 argument, got 0"),
            ("range(1, 2, 3, 4)", "range expected at most 3 arguments, got 4"),
            ("hasattr(1, 5)", "attribute name must be string, not 'int'"),
        ]
        for (source, message) in cases {
            let e = try XCTUnwrap(error(source + "\n"), source)
            XCTAssertEqual(e.kind, "TypeError", source)
            XCTAssertEqual(e.message, message, source)
        }
        XCTAssertTrue(try XCTUnwrap(error("'a'.spilt(',')\n")).message.contains("did you mean 'split'?"))
        XCTAssertEqual(output("f = [].append\nprint(callable(f), callable({1}.add), callable('a'.upper()))\n"), "True True False\n")
    }

    func testArgumentsLecternDoesNotImplementAreRefusedByName() throws {
        let file = try XCTUnwrap(error("print(1, file=[])\n"))
        XCTAssertEqual(file.kind, "NotImplementedError")
        XCTAssertEqual(file.message, "print: file is not supported yet")
        XCTAssertEqual(output("print(1, file=None, flush=True)\n"), "1\n")
        XCTAssertEqual(try XCTUnwrap(error("iter(len, 3)\n")).kind, "NotImplementedError")
    }

    func testStringMethodsFollowPython() {
        XCTAssertEqual(output("print('a,b,c'.rsplit(',', 1), ' a  b c '.split(None, 1), ' a b '.rsplit(maxsplit=1))\n"),
                       "['a,b', 'c'] ['a', 'b c '] [' a', 'b']\n")
        XCTAssertEqual(output("print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'abc'.partition('x'))\n"),
                       "('k', '=', 'v=w') ('k=v', '=', 'w') ('abc', '', '')\n")
        XCTAssertEqual(output("print('aaaa'.replace('a', 'b', 2), 'ab'.replace('', '-'), 'ab'.replace('', '-', 1))\n"),
                       "bbaa -a-b- -ab\n")
        XCTAssertEqual(output("s = 'abcabc'\nprint(s.find('b', 2), s.rfind('b'), s.index('c', -2), s.count('b', 0, 3), s.find('z'))\n"),
                       "4 4 5 1 -1\n")
        XCTAssertEqual(output("print('hello'.startswith(('x', 'el'), 1), 'hello'.endswith('ll', 0, 4), 'ab'.center(6, '*'))\n"),
                       "True True **ab**\n")
        XCTAssertEqual(output("print('pre_x'.removeprefix('pre_'), 'x.py'.removesuffix('.py'), 'aB'.swapcase(), 'Ab1'.isalnum())\n"),
                       "x x Ab True\n")
        XCTAssertEqual(output("print('abc'.islower(), 'ABC'.isupper(), ' '.isspace(), '{x}'.format_map({'x': 7}))\n"),
                       "True True True 7\n")
    }

    func testListTupleDictAndSetMethodsFollowPython() {
        XCTAssertEqual(output("l = [1, 2, 1, 2]\nprint(l.index(2, 2), (1, 2, 1).index(1, 1), l.pop(0), l)\n"), "3 2 1 [2, 1, 2]\n")
        XCTAssertEqual(output("d = {'a': 1, 'b': 2}\nprint(d.pop('z', 0), d.popitem(), d, d.get('a', 9), d.setdefault('c', 3), d)\n"),
                       "0 ('b', 2) {'a': 1, 'c': 3} 1 3 {'a': 1, 'c': 3}\n")
        XCTAssertEqual(output("""
            s = {1, 2}
            s.update([3], (4,))
            s.discard(9)
            s.remove(1)
            print(s, s.union([5], [6]), s.intersection({2, 3}, [3]), s.symmetric_difference([4, 7]))
            print(s.issubset(range(10)), s.issuperset([2]), s.isdisjoint([8]), s.copy() == s, s.pop(), s)
            """), "{2, 3, 4} {2, 3, 4, 5, 6} {3} {2, 3, 7}\nTrue True True True 2 {3, 4}\n")
        XCTAssertEqual(try XCTUnwrap(error("{1}.remove(5)\n")).kind, "KeyError")
        XCTAssertEqual(try XCTUnwrap(error("{}.pop('k')\n")).kind, "KeyError")
        XCTAssertEqual(try XCTUnwrap(error("[1].index(1, 1)\n")).message, "1 is not in list")
    }

    func testBuiltinFunctionsFollowPython() throws {
        XCTAssertEqual(output("print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 2, -5), max([], default=0), min(3, 1, key=lambda x: -x))\n"),
                       "1 1 -1 0 3\n")
        XCTAssertEqual(output("print(int('ff', 16), int('12', base=8), int(), list(zip('ab', [1, 2], strict=True)))\n"),
                       "255 10 0 [('a', 1), ('b', 2)]\n")
        XCTAssertEqual(try XCTUnwrap(error("list(zip('ab', [1], strict=True))\n")).message, "zip() argument 2 is shorter than argument 1")
        XCTAssertEqual(try XCTUnwrap(error("int(5, base=2)\n")).message, "int() can't convert non-string with explicit base")
        XCTAssertEqual(try XCTUnwrap(error("max([1], 2, default=0)\n")).message,
                       "Cannot specify a default for max() with multiple positional arguments")
        XCTAssertEqual(output("""
            class A:
                def hi(self):
                    return 'A'
            class B(A):
                def hi(self):
                    return 'B' + super(B, self).hi()
            print(B().hi(), next(iter([]), 'done'), getattr(1, 'nope', 'dflt'), chr(65), ord('a'), format(3.14159, '.2f'))
            """), "BA done dflt A 97 3.14\n")
    }
}

private extension Value {
    var object: ScriptObject? {
        if case .object(let o) = self { return o }
        return nil
    }
}
