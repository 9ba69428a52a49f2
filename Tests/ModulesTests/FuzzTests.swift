import Foundation
import XCTest
import Engine
import Modules
import Script

/// A seeded random-program test: token soup and mutated lesson code go through the lexer, parser,
/// interpreter and the modules. Every run must end in a value or a ScriptError; a crash ends the
/// test process. The seed makes any failure reproducible.
final class FuzzTests: XCTestCase {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    }

    static let vocabulary = [
        "x", "y", "np", "model", "print", "len", "range", "def", "class", "return", "if", "else", "elif", "for", "in",
        "while", "break", "lambda", "try", "except", "raise", "import", "from", "as", "not", "and", "or", "None", "True",
        "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "/", "//", "%", "**", "@", "<", ">", "~",
        "0", "1", "-1", "2", "10**20", "1e308", "1e-320", "3.5", "9223372036854775807", "'s'", "\"t\"", "f'{x}'", "'''", "\\",
        "np.zeros", "np.arange", "np.array", "reshape", "sum", "mean", "max", "min", "sorted", "int", "float", "str",
        "\n", "\n    ", "\n\t", "#", "%d", "%.3f",
    ]

    static let corpus = [
        "import numpy as np\nX = np.arange(12).reshape(3, 4)\nprint(X[1:, ::2], X.sum(axis=1), X.T @ X)\n",
        "s = 0\nfor i in range(10):\n    s += i ** 2 % 7\nprint('%d %.2f' % (s, s / 3))\n",
        "def f(a, b=2, *c, **d):\n    return [a * b for _ in range(3)], c, d\nprint(f(1, 2, 3, k=4))\n",
        "class A:\n    def __init__(self, n):\n        self.n = n\n    def g(self):\n        return self.n * 2\nprint(A(3).g())\n",
        "import numpy as np\nnp.random.seed(1)\na = np.random.randn(5)\nprint(a[a > 0], np.where(a > 0), round(float(a.mean()), 3))\n",
        "from sklearn.datasets import make_moons\nX, y = make_moons(n_samples=20, noise=0.1, random_state=1)\nprint(X.shape, y[:5])\n",
        "from keras.models import Sequential\nfrom keras.layers import Dense\nimport numpy as np\nm = Sequential([Dense(3, input_dim=2, activation='relu'), Dense(1)])\nm.compile(loss='mse', optimizer='sgd')\nh = m.fit(np.ones((4, 2)), np.zeros(4), epochs=2, verbose=0)\nprint(h.history['loss'])\n",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], 'r--', label='a')\nplt.hist([1, 2, 2, 3], bins=3)\nplt.legend()\nplt.title('t')\n",
        "d = {'a': [1, 2], 'b': (3,)}\nprint(sorted(d.items()), f'{3.14159:.2f}', '{:>5}'.format('x'))\ntry:\n    d['z']\nexcept KeyError as e:\n    print('missing', e)\n",
    ]

    func runOne(_ source: String, registry session: LessonSession) -> String? {
        let interpreter = Interpreter(modules: session.registry)
        interpreter.deadline = ContinuousClock.now + .milliseconds(200)
        do {
            _ = try interpreter.run(source, file: "fuzz.md", firstLine: 1)
        } catch is ScriptError {
        } catch {
            return "non-ScriptError \(error) for:\n\(source)"
        }
        _ = session.takeFigures().map { try? $0.renderPNG(scale: 1) }
        return nil
    }

    func mutate(_ s: String, _ rng: inout Rng) -> String {
        var chars = Array(s)
        for _ in 0...rng.below(3) {
            guard !chars.isEmpty else { break }
            let i = rng.below(chars.count)
            switch rng.below(5) {
            case 0: chars.remove(at: i)
            case 1: chars.insert(rng.pick(Array("()[]{}:,.=+-*/%'\"\\\n #0123456789xyz")), at: i)
            case 2: chars.insert(contentsOf: Array(rng.pick(Self.vocabulary)), at: i)
            case 3:
                let j = rng.below(chars.count)
                chars.swapAt(i, j)
            default:
                // Replace a digit run with an extreme number.
                if chars[i].isNumber { chars.replaceSubrange(i...i, with: Array(rng.pick(["10**20", "-1", "0", "1e308", "float('nan')", "2**63"]))) }
            }
        }
        return String(chars)
    }

    /// Programs aimed at the limits: deep nesting of every kind, numbers at and past the edges
    /// of 64-bit ints and doubles fed to conversions, ranges, NumPy and plots, and containers
    /// that contain themselves, printed and compared.
    func hostile(_ rng: inout Rng) -> String {
        let depth = rng.pick([10, 150, 199, 200, 201, 999, 1000, 1001, 3000])
        let huge = rng.pick(["2**63", "-2**63", "2**63 - 1", "10**18", "10**19", "1e308", "-1e308", "1e-320", "float('inf')",
                             "float('nan')", "-float('inf')", "0", "-1", "10**12"])
        switch rng.below(9) {
        case 0: return "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\nprint(x)\n"
        case 1: return "x = " + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "\nprint(x)\n"
        case 2: return "x = " + String(repeating: rng.pick(["-", "~", "not ", "+"]), count: depth) + "1\n"
        case 3: return (0..<min(depth, 1200)).map { String(repeating: " ", count: $0) + "if True:" }.joined(separator: "\n")
            + "\n" + String(repeating: " ", count: min(depth, 1200)) + "pass\n"
        case 4: return "x = []\nfor i in range(\(depth * 50)):\n    x = [x]\n" + rng.pick(["print(x)", "print(x == x)", "y = [[]]\nprint(x == y)", "print(len(str(x)))", "x = 0"]) + "\n"
        case 5:
            let f = rng.pick(["int(%)", "range(%)", "len(range(0, %, 7))", "round(%)", "abs(%)", "'%d' % (%)", "f'{%:.3f}'", "str(%)",
                              "import math\nmath.floor(%)", "import numpy as np\nnp.zeros(%)", "import numpy as np\nnp.arange(%)",
                              "import numpy as np\nnp.random.choice(%)", "import numpy as np\nint(np.array([%]).max())", "[0] * (%)",
                              "'ab' * (%)", "import numpy as np\nnp.ones((%, 2))", "int('%', 0)", "int('1', %)"])
            return f.replacingOccurrences(of: "%", with: huge) + "\n"
        case 6:
            let make = rng.pick(["l = [1]\nl.append(l)", "d = {}\nd['k'] = d", "l = []\nd = {'l': l}\nl.append(d)", "a = []\nb = [a]\na.append(b)"])
            let use = rng.pick(["print(l)", "print(d)", "print(repr(l))", "print(str(d))", "print(l == l)", "print([l] == [l])",
                                "print(l == [l])", "print(len(l))", "print(sorted([l, l]))", "print(a == b)", "print(a)"])
            return make + "\n" + use + "\n"
        case 7:
            return "import matplotlib.pyplot as plt\nplt.plot([\(huge), 1, 2], [1, \(huge), 3])\n" + rng.pick(["plt.xscale('log')", "plt.yscale('log')", "plt.xlim(\(huge), 1)", "plt.hist([1, 2], bins=\(huge))", "pass"]) + "\n"
        default:
            return "def f(n):\n    return f(n + 1) if n < \(depth) else n\nprint(f(0))\n"
        }
    }

    func testRandomProgramsNeverCrashTheInterpreter() {
        // LECTERN_FUZZ_SECONDS and LECTERN_FUZZ_SEED run it longer or elsewhere in the input space.
        let env = ProcessInfo.processInfo.environment
        let seconds = Int(env["LECTERN_FUZZ_SECONDS"] ?? "") ?? 8
        var rng = Rng(state: UInt64(env["LECTERN_FUZZ_SEED"] ?? "") ?? 20261122)
        let start = ContinuousClock.now
        var runs = 0
        var failures: [String] = []
        let session = LessonSession(seed: 0)
        NotebookLimits.apply(mebibytes: 512)
        // As lessons run: on the interpreter's own large-stack thread.
        StackGuard.run {
            while ContinuousClock.now - start < .seconds(seconds) && failures.isEmpty {
                let source: String
                switch rng.below(3) {
                case 0: source = (0..<rng.below(40)).map { _ in rng.pick(Self.vocabulary) }.joined(separator: rng.below(3) == 0 ? "" : " ")
                case 1: source = mutate(rng.pick(Self.corpus), &rng)
                default: source = hostile(&rng)
                }
                // With LECTERN_FUZZ_LOG set, the program about to run is left in that file, so a crash names its input.
                if let log = env["LECTERN_FUZZ_LOG"] { try? source.write(toFile: log, atomically: false, encoding: .utf8) }
                if let f = runOne(source, registry: session) { failures.append(f) }
                runs += 1
            }
        }
        print("fuzz: \(runs) programs in \(ContinuousClock.now - start), \(failures.count) failures")
        XCTAssertGreaterThan(runs, 200)
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n---\n"))
    }

    func testTheCorpusItselfRunsCleanly() throws {
        for source in Self.corpus {
            let session = LessonSession(seed: 0)
            let interpreter = Interpreter(modules: session.registry)
            interpreter.output = { _ in }
            XCTAssertNoThrow(try interpreter.run(source, file: "c.md", firstLine: 1), source)
        }
    }
}

/// The memory limit as lessons get it (array and list sizes, layer weights).
enum NotebookLimits {
    static func apply(mebibytes: Int) {
        Limits.setMemoryLimit(mebibytes: mebibytes)
        EngineLimits.maxBytes = mebibytes << 20
    }
}
