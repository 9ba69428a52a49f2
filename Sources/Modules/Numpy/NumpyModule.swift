import Foundation
import Script
import Tensor

/// The `numpy` module: array creation, element-wise math, reductions, `linalg` and `random`.
enum NumpyModule {
    static func make(session: LessonSession) -> ModuleObject {
        var members: [(String, Value)] = [
            function("array") { args, _ in try arrayFunction(args) },
            function("asarray") { args, _ in try arrayFunction(args) },
            function("zeros") { args, _ in try filled(args, 0, "zeros") },
            function("ones") { args, _ in try filled(args, 1, "ones") },
            function("full") { args, _ in
                let s = try args.bind("full", ["shape", "fill_value", "dtype"], required: 2)
                let v = try (s[1] ?? .int(0)).double("fill_value")
                let shape = try shapeArgument(s[0] ?? .none)
                return .object(NDArray(shape: shape, storage: [Double](repeating: v, count: shape.reduce(1, *)),
                                       dtype: try s.value(2).map(NDArray.DType.parse) ?? (isInt(s[1]) ? .int64 : .float64)))
            },
            function("arange") { args, _ in try arange(args) },
            function("meshgrid") { args, _ in
                // meshgrid(x, y): X repeats x along the rows, Y repeats y along the columns ('xy' indexing).
                let s = try args.bind("meshgrid", ["x", "y", "indexing"], required: 2)
                let xa = try NDArray.coerce(s[0] ?? .none), ya = try NDArray.coerce(s[1] ?? .none)
                let x = xa.storage, y = ya.storage
                let ij = try s.value(2)?.string("indexing") == "ij"
                try Limits.check(elements: x.count, times: y.count)
                let rows = ij ? x.count : y.count, cols = ij ? y.count : x.count
                var xx = [Double](repeating: 0, count: rows * cols), yy = xx
                for r in 0..<rows {
                    for c in 0..<cols {
                        xx[r * cols + c] = ij ? x[r] : x[c]
                        yy[r * cols + c] = ij ? y[c] : y[r]
                    }
                }
                return .list(ListStorage([.object(NDArray(shape: [rows, cols], storage: xx, dtype: xa.dtype)),
                                          .object(NDArray(shape: [rows, cols], storage: yy, dtype: ya.dtype))]))
            },
            function("linspace") { args, _ in
                let s = try args.bind("linspace", ["start", "stop", "num", "endpoint"], required: 2)
                let a = try (s[0] ?? .none).double("start"), b = try (s[1] ?? .none).double("stop")
                let n = try s.value(2)?.int("num") ?? 50
                let endpoint = try s.value(3)?.bool("endpoint") ?? true
                guard n >= 0 else { throw ScriptError.value("Number of samples, \(n), must be non-negative.") }
                try Limits.check(elements: n, times: 1)
                let div = Double(endpoint ? max(n - 1, 1) : max(n, 1))
                let step = (b - a) / div
                var out = (0..<n).map { a + Double($0) * step }
                if endpoint, n > 1 { out[n - 1] = b }
                return .object(NDArray(shape: [n], storage: out))
            },
            function("where") { args, _ in
                let s = try args.bind("where", ["condition", "x", "y"], required: 1)
                let c = try NDArray.coerce(s[0] ?? .none)
                if let x = s.value(1), let y = s.value(2) {
                    let a = try NDArray.coerce(x), b = try NDArray.coerce(y)
                    let shape = try NDArray.broadcastShape(NDArray.broadcastShape(c.shape, a.shape), b.shape)
                    let cv = try c.broadcast(to: shape), av = try a.broadcast(to: shape), bv = try b.broadcast(to: shape)
                    let out = (0..<cv.count).map { cv[$0] != 0 ? av[$0] : bv[$0] }
                    return .object(NDArray(shape: shape, storage: out, dtype: NDArray.DType.promote(a.dtype, b.dtype)))
                }
                // One argument: a tuple of index arrays, one per dimension.
                let st = c.strides
                let hits = c.storage.indices.filter { c.storage[$0] != 0 }
                let dims = (0..<max(c.ndim, 1)).map { d in
                    Value.object(NDArray(shape: [hits.count],
                                         storage: hits.map { c.ndim == 0 ? 0 : Double(($0 / st[d]) % c.shape[d]) }, dtype: .int64))
                }
                return .tuple(dims)
            },
            function("concatenate") { args, _ in
                let s = try args.bind("concatenate", ["arrays", "axis"], required: 1)
                return .object(try concatenate(try (s[0] ?? .none).sequence("arrays").map(NDArray.coerce),
                                               axis: try s.value(1)?.int("axis") ?? 0))
            },
            function("vstack") { args, _ in
                let arrays = try (args.positional.first ?? .none).sequence("tup").map(NDArray.coerce)
                return .object(try concatenate(try arrays.map { $0.ndim == 1 ? try $0.reshaped([1, $0.count]) : $0 }, axis: 0))
            },
            function("hstack") { args, _ in
                let arrays = try (args.positional.first ?? .none).sequence("tup").map(NDArray.coerce)
                return .object(try concatenate(arrays, axis: arrays.first?.ndim == 1 ? 0 : 1))
            },
            function("unique") { args, _ in
                let a = try NDArray.coerce(args.positional.first ?? .none)
                let u = Array(Set(a.storage)).sorted()
                return .object(NDArray(shape: [u.count], storage: u, dtype: a.dtype))
            },
            function("stack") { args, _ in
                // Joins equal-shaped arrays along a new axis (0 or -1 / ndim).
                let s = try args.bind("stack", ["arrays", "axis"], required: 1)
                let arrays = try (s[0] ?? .none).sequence("arrays").map(NDArray.coerce)
                guard let first = arrays.first, arrays.allSatisfy({ $0.shape == first.shape }) else {
                    throw ScriptError.value("all input arrays must have the same shape")
                }
                var axis = try s.value(1)?.int("axis") ?? 0
                if axis < 0 { axis += first.ndim + 1 }
                guard axis == 0 || axis == first.ndim else { throw ScriptError.notImplemented("stack supports axis=0 and axis=-1") }
                let joined = try concatenate(try arrays.map { try $0.reshaped([1] + $0.shape) }, axis: 0)
                if axis == 0 { return .object(joined) }
                // Last axis: element i of every array side by side.
                let n = first.count, k = arrays.count
                var out = [Double](repeating: 0, count: n * k)
                for (j, a) in arrays.enumerated() { for i in 0..<n { out[i * k + j] = a.storage[i] } }
                return .object(NDArray(shape: first.shape + [k], storage: out, dtype: joined.dtype))
            },
            function("eye") { args, _ in
                let s = try args.bind("eye", ["N", "M", "k", "dtype"], required: 1)
                let n = try (s[0] ?? .none).int("N"), m = try s.value(1).flatMap { $0.isNone ? nil : try $0.int("M") } ?? n
                let k = try s.value(2)?.int("k") ?? 0
                guard n >= 0, m >= 0 else { throw ScriptError.value("negative dimensions are not allowed") }
                try Limits.check(elements: n, times: m)
                var out = [Double](repeating: 0, count: n * m)
                for i in 0..<n where i + k >= 0 && i + k < m { out[i * m + i + k] = 1 }
                return .object(NDArray(shape: [n, m], storage: out))
            },
            function("matmul") { args, _ in
                guard args.positional.count == 2 else { throw ScriptError.type("matmul() takes 2 arguments") }
                let r = try NDArray.matmul(NDArray.coerce(args.positional[0]), NDArray.coerce(args.positional[1]))
                return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            },
            function("dot") { args, _ in
                guard args.positional.count == 2 else { throw ScriptError.type("dot() takes 2 arguments") }
                let r = try NDArray.matmul(NDArray.coerce(args.positional[0]), NDArray.coerce(args.positional[1]))
                return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            },
            function("clip") { args, _ in
                let s = try args.bind("clip", ["a", "a_min", "a_max"], required: 3)
                let a = try NDArray.coerce(s[0] ?? .none)
                let lo = try s.value(1)?.double("a_min") ?? -.infinity, hi = try s.value(2)?.double("a_max") ?? .infinity
                return .object(NDArray(shape: a.shape, storage: a.storage.map { Swift.min(Swift.max($0, lo), hi) }, dtype: a.dtype))
            },
            function("cumsum") { args, _ in
                let a = try NDArray.coerce(args.positional.first ?? .none)
                var acc = 0.0
                return .object(NDArray(shape: [a.count], storage: a.storage.map { acc += $0; return acc }, dtype: a.dtype == .bool ? .int64 : a.dtype))
            },
            ("float32", .object(DTypeConstructor(.float32, name: "float32"))),
            ("float64", .object(DTypeConstructor(.float64, name: "float64"))),
            ("int64", .object(DTypeConstructor(.int64, name: "int64"))),
            ("int32", .object(DTypeConstructor(.int64, name: "int64"))),
            ("bool_", .object(DTypeConstructor(.bool, name: "bool_"))),
            ("pi", .float(Double.pi)),
            ("e", .float(M_E)),
            ("inf", .float(.infinity)),
            ("nan", .float(.nan)),
            ("newaxis", .none),
            ("linalg", .object(NumpyLinalg.make())),
            ("random", .object(NumpyRandom.make(session: session))),
        ]
        members += comparisonAndOrderFunctions()
        members += shapeFunctions()
        members += contractionFunctions()
        members += polynomialFunctions()
        members += axisFunctions()
        for r in NDArray.Reduction.allCases {
            members.append(function(r.rawValue) { args, _ in
                let s = try args.bind(r.rawValue, ["a", "axis"], required: 1)
                return try NDArray.coerce(s[0] ?? .none).reduce(r, axis: try s.value(1).map { try $0.int("axis") })
            })
        }
        let unary: [(String, (Double) -> Double)] = [
            ("sqrt", { $0.squareRoot() }), ("exp", { Foundation.exp($0) }), ("log", { Foundation.log($0) }),
            ("abs", { Swift.abs($0) }), ("tanh", { Foundation.tanh($0) }), ("sin", { Foundation.sin($0) }),
            ("cos", { Foundation.cos($0) }), ("log10", { Foundation.log10($0) }), ("floor", { $0.rounded(.down) }),
            ("ceil", { $0.rounded(.up) }), ("square", { $0 * $0 }), ("isnan", { $0.isNaN ? 1 : 0 }),
            ("log1p", { Foundation.log1p($0) }), ("isfinite", { $0.isFinite ? 1 : 0 }), ("isinf", { $0.isInfinite ? 1 : 0 }),
        ]
        for (name, f) in unary {
            members.append(function(name) { args, _ in
                guard let x = args.positional.first else { throw ScriptError.type("\(name)() missing required argument 'x'") }
                let a = try NDArray.coerce(x)
                var r = a.mapFloat(f)
                if name == "abs" || name == "square", !a.dtype.isFloat { r = NDArray(shape: a.shape, storage: a.storage.map(f), dtype: a.dtype) }
                if name.hasPrefix("is") { r = NDArray(shape: a.shape, storage: r.storage, dtype: .bool) }
                return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            })
        }
        members.append(function("round") { args, _ in
            let s = try args.bind("round", ["a", "decimals"], required: 1)
            let a = try NDArray.coerce(s[0] ?? .none)
            let scale = Foundation.pow(10.0, Double(try s.value(1)?.int("decimals") ?? 0))
            let r = NDArray(shape: a.shape, storage: a.storage.map { ($0 * scale).rounded(.toNearestOrEven) / scale }, dtype: a.dtype)
            return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
        })
        members.append(NumpyFiles.loadtxt(session: session))
        members.append(NumpyFiles.load(session: session))
        return module("numpy", members)
    }

