import Foundation
import Script
import Tensor

/// `numpy.random`, reproducing NumPy's legacy global RandomState bit for bit. Its functions
/// are the methods of `RandomState` bound to the session's generator, declared once.
enum NumpyRandom {
    static func make(session: LessonSession) -> ModuleObject {
        var members: [(String, Value)] = methods.names.compactMap { name in
            methods.bound(name, to: session.numpyRandom).map { (name, $0) }
        }
        // `np.random.RandomState(seed)`: the same methods on a generator of its own.
        members.append(declared("RandomState", "seed=None") { a in
            let rng = NumPyRandomState(seed: 0)
            rng.seed(try seed(a))
            return .object(RandomStateObject(rng))
        })
        return module("numpy.random", members)
    }

    /// A lesson's seed; None seeds with 0 (NumPy would read the OS's entropy, which would make
    /// a lesson's output differ between runs).
    static func seed(_ a: BoundArguments) throws -> UInt32 {
        UInt32(truncatingIfNeeded: try a.optional("seed")?.int("seed") ?? 0)
    }

    /// The shape `rand(2, 3)` and `randn((2, 3))` are given.
    static func sized(_ args: [Value]) throws -> [Int]? {
        let shape: [Int]
        if args.count == 1, case .tuple(let t) = args[0] { shape = try t.map { try $0.int("size") } } else { shape = try args.map { try $0.int("size") } }
        try NumpyModule.checkedCount(shape)
        return shape.isEmpty ? nil : shape
    }

    /// One draw as a Python float (no shape), or an array of draws in C order.
    static func draws(_ shape: [Int]?, _ draw: () -> Double) -> Value {
        guard let shape else { return .float(draw()) }
        let n = shape.reduce(1, *)
        return .object(NDArray(shape: shape, storage: (0..<n).map { _ in draw() }))
    }

    static let methods = MethodTable<NumPyRandomState>(core + distributions + [choice])

    static let core: [Method<NumPyRandomState>] = [
        Method("seed", "seed=None") { rng, a, _ in
            rng.seed(try seed(a))
            return .none
        },
        Method("rand", "*args") { rng, a, _ in draws(try sized(a.extraPositional)) { rng.randomSample() } },
        Method("randn", "*args") { rng, a, _ in draws(try sized(a.extraPositional)) { rng.gauss() } },
        Method("random", "size=None") { rng, a, _ in draws(try sizeShape(a["size"])) { rng.randomSample() } },
        Method("normal", "loc=0.0, scale=1.0, size=None") { rng, a, _ in
            let loc = try a["loc"].double("loc"), scale = try a["scale"].double("scale")
            return draws(try sizeShape(a["size"])) { rng.normal(loc: loc, scale: scale) }
        },
        Method("uniform", "low=0.0, high=1.0, size=None") { rng, a, _ in
            let low = try a["low"].double("low"), high = try a["high"].double("high")
            return draws(try sizeShape(a["size"])) { rng.uniform(low: low, high: high) }
        },
        Method("randint", "low, high=None, size=None, dtype=<no value>") { rng, a, _ in
            // Other integer widths draw differently in NumPy; only its default int64 is here.
            if let type = a.optional("dtype"), !isInt64(type) {
                throw ScriptError.notImplemented("randint: dtype=\(type.shortDescription) is not supported yet; use int")
            }
            var low = try a["low"].int("low")
            var high = try a.optional("high")?.int("high")
            if high == nil { high = low; low = 0 }
            let hi = high ?? 0
            guard hi > low else { throw ScriptError.value("low >= high") }
            guard let shape = try sizeShape(a["size"]) else { return .int(rng.randint(low: low, high: hi)) }
            let n = shape.reduce(1, *)
            return .object(NDArray(shape: shape, storage: (0..<n).map { _ in Double(rng.randint(low: low, high: hi)) }, dtype: .int64))
        },
        Method("permutation", "x") { rng, a, _ in
            if case .int(let n) = a["x"] {
                try NumpyModule.checkedCount([n])
                return .object(NDArray(shape: [n], storage: rng.permutation(n).map(Double.init), dtype: .int64))
            }
            let x = try a.ndarray("x")
            let order = rng.permutation(x.shape.first ?? 0)
            return try x.getItem(.object(NDArray(shape: [order.count], storage: order.map(Double.init), dtype: .int64))) ?? .none
        },
        Method("shuffle", "x") { rng, a, _ in
            guard case .object(let x as NDArray) = a["x"] else {
                if case .list(let l) = a["x"] { rng.shuffle(&l.items); return .none }
                throw ScriptError.type("shuffle() expects an array or a list")
            }
            let n = x.shape.first ?? 0
            var rows = Array(0..<n)
            rng.shuffle(&rows)
            let rowSize = n == 0 ? 0 : x.count / n
            let old = x.storage
            for (dst, src) in rows.enumerated() {
                for k in 0..<rowSize { x.storage[dst * rowSize + k] = old[src * rowSize + k] }
            }
            return .none
        },
    ]

    /// Whether a `dtype=` names NumPy's default integer (int64).
    static func isInt64(_ v: Value) -> Bool {
        switch v {
        case .string(let s): return ["int", "int64", "i8", "intp"].contains(s)
        case .object(let o as DTypeConstructor): return o.name == "int64"
        case .object(let o as DTypeObject): return o.dtype == .int64
        case .object(let o as BuiltinFunction): return o.name == "int"
        default: return false
        }
    }

    /// The `size` argument: None, an int or a tuple of ints.
    static func sizeShape(_ v: Value) throws -> [Int]? {
        if v.isNone { return nil }
        let shape: [Int]
        if case .int(let n) = v { shape = [n] } else { shape = try v.sequence("size").map { try $0.int("size") } }
        try NumpyModule.checkedCount(shape)
        return shape
    }
}

/// A `np.random.RandomState`: NumPy's legacy generator with a state of its own, whose methods
/// are `NumpyRandom.methods`.
final class RandomStateObject: ScriptObject {
    let rng: NumPyRandomState
    init(_ rng: NumPyRandomState) { self.rng = rng }
    var typeName: String { "RandomState" }
    func repr() -> String { "RandomState(MT19937)" }
    func attribute(_ name: String) throws -> Value? { NumpyRandom.methods.bound(name, to: rng) }
    var attributeNames: [String] { NumpyRandom.methods.names }
}
