import XCTest
import Lesson
import Modules
@testable import Notebook

/// What a hostile or careless lesson can do, each ending in Python's own error (or Python's own
/// output) at the lesson's line, never a crash, a stack overflow or an unbounded allocation.
final class HostileLessonSuiteTests: XCTestCase {
    struct Case {
        var name: String
        var code: String
        /// Text the block's outputs must contain (printed text, a value or an error report).
        var expect: String
    }

    static let cases: [Case] = [
        // Swift traps on values a lesson controls.
        Case(name: "int of numpy inf", code: "import numpy as np\nint(np.array([1.0, np.inf]).max())", expect: "OverflowError: cannot convert float infinity to integer"),
        Case(name: "int of nan", code: "int(float('nan'))", expect: "ValueError: cannot convert float NaN to integer"),
        Case(name: "int base 0", code: "print(int('10', 0), int('0x1f', 0), int('0b101', 0), int('-0o17', 0))", expect: "10 31 5 -15"),
        Case(name: "int base 0 leading zero", code: "int('010', 0)", expect: "ValueError: invalid literal for int() with base 0: '010'"),
        Case(name: "int base 1", code: "int('10', 1)", expect: "ValueError: int() base must be >= 2 and <= 36, or 0"),
        Case(name: "int base 37", code: "int('10', 37)", expect: "ValueError: int() base must be >= 2 and <= 36, or 0"),
        Case(name: "int negative base", code: "int('10', -2)", expect: "ValueError: int() base must be >= 2 and <= 36, or 0"),
        Case(name: "int too big", code: "int('99999999999999999999')", expect: "OverflowError"),
        Case(name: "floor of inf", code: "import math\nmath.floor(float('inf'))", expect: "OverflowError: cannot convert float infinity to integer"),
        Case(name: "round of nan", code: "round(float('nan'))", expect: "ValueError: cannot convert float NaN to integer"),
        Case(name: "choice of a negative", code: "import numpy as np\nnp.random.choice(-5)", expect: "ValueError: a must be greater than 0 unless no samples are taken"),
        Case(name: "choice of a huge range", code: "import numpy as np\nnp.random.seed(0)\nx = np.random.choice(10**12)\nprint(0 <= x < 10**12)", expect: "True"),
        Case(name: "log axis over all doubles", code: "import matplotlib.pyplot as plt\nplt.plot([1e-308, 1e308], [1, 2])\nplt.xscale('log')", expect: "figure"),
        // Stack overflows.
        Case(name: "list containing itself", code: "l = [1]\nl.append(l)\nprint(l)", expect: "[1, [...]]"),
        Case(name: "dict containing itself", code: "d = {}\nd['a'] = d\nprint(d)", expect: "{'a': {...}}"),
        Case(name: "self-referential equals itself", code: "l = []\nl.append(l)\nprint(l == l)", expect: "True"),
        Case(name: "self-referential comparison", code: "a = []\na.append(a)\nb = []\nb.append(b)\na == b", expect: "RecursionError: maximum recursion depth exceeded in comparison"),
        Case(name: "201 nested parentheses", code: "x = " + String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201), expect: "SyntaxError: too many nested parentheses"),
        Case(name: "200 nested parentheses", code: "print(" + String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199) + ")", expect: "1"),
        Case(name: "a long unary chain", code: "x = " + String(repeating: "-", count: 5000) + "1", expect: "RecursionError: maximum recursion depth exceeded during compilation"),
        Case(name: "deeply nested blocks", code: (0..<1200).map { String(repeating: " ", count: $0) + "if True:" }.joined(separator: "\n") + "\n" + String(repeating: " ", count: 1200) + "pass",
             expect: "RecursionError: maximum recursion depth exceeded during compilation"),
        Case(name: "a flat sum of 10,000 terms", code: "print(" + Array(repeating: "1", count: 10_000).joined(separator: " + ") + ")", expect: "10000"),
        // A million levels in a release build (about a second); fewer here, as tests run unoptimised.
        Case(name: "data nested 200,000 deep", code: "x = []\nfor i in range(200000):\n    x = [x]\nprint(len(x))\nx = None\nprint('freed')", expect: "1\nfreed"),
        Case(name: "printing data nested too deep", code: "x = []\nfor i in range(5000):\n    x = [x]\nprint(x)", expect: "RecursionError: maximum recursion depth exceeded while getting the str of an object"),
        Case(name: "recursion under the limit", code: "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(900))", expect: "900"),
        Case(name: "recursion past the limit", code: "def f(n):\n    return f(n + 1)\nf(0)", expect: "RecursionError: maximum recursion depth exceeded"),
        // Memory a per-allocation check used to miss.
        Case(name: "doubling a string", code: "s = 'x' * 1000000\nwhile True:\n    s = s + s", expect: "MemoryError"),
        Case(name: "extending a list with itself", code: "l = [1] * 1000\nwhile True:\n    l.extend(l)", expect: "MemoryError"),
        Case(name: "joining", code: "s = 'x' * 10000000\n''.join([s] * 30)", expect: "MemoryError"),
        Case(name: "replacing", code: "s = 'a' * 10000000\ns.replace('a', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')", expect: "MemoryError"),
        Case(name: "broadcasting", code: "import numpy as np\nnp.ones((20000, 1)) + np.ones((1, 20000))", expect: "MemoryError"),
        Case(name: "a matrix product", code: "import numpy as np\na = np.ones((20000, 2))\na @ a.T", expect: "MemoryError"),
        Case(name: "huge layer weights", code: "from keras.layers import Dense\nfrom keras.models import Sequential\nSequential([Dense(100000, input_shape=(100000,))])", expect: "MemoryError: Dense"),
        Case(name: "huge dataset", code: "from sklearn.datasets import make_moons\nmake_moons(n_samples=10**10)", expect: "MemoryError"),
        Case(name: "huge histogram", code: "import matplotlib.pyplot as plt\nplt.hist([1, 2, 3], bins=10**9)", expect: "MemoryError"),
        Case(name: "printing without end", code: "while True:\n    print('x' * 100000)", expect: "MemoryError: the block printed more than 64 MiB"),
        Case(name: "files past the scratch limit", code: "import matplotlib.pyplot as plt\nimport numpy as np\nmodel = None\nfrom keras.models import Sequential\nfrom keras.layers import Dense\nm = Sequential([Dense(300, input_shape=(300,)), Dense(300)])\nfor i in range(20):\n    m.save(f'm{i}.keras')", expect: "OSError: [Errno 28] No space left on device"),
        Case(name: "file errors are catchable as OSError", code: "from keras.models import load_model\ntry:\n    load_model('missing.keras')\nexcept OSError as e:\n    print('caught', type(e).__name__)", expect: "caught FileNotFoundError"),
        Case(name: "writing outside the scratch folder", code: "import matplotlib.pyplot as plt\nplt.plot([1])\ntry:\n    plt.savefig('/etc/x.png')\nexcept PermissionError:\n    print('refused')", expect: "refused"),
        Case(name: "catching MemoryError", code: "try:\n    x = [0] * 10**12\nexcept MemoryError:\n    print('too big')", expect: "too big"),
        Case(name: "huge zeros", code: "import numpy as np\nnp.zeros((10**6, 10**7))", expect: "MemoryError"),
    ]

    func testEveryHostileCaseEndsInPythonsOwnAnswer() {
        NotebookRunner.setMemoryLimit(mebibytes: 256)
        LessonSession.scratchLimitBytes = 8 << 20
        defer {
            NotebookRunner.setMemoryLimit(mebibytes: 4096)
            LessonSession.scratchLimitBytes = 1 << 30
        }
        for c in Self.cases {
            let source = "# Hostile\n\n```experiment id=x timeout=60\n\(c.code)\n```\n"
            let run = NotebookRunner.run(LessonParser.parse(file: "hostile.md", source: source))
            let outputs = run.record.blocks.first?.outputs.map(\.text).joined(separator: "\n") ?? ""
            XCTAssertTrue(outputs.contains(c.expect), "\(c.name): \(outputs.prefix(600))")
            if c.expect.contains("Error:") {
                XCTAssertTrue(outputs.contains("hostile.md:"), "\(c.name): located in the lesson: \(outputs.prefix(300))")
            }
        }
    }
}