    static func isInt(_ v: Value?) -> Bool { if case .int = v { return true } else { return false } }

    static func arrayFunction(_ args: Arguments) throws -> Value {
        let s = try args.bind("array", ["object", "dtype"], required: 1)
        return .object(try NDArray.from(s[0] ?? .none, dtype: try s.value(1).map(NDArray.DType.parse)))
    }

    static func shapeArgument(_ v: Value) throws -> [Int] {
        let shape: [Int]
        switch v {
        case .int(let n): shape = [n]
        default: shape = try v.sequence("shape").map { try $0.int("shape") }
        }
        try checkedCount(shape)
        return shape
    }

    /// The element count of a shape, refusing negative dimensions and sizes over the memory limit.
    @discardableResult
    static func checkedCount(_ shape: [Int]) throws -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw ScriptError.value("negative dimensions are not allowed") }
        var total = 1
        for d in shape {
            let (t, overflow) = total.multipliedReportingOverflow(by: d)
            if overflow { try Limits.check(elements: Int.max, times: 1) }
            total = t
        }
        try Limits.check(elements: total, times: 1)
        return total
    }

    static func filled(_ args: Arguments, _ value: Double, _ name: String) throws -> Value {
        let s = try args.bind(name, ["shape", "dtype"], required: 1)
        let shape = try shapeArgument(s[0] ?? .none)
        guard shape.allSatisfy({ $0 >= 0 }) else { throw ScriptError.value("negative dimensions are not allowed") }
        return .object(NDArray(shape: shape, storage: [Double](repeating: value, count: shape.reduce(1, *)),
                               dtype: try s.value(1).map(NDArray.DType.parse) ?? .float64))
    }

    static func arange(_ args: Arguments) throws -> Value {
        let s = try args.bind("arange", ["start", "stop", "step", "dtype"], required: 1)
        var start = s[0] ?? .int(0), stop = s.value(1), step = s.value(2) ?? .int(1)
        if stop == nil { stop = start; start = .int(0) }
        let allInt = [start, stop ?? .int(0), step].allSatisfy { if case .int = $0 { return true } else { return false } }
        let a = try start.double("start"), b = try (stop ?? .int(0)).double("stop"), d = try step.double("step")
        guard d != 0 else { throw ScriptError(kind: "ZeroDivisionError", message: "division by zero") }
        let steps = ((b - a) / d).rounded(.up)
        guard steps.isFinite else { throw ScriptError.value("arange: the bounds and step must be finite") }
        try Limits.check(elements: steps > 1e12 ? Int.max : Int(Swift.max(steps, 0)), times: 1)
        let n = steps > 0 ? Int(steps) : 0
        let dtype = try s.value(3).map(NDArray.DType.parse) ?? (allInt ? .int64 : .float64)
        return .object(NDArray(shape: [n], storage: (0..<n).map { a + Double($0) * d }, dtype: dtype))
    }

    static func concatenate(_ arrays: [NDArray], axis: Int) throws -> NDArray {
        guard let first = arrays.first else { throw ScriptError.value("need at least one array to concatenate") }
        let ax = axis < 0 ? axis + first.ndim : axis
        guard ax >= 0, ax < first.ndim else { throw ScriptError(kind: "AxisError", message: "axis \(axis) is out of bounds for array of dimension \(first.ndim)") }
        for a in arrays where a.ndim != first.ndim || (0..<a.ndim).contains(where: { $0 != ax && a.shape[$0] != first.shape[$0] }) {
            throw ScriptError.value("all the input array dimensions except for the concatenation axis must match exactly")
        }
        let outer = first.shape[..<ax].reduce(1, *)
        var out: [Double] = []
        for o in 0..<outer {
            for a in arrays {
                let chunk = a.shape[ax...].reduce(1, *)
                out += a.storage[(o * chunk)..<((o + 1) * chunk)]
            }
        }
        var shape = first.shape
        shape[ax] = arrays.reduce(0) { $0 + $1.shape[ax] }
        let dtype = arrays.dropFirst().reduce(first.dtype) { NDArray.DType.promote($0, $1.dtype) }
        return NDArray(shape: shape, storage: out, dtype: dtype)
    }
}
