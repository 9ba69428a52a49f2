import Foundation
import Script
import Tensor

/// Python's `math` and `random` modules. `random` follows CPython: MT19937 seeded from the
/// integer's 32-bit words (init_by_array), `random()` from two draws, `randrange` by rejection
/// on `getrandbits`, and `gauss` by the cached Box-Muller pair.
enum PythonStdlib {
    static func math() -> ModuleObject {
        var members: [(String, Value)] = [
            ("pi", .float(Double.pi)), ("e", .float(M_E)), ("inf", .float(.infinity)), ("nan", .float(.nan)), ("tau", .float(2 * Double.pi)),
        ]
        let unary: [(String, (Double) -> Double)] = [
            ("sqrt", { $0.squareRoot() }), ("exp", { Foundation.exp($0) }), ("log10", { Foundation.log10($0) }),
            ("log2", { Foundation.log2($0) }), ("tanh", { Foundation.tanh($0) }), ("sin", { Foundation.sin($0) }),
            ("cos", { Foundation.cos($0) }), ("tan", { Foundation.tan($0) }), ("fabs", { Swift.abs($0) }), ("atan", { Foundation.atan($0) }),
        ]
        for (name, f) in unary {
            members.append(declared(name, "x, /") { a, _ in
                let v = try a["x"].double("x")
                if name == "sqrt" && v < 0 { throw ScriptError.value("math domain error") }
                return .float(f(v))
            })
        }
        members.append(declared("log", "x, base=<no value>, /") { a, _ in
            let v = try a["x"].double("x")
            guard v > 0 else { throw ScriptError.value("math domain error") }
            guard a.given("base") else { return .float(Foundation.log(v)) }
            let base = try a["base"].double("base")
            guard base > 0 else { throw ScriptError.value("math domain error") }
            return .float(Foundation.log(v) / Foundation.log(base))
        })
        members.append(declared("pow", "x, y, /") { a, _ in
            .float(Foundation.pow(try a["x"].double("x"), try a["y"].double("y")))
        })
        for (name, rounding) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            members.append(declared(name, "x, /") { a, _ in
                if case .int(let i) = a["x"] { return .int(i) }
                return .int(try IntConversion.truncating(try a["x"].double("x").rounded(rounding)))
            })
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            members.append(declared(name, "x, /") { a, _ in .bool(test(try a["x"].double("x"))) })
        }
        return module("math", members)
    }

    /// CPython's `random` module state.
    final class PyRandom {
        let mt = NumPyRandomState(seed: 0)
        var gaussNext: Double?

        func seed(_ n: Int) {
            var words: [UInt32] = []
            var m = n.magnitude
            repeat { words.append(UInt32(truncatingIfNeeded: m)); m >>= 32 } while m > 0
            mt.seed(array: words)
            gaussNext = nil
        }

        func random() -> Double { mt.randomSample() }

        func getrandbits(_ k: Int) -> UInt64 {
            if k <= 32 { return UInt64(mt.nextUInt32() >> UInt32(32 - k)) }
            let low = UInt64(mt.nextUInt32()), high = UInt64(mt.nextUInt32() >> UInt32(64 - k))
            return (high << 32) | low
        }

        func randbelow(_ n: Int) -> Int {
            guard n > 0 else { return 0 }
            let k = Int.bitWidth - n.leadingZeroBitCount
            var r = getrandbits(k)
            while r >= UInt64(n) { r = getrandbits(k) }
            return Int(r)
        }

        func gauss(_ mu: Double, _ sigma: Double) -> Double {
            if let z = gaussNext {
                gaussNext = nil
                return mu + z * sigma
            }
            let x2pi = random() * 2 * Double.pi
            let g2rad = (-2 * Foundation.log(1 - random())).squareRoot()
            gaussNext = Foundation.sin(x2pi) * g2rad
            return mu + Foundation.cos(x2pi) * g2rad * sigma
        }
    }

    static func random(session: LessonSession) -> ModuleObject {
        let r = PyRandom()
        r.seed(Int(truncatingIfNeeded: session.seedValue))
        return module("random", [
            // Python 3.11's seed takes integers (and None, seeding as 0 does here); `version` picks an old
            // seeding of strings, which Lectern does not have.
            declared("seed", "a=None, !version=2") { a, _ in
                r.seed(try a.optional("a")?.int("a") ?? 0)
                return .none
            },
            declared("random", "") { _, _ in .float(r.random()) },
            declared("uniform", "a, b") { a, _ in
                let lo = try a["a"].double("a"), hi = try a["b"].double("b")
                return .float(lo + (hi - lo) * r.random())
            },
            declared("randint", "a, b") { a, _ in
                let lo = try a["a"].int("a"), hi = try a["b"].int("b")
                guard hi >= lo else { throw ScriptError.value("empty range in randint(\(lo), \(hi))") }
                return .int(lo + r.randbelow(hi - lo + 1))
            },
            declared("randrange", "start, stop=None, step=1") { a, _ in try randrange(a, r) },
            declared("choice", "seq") { a, _ in
                let items = try a["seq"].sequence("seq")
                guard !items.isEmpty else { throw ScriptError.index("Cannot choose from an empty sequence") }
                return items[r.randbelow(items.count)]
            },
            declared("shuffle", "x") { a, _ in
                guard case .list(let l) = a["x"] else { throw ScriptError.type("shuffle() expects a list. Received: \(a["x"].shortDescription)") }
                var i = l.items.count - 1
                while i > 0 {
                    let j = r.randbelow(i + 1)
                    l.items.swapAt(i, j)
                    i -= 1
                }
                return .none
            },
            declared("gauss", "mu=0.0, sigma=1.0") { a, _ in .float(r.gauss(try a["mu"].double("mu"), try a["sigma"].double("sigma"))) },
        ])
    }

    /// CPython's `randrange(start, stop, step)`: `randbelow` of the number of values in the range.
    static func randrange(_ a: BoundArguments, _ r: PyRandom) throws -> Value {
        guard let stopValue = a.optional("stop") else {
            if a.given("step") { throw ScriptError.type("Missing a non-None stop argument") }
            let stop = try a["start"].int("start")
            guard stop > 0 else { throw ScriptError.value("empty range for randrange()") }
            return .int(r.randbelow(stop))
        }
        let start = try a["start"].int("start"), stop = try stopValue.int("stop"), step = try a["step"].int("step")
        let width = stop - start
        if step == 1 {
            guard width > 0 else { throw ScriptError.value("empty range in randrange(\(start), \(stop))") }
            return .int(start + r.randbelow(width))
        }
        guard step != 0 else { throw ScriptError.value("zero step for randrange()") }
        let n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step
        guard n > 0 else { throw ScriptError.value("empty range in randrange(\(start), \(stop), \(step))") }
        return .int(start + step * r.randbelow(n))
    }
}
