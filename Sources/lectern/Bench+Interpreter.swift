import Foundation
import Script

extension Bench {
    /// (e) The interpreter on a plain loop, the one CPython 3.11 runs in about 0.09 s on our
    /// machines: a million iterations of `s = s + i * 2 % 7` at the top level, and the same
    /// work as a `while` loop inside a function (locals, `+=`, a comparison per step).
    func benchInterpreter() {
        let cases = [
            ("top-level for loop", "s = 0\nfor i in range(1000000):\n    s = s + i * 2 % 7\n"),
            ("while loop in a def",
             "def f(n):\n    s = 0\n    i = 0\n    while i < n:\n        s += i * 2 % 7\n        i += 1\n    return s\ns = f(1000000)\n"),
        ]
        for (name, source) in cases {
            var times: [Double] = []
            var result = ""
            for _ in 0..<repeats {
                let interpreter = Interpreter(modules: ModuleRegistry())
                let start = ContinuousClock.now
                do {
                    _ = try interpreter.run(source, file: "bench", firstLine: 1)
                } catch {
                    printLine("interpreter benchmark failed: \(error)")
                    return
                }
                times.append((ContinuousClock.now - start).inSeconds)
                result = interpreter.global("s").map(interpreter.repr) ?? "?"
            }
            let (m, lo, hi) = Self.median(times)
            printLine("interpreter, \(name) (1,000,000 steps): "
                      + String(format: "median %.3f s (min %.3f, max %.3f); ", m, lo, hi) + "s = \(result)")
        }
    }
}
