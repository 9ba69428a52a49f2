import Foundation
import Script

/// NumPy functions the tutorials reach for besides creation and reductions: closeness tests,
/// element-wise maximum/minimum/power, order statistics and `*_like`.
extension NumpyModule {
    static func comparisonAndOrderFunctions() -> [(String, Value)] {
        [
            ("ndarray", .object(TypeObject(name: "ndarray"))),
            function("allclose") { args, _ in
                let (_, _, close) = try closeness("allclose", args)
                return .bool(close.allSatisfy { $0 })
            },
            function("isclose") { args, _ in
                let (a, b, close) = try closeness("isclose", args)
                let shape = try NDArray.broadcastShape(a.shape, b.shape)
                let r = NDArray(shape: shape, storage: close.map { $0 ? 1 : 0 }, dtype: .bool)
                return shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            },
            function("array_equal") { args, _ in
                let s = try args.bind("array_equal", ["a1", "a2", "equal_nan"], required: 2)
                let a = try NDArray.coerce(s[0] ?? .none), b = try NDArray.coerce(s[1] ?? .none)
                let equalNaN = try s.value(2)?.bool("equal_nan") ?? false
                guard a.shape == b.shape else { return .bool(false) }
                return .bool(zip(a.storage, b.storage).allSatisfy { $0 == $1 || (equalNaN && $0.isNaN && $1.isNaN) })
            },
            elementwise("maximum") { x, y in x.isNaN || y.isNaN ? .nan : Swift.max(x, y) },
            elementwise("minimum") { x, y in x.isNaN || y.isNaN ? .nan : Swift.min(x, y) },
            elementwise("power") { x, y in Foundation.pow(x, y) },
            function("median") { args, _ in
                let s = try args.bind("median", ["a", "axis"], required: 1)
                return try orderStatistic(s[0] ?? .none, axis: s.value(1), q: 50)
            },
            function("percentile") { args, _ in
                let s = try args.bind("percentile", ["a", "q", "axis", "method", "interpolation"], required: 2)
                if let m = try (s.value(3) ?? s.value(4))?.string("method"), m != "linear" {
                    throw ScriptError.notImplemented("percentile supports method='linear' (NumPy's default)")
                }
                let qs = try NDArray.coerce(s[1] ?? .none)
                guard qs.storage.allSatisfy({ (0...100).contains($0) }) else { throw ScriptError.value("Percentiles must be in the range [0, 100]") }
                if qs.shape.isEmpty { return try orderStatistic(s[0] ?? .none, axis: s.value(2), q: qs.storage[0]) }
                // A list of q: one result per q along a new first axis, as NumPy returns them.
                let parts = try qs.storage.map { try NDArray.coerce(try orderStatistic(s[0] ?? .none, axis: s.value(2), q: $0)) }
                let inner = parts.first?.shape ?? []
                return .object(NDArray(shape: [parts.count] + inner, storage: parts.flatMap(\.storage), dtype: parts.first?.dtype ?? .float64))
            },
            function("expand_dims") { args, _ in
                let s = try args.bind("expand_dims", ["a", "axis"], required: 2)
                let a = try NDArray.coerce(s[0] ?? .none)
                var ax = try (s[1] ?? .none).int("axis")
                if ax < 0 { ax += a.ndim + 1 }
                guard ax >= 0, ax <= a.ndim else {
                    throw ScriptError(kind: "AxisError", message: "axis \(try (s[1] ?? .none).int("axis")) is out of bounds for array of dimension \(a.ndim + 1)")
                }
                var shape = a.shape
                shape.insert(1, at: ax)
                return .object(NDArray(shape: shape, storage: a.storage, dtype: a.dtype))
            },
            function("squeeze") { args, _ in
                let a = try NDArray.coerce(args.positional.first ?? .none)
                return .object(NDArray(shape: a.shape.filter { $0 != 1 }, storage: a.storage, dtype: a.dtype))
            },
            function("zeros_like") { args, _ in try like(args, "zeros_like", 0) },
            function("ones_like") { args, _ in try like(args, "ones_like", 1) },
            function("count_nonzero") { args, _ in
                let a = try NDArray.coerce(args.positional.first ?? .none)
                return .int(a.storage.filter { $0 != 0 }.count)
            },
            function("sign") { args, _ in
                let a = try NDArray.coerce(args.positional.first ?? .none)
                let r = NDArray(shape: a.shape, storage: a.storage.map { $0.isNaN ? .nan : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) },
                                dtype: a.dtype == .bool ? .int64 : a.dtype)
                return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            },
        ]
    }

    /// `isclose`'s test, |a - b| <= atol + rtol * |b|, over the broadcast operands.
    private static func closeness(_ name: String, _ args: Arguments) throws -> (NDArray, NDArray, [Bool]) {
        let s = try args.bind(name, ["a", "b", "rtol", "atol", "equal_nan"], required: 2)
        let a = try NDArray.coerce(s[0] ?? .none), b = try NDArray.coerce(s[1] ?? .none)
        let rtol = try s.value(2)?.double("rtol") ?? 1e-5, atol = try s.value(3)?.double("atol") ?? 1e-8
        let equalNaN = try s.value(4)?.bool("equal_nan") ?? false
        let shape = try NDArray.broadcastShape(a.shape, b.shape)
        let av = try a.broadcast(to: shape), bv = try b.broadcast(to: shape)
        let close = zip(av, bv).map { x, y -> Bool in
            if x.isNaN || y.isNaN { return equalNaN && x.isNaN && y.isNaN }
            if x.isInfinite || y.isInfinite { return x == y }
            return Swift.abs(x - y) <= atol + rtol * Swift.abs(y)
        }
        return (a, b, close)
    }

    private static func elementwise(_ name: String, _ f: @escaping (Double, Double) -> Double) -> (String, Value) {
        function(name) { args, _ in
            guard args.positional.count == 2 else { throw ScriptError.type("\(name)() takes 2 positional arguments") }
            let a = try NDArray.coerce(args.positional[0]), b = try NDArray.coerce(args.positional[1])
            let shape = try NDArray.broadcastShape(a.shape, b.shape)
            let av = try a.broadcast(to: shape), bv = try b.broadcast(to: shape)
            var dtype = NDArray.DType.promote(a.dtype, b.dtype)
            if dtype == .bool { dtype = .int64 }
            if name == "power", !dtype.isFloat, bv.contains(where: { $0 < 0 }) {
                throw ScriptError.value("Integers to negative integer powers are not allowed.")
            }
            let r = NDArray(shape: shape, storage: zip(av, bv).map(f), dtype: dtype)
            return shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
        }
    }

    /// The q-th percentile with NumPy's default linear interpolation, over all values or one axis.
    private static func orderStatistic(_ v: Value, axis: Value?, q: Double) throws -> Value {
        let a = try NDArray.coerce(v)
        func stat(_ values: [Double]) -> Double {
            if values.isEmpty || values.contains(where: \.isNaN) { return .nan }
            let sorted = values.sorted()
            let pos = q / 100 * Double(sorted.count - 1)
            let lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
            return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - Double(lo))
        }
        let outType: NDArray.DType = a.dtype == .float32 ? .float32 : .float64
        guard let axisValue = axis, !axisValue.isNone else {
            return NDArray(scalar: 0, dtype: outType).scalarValue(stat(a.storage))
        }
        var ax = try axisValue.int("axis")
        if ax < 0 { ax += a.ndim }
        guard ax >= 0, ax < a.ndim else {
            throw ScriptError(kind: "AxisError", message: "axis \(try axisValue.int("axis")) is out of bounds for array of dimension \(a.ndim)")
        }
        let outer = a.shape[..<ax].reduce(1, *), n = a.shape[ax], inner = a.shape[(ax + 1)...].reduce(1, *)
        var out = [Double](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                out[o * inner + i] = stat((0..<n).map { a.storage[(o * n + $0) * inner + i] })
            }
        }
        var shape = a.shape
        shape.remove(at: ax)
        let r = NDArray(shape: shape, storage: out, dtype: outType)
        return shape.isEmpty ? r.scalarValue(out[0]) : .object(r)
    }

    private static func like(_ args: Arguments, _ name: String, _ fill: Double) throws -> Value {
        let s = try args.bind(name, ["a", "dtype"], required: 1)
        let a = try NDArray.coerce(s[0] ?? .none)
        let dtype = try s.value(1).map(NDArray.DType.parse) ?? a.dtype
        return .object(NDArray(shape: a.shape, storage: [Double](repeating: fill, count: a.count), dtype: dtype))
    }
}
