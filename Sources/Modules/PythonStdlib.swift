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
            members.append(function(name) { args, _ in
                guard let x = args.positional.first else { throw ScriptError.type("\(name)() takes exactly one argument (0 given)") }
                let v = try x.double("x")
                if name == "sqrt" && v < 0 { throw ScriptError.value("math domain error") }
                return .float(f(v))
            })
        }
        members.append(function("log") { args, _ in
            guard let x = args.positional.first else { throw ScriptError.type("log() takes at least one argument") }
            let v = try x.double("x")
            guard v > 0 else { throw ScriptError.value("math domain error") }
            if args.positional.count > 1 { return .float(Foundation.log(v) / Foundation.log(try args.positional[1].double("base"))) }
            return .float(Foundation.log(v))
        })
        members.append(function("pow") { args, _ in
            guard args.positional.count == 2 else { throw ScriptError.type("pow expected 2 arguments") }
            return .float(Foundation.pow(try args.positional[0].double("x"), try args.positional[1].double("y")))
        })
        for (name, rounding) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            members.append(function(name) { args, _ in
                let v = try (args.positional.first ?? .none).double("x")
                return .int(try IntConversion.truncating(v.rounded(rounding)))
            })
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            members.append(function(name) { args, _ in .bool(test(try (args.positional.first ?? .none).double("x"))) })
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
            function("seed") { args, _ in
                r.seed(try args.positional.first.flatMap { $0.isNone ? nil : try $0.int("a") } ?? 0)
                return .none
            },
            function("random") { _, _ in .float(r.random()) },
            function("uniform") { args, _ in
                guard args.positional.count == 2 else { throw ScriptError.type("uniform() takes 2 arguments") }
                let a = try args.positional[0].double("a"), b = try args.positional[1].double("b")
                return .float(a + (b - a) * r.random())
            },
            function("randint") { args, _ in
                guard args.positional.count == 2 else { throw ScriptError.type("randint() takes 2 arguments") }
                let a = try args.positional[0].int("a"), b = try args.positional[1].int("b")
                guard b >= a else { throw ScriptError.value("empty range in randint(\(a), \(b))") }
                return .int(a + r.randbelow(b - a + 1))
            },
            function("randrange") { args, _ in
                var a = 0, b = try (args.positional.first ?? .none).int("stop")
                if args.positional.count > 1 { a = b; b = try args.positional[1].int("stop") }
                guard b > a else { throw ScriptError.value("empty range for randrange()") }
                return .int(a + r.randbelow(b - a))
            },
            function("choice") { args, ctx in
                guard let seq = args.positional.first else { throw ScriptError.type("choice() takes 1 argument") }
                let items = try seq.sequence("seq")
                guard !items.isEmpty else { throw ScriptError.index("Cannot choose from an empty sequence") }
                return items[r.randbelow(items.count)]
            },
            function("shuffle") { args, _ in
                guard case .list(let l)? = args.positional.first else { throw ScriptError.type("shuffle() expects a list") }
                var i = l.items.count - 1
                while i > 0 {
                    let j = r.randbelow(i + 1)
                    l.items.swapAt(i, j)
                    i -= 1
                }
                return .none
            },
            function("gauss") { args, _ in
                let mu = try args.positional.first?.double("mu") ?? 0, sigma = try (args.positional.count > 1 ? args.positional[1] : .float(1)).double("sigma")
                return .float(r.gauss(mu, sigma))
            },
        ])
    }
}
