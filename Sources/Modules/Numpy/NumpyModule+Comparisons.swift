import Foundation
import Script

/// NumPy functions the tutorials reach for besides creation and reductions: closeness tests,
/// element-wise maximum/minimum/power, order statistics and `*_like`.
extension NumpyModule {
    static func comparisonAndOrderFunctions() -> [(String, Value)] {
        [
            ("ndarray", .object(TypeObject(name: "ndarray"))),
            declared("allclose", "a, b, rtol=1e-05, atol=1e-08, equal_nan=False") { args in
                let (_, _, close) = try closeness(args)
                return .bool(close.allSatisfy { $0 })
            },
            declared("isclose", "a, b, rtol=1e-05, atol=1e-08, equal_nan=False") { args in
                let (a, b, close) = try closeness(args)
                let shape = try NDArray.broadcastShape(a.shape, b.shape)
                let r = NDArray(shape: shape, storage: close.map { $0 ? 1 : 0 }, dtype: .bool)
                return shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            },
            declared("array_equal", "a1, a2, equal_nan=False") { s in
                let a = try s.ndarray("a1"), b = try s.ndarray("a2")
                let equalNaN = try s["equal_nan"].bool("equal_nan")
                guard a.shape == b.shape else { return .bool(false) }
                return .bool(zip(a.storage, b.storage).allSatisfy { $0 == $1 || (equalNaN && $0.isNaN && $1.isNaN) })
            },
            elementwise("maximum") { x, y in x.isNaN || y.isNaN ? .nan : Swift.max(x, y) },
            elementwise("minimum") { x, y in x.isNaN || y.isNaN ? .nan : Swift.min(x, y) },
            elementwise("power") { x, y in Foundation.pow(x, y) },
            // overwrite_input=True lets NumPy reorder its input; leaving it intact honours it too.
            declared("median", "a, axis=None, !out=None, overwrite_input=False, keepdims=False") { s in
                _ = try s["overwrite_input"].bool("overwrite_input")
                return try keepingDimensions(orderStatistic(s["a"], axis: s.npAxis(), q: 50), s)
            },
            declared("percentile", "a, q, axis=None, !out=None, overwrite_input=False, method='linear', keepdims=False, *, !weights=None") { s in
                _ = try s["overwrite_input"].bool("overwrite_input")
                if try s["method"].string("method") != "linear" {
                    throw ScriptError.notImplemented("percentile: method=\(try s["method"].string("method")) is not supported yet; use 'linear' (NumPy's default)")
                }
                let qs = try s.ndarray("q"), axis = try s.npAxis()
                guard qs.storage.allSatisfy({ (0...100).contains($0) }) else { throw ScriptError.value("Percentiles must be in the range [0, 100]") }
                if qs.shape.isEmpty { return try keepingDimensions(orderStatistic(s["a"], axis: axis, q: qs.storage[0]), s) }
                // A list of q: one result per q along a new first axis, as NumPy returns them.
                let parts = try qs.storage.map { try NDArray.coerce(try keepingDimensions(orderStatistic(s["a"], axis: axis, q: $0), s)) }
                let inner = parts.first?.shape ?? []
                return .object(NDArray(shape: [parts.count] + inner, storage: parts.flatMap(\.storage), dtype: parts.first?.dtype ?? .float64))
            },
            declared("expand_dims", "a, axis") { s in
                let a = try s.ndarray("a")
                var ax = try s["axis"].int("axis")
                if ax < 0 { ax += a.ndim + 1 }
                guard ax >= 0, ax <= a.ndim else {
                    throw ScriptError(kind: "AxisError", message: "axis \(try s["axis"].int("axis")) is out of bounds for array of dimension \(a.ndim + 1)")
                }
                var shape = a.shape
                shape.insert(1, at: ax)
                return .object(NDArray(shape: shape, storage: a.storage, dtype: a.dtype))
            },
            declared("squeeze", "a, axis=None") { s in .object(try s.ndarray("a").squeezed(axis: s.npAxis())) },
            declared("zeros_like", "a, dtype=None, !order='K', !subok=True, shape=None, *, !device=None") { s in try like(s, 0) },
            declared("ones_like", "a, dtype=None, !order='K', !subok=True, shape=None, *, !device=None") { s in try like(s, 1) },
            declared("count_nonzero", "a, axis=None, *, keepdims=False") { s in
                let a = try s.ndarray("a")
                let mask = NDArray(shape: a.shape, storage: a.storage.map { $0 != 0 ? 1 : 0 }, dtype: .bool)
                let axis = try s.npAxis()
                let counted = try mask.reduce(.sum, axis: axis)
                if try s["keepdims"].bool("keepdims") { return .object(try NDArray.coerce(counted).keepingDimensions(of: a, axis: axis)) }
                // Over the whole array NumPy returns a Python int.
                guard axis == nil else { return counted }
                return .int(a.storage.filter { $0 != 0 }.count)
            },
            declared("sign", NumpySignatures.unaryUfunc) { s in
                let a = try ufuncOperand(s, "x")
                let r = NDArray(shape: a.shape, storage: a.storage.map { $0.isNaN ? .nan : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) },
                                dtype: a.dtype == .bool ? .int64 : a.dtype)
                return r.shape.isEmpty ? r.scalarValue(r.storage[0]) : .object(r)
            },
        ]
    }

    /// `isclose`'s test, |a - b| <= atol + rtol * |b|, over the broadcast operands.
    private static func closeness(_ s: BoundArguments) throws -> (NDArray, NDArray, [Bool]) {
        let a = try s.ndarray("a"), b = try s.ndarray("b")
        let rtol = try s["rtol"].double("rtol"), atol = try s["atol"].double("atol")
        let equalNaN = try s["equal_nan"].bool("equal_nan")
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
        declared(name, NumpySignatures.binaryUfunc) { s in
            let a = try ufuncOperand(s, "x1"), b = try ufuncOperand(s, "x2")
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
    /// A reduction's result with the reduced axis kept (size 1) when the call asked `keepdims=True`.
    private static func keepingDimensions(_ result: Value, _ s: BoundArguments) throws -> Value {
        guard try s["keepdims"].bool("keepdims") else { return result }
        return .object(try NDArray.coerce(result).keepingDimensions(of: s.ndarray("a"), axis: s.npAxis()))
    }

    private static func orderStatistic(_ v: Value, axis: Int?, q: Double) throws -> Value {
        let a = try NDArray.coerce(v)
        func stat(_ values: [Double]) -> Double {
            if values.isEmpty || values.contains(where: \.isNaN) { return .nan }
            let sorted = values.sorted()
            let pos = q / 100 * Double(sorted.count - 1)
            let lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
            return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - Double(lo))
        }
        let outType: NDArray.DType = a.dtype == .float32 ? .float32 : .float64
        guard let axis else {
            return NDArray(scalar: 0, dtype: outType).scalarValue(stat(a.storage))
        }
        let ax = try NDArray.normalizedAxis(axis, a.ndim)
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

    /// `zeros_like` and `ones_like`: `a`'s shape (or `shape=`) and dtype (or `dtype=`), filled.
    private static func like(_ s: BoundArguments, _ fill: Double) throws -> Value {
        let a = try s.ndarray("a")
        let shape = try s.optional("shape").map(shapeArgument) ?? a.shape
        return .object(NDArray(shape: shape, storage: [Double](repeating: fill, count: shape.reduce(1, *)), dtype: try s.npDType() ?? a.dtype))
    }
}

extension NDArray {
    /// The array without its size-1 axes, or without the one `axis` names (which must be 1).
    func squeezed(axis: Int?) throws -> NDArray {
        guard let axis else { return NDArray(shape: shape.filter { $0 != 1 }, storage: storage, dtype: dtype) }
        let ax = try NDArray.normalizedAxis(axis, ndim)
        guard shape[ax] == 1 else { throw ScriptError.value("cannot select an axis to squeeze out which has size not equal to one") }
        var kept = shape
        kept.remove(at: ax)
        return NDArray(shape: kept, storage: storage, dtype: dtype)
    }
}
