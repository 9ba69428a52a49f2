import Foundation
import Script
import Tensor

/// `numpy.random`, reproducing NumPy's legacy global RandomState bit for bit.
enum NumpyRandom {
    static func make(session: LessonSession) -> ModuleObject {
        let global = functions(session.numpyRandom, name: "numpy.random")
        // `np.random.RandomState(seed)`: the same functions on a generator of its own.
        global.members["RandomState"] = .object(BuiltinFunction("RandomState") { args, _ in
            let s = try args.bind("RandomState", ["seed"])
            let rng = NumPyRandomState(seed: 0)
            rng.seed(UInt32(truncatingIfNeeded: try s.value(0).flatMap { $0.isNone ? nil : try $0.int("seed") } ?? 0))
            return .object(RandomStateObject(functions(rng, name: "RandomState")))
        })
        return global
    }

    /// The sampling functions of `numpy.random`, drawing from `rng`.
    static func functions(_ rng: NumPyRandomState, name: String) -> ModuleObject {
        func sized(_ args: [Value]) throws -> [Int] {
            let shape: [Int]
            if args.count == 1, case .tuple(let t) = args[0] { shape = try t.map { try $0.int("size") } } else { shape = try args.map { try $0.int("size") } }
            try NumpyModule.checkedCount(shape)
            return shape
        }
        func array(_ shape: [Int]?, _ draw: () -> Double) -> Value {
            guard let shape else { return .float(draw()) }
            let n = shape.reduce(1, *)
            return .object(NDArray(shape: shape, storage: (0..<n).map { _ in draw() }))
        }
        func sizeArg(_ v: Value?) throws -> [Int]? {
            guard let v, !v.isNone else { return nil }
            let shape: [Int]
            if case .int(let n) = v { shape = [n] } else { shape = try v.sequence("size").map { try $0.int("size") } }
            try NumpyModule.checkedCount(shape)
            return shape
        }
        return module(name, [
            function("seed") { args, _ in
                let s = try args.bind("seed", ["seed"])
                rng.seed(UInt32(truncatingIfNeeded: try s.value(0)?.int("seed") ?? 0))
                return .none
            },
            function("rand") { args, _ in
                let shape = try sized(args.positional)
                return array(shape.isEmpty ? nil : shape) { rng.randomSample() }
            },
            function("randn") { args, _ in
                let shape = try sized(args.positional)
                return array(shape.isEmpty ? nil : shape) { rng.gauss() }
            },
            function("random") { args, _ in
                let s = try args.bind("random", ["size"])
                return array(try sizeArg(s.value(0))) { rng.randomSample() }
            },
            function("normal") { args, _ in
                let s = try args.bind("normal", ["loc", "scale", "size"])
                let loc = try s.value(0)?.double("loc") ?? 0, scale = try s.value(1)?.double("scale") ?? 1
                return array(try sizeArg(s.value(2))) { rng.normal(loc: loc, scale: scale) }
            },
            function("uniform") { args, _ in
                let s = try args.bind("uniform", ["low", "high", "size"])
                let low = try s.value(0)?.double("low") ?? 0, high = try s.value(1)?.double("high") ?? 1
                return array(try sizeArg(s.value(2))) { rng.uniform(low: low, high: high) }
            },
            function("randint") { args, _ in
                let s = try args.bind("randint", ["low", "high", "size"], required: 1)
                var low = try (s[0] ?? .none).int("low")
                var high = try s.value(1)?.int("high")
                if high == nil { high = low; low = 0 }
                let hi = high ?? 0
                guard hi > low else { throw ScriptError.value("low >= high") }
                guard let shape = try sizeArg(s.value(2)) else { return .int(rng.randint(low: low, high: hi)) }
                let n = shape.reduce(1, *)
                return .object(NDArray(shape: shape, storage: (0..<n).map { _ in Double(rng.randint(low: low, high: hi)) }, dtype: .int64))
            },
            function("permutation") { args, _ in
                guard let x = args.positional.first else { throw ScriptError.type("permutation() missing required argument 'x'") }
                if case .int(let n) = x {
                    try NumpyModule.checkedCount([n])
                    return .object(NDArray(shape: [n], storage: rng.permutation(n).map(Double.init), dtype: .int64))
                }
                let a = try NDArray.coerce(x)
                let order = rng.permutation(a.shape.first ?? 0)
                return try a.getItem(.object(NDArray(shape: [order.count], storage: order.map(Double.init), dtype: .int64))) ?? .none
            },
            function("shuffle") { args, _ in
                guard case .object(let a as NDArray)? = args.positional.first else {
                    if case .list(let l)? = args.positional.first { rng.shuffle(&l.items); return .none }
                    throw ScriptError.type("shuffle() expects an array or a list")
                }
                let n = a.shape.first ?? 0
                var rows = Array(0..<n)
                rng.shuffle(&rows)
                let rowSize = n == 0 ? 0 : a.count / n
                let old = a.storage
                for (dst, src) in rows.enumerated() {
                    for k in 0..<rowSize { a.storage[dst * rowSize + k] = old[src * rowSize + k] }
                }
                return .none
            },
            function("choice") { args, _ in
                let s = try args.bind("choice", ["a", "size", "replace"], required: 1)
                // An int `a` is the range 0..<a, never built: draws are indices (as NumPy does).
                let pool: NDArray?
                let n: Int
                if case .int(let size)? = s[0] {
                    guard size > 0 else { throw ScriptError.value("a must be greater than 0 unless no samples are taken") }
                    pool = nil
                    n = size
                } else {
                    let p = try NDArray.coerce(s[0] ?? .none)
                    guard p.count > 0 else { throw ScriptError.value("a cannot be empty unless no samples are taken") }
                    pool = p
                    n = p.count
                }
                func pick(_ i: Int) -> Double { pool.map { $0.storage[i] } ?? Double(i) }
                let dtype = pool?.dtype ?? .int64
                guard let shape = try sizeArg(s.value(1)) else {
                    let i = Int(rng.randomInterval(UInt64(n - 1)))
                    return pool.map { $0.scalarValue($0.storage[i]) } ?? .int(i)
                }
                let count = try Limits.elements(shape)
                if try s.value(2)?.bool("replace") == false {
                    guard count <= n else { throw ScriptError.value("Cannot take a larger sample than population when 'replace=False'") }
                    try Limits.check(elements: n, times: 1)
                    let perm = rng.permutation(n).prefix(count)
                    return .object(NDArray(shape: shape, storage: perm.map(pick), dtype: dtype))
                }
                return .object(NDArray(shape: shape, storage: (0..<count).map { _ in pick(Int(rng.randomInterval(UInt64(n - 1)))) }, dtype: dtype))
            },
        ] + distributions(rng))
    }
}

/// A `np.random.RandomState`: NumPy's legacy generator with a state of its own.
final class RandomStateObject: ScriptObject {
    let methods: ModuleObject
    init(_ methods: ModuleObject) { self.methods = methods }
    var typeName: String { "RandomState" }
    func repr() -> String { "RandomState(MT19937)" }
    func attribute(_ name: String) throws -> Value? { methods.members[name] }
    var attributeNames: [String] { methods.members.keys.sorted() }
}

