import Foundation
import Script

/// Reductions over all elements or one axis: sum, mean, std, var, min, max, argmax, argmin.
extension NDArray {
    enum Reduction: String, CaseIterable {
        case sum, mean, std, `var`, min, max, argmax, argmin, prod, any, all
    }
}

extension NDArray.Reduction {
    /// NumPy's declarations: `np.sum(a, ...)` and the method `a.sum(...)`.
    var declarations: (function: String, method: String) {
        switch self {
        case .sum, .prod:
            ("a, axis=None, dtype=None, !out=None, keepdims=<no value>, !initial=<no value>, !where=<no value>",
             "axis=None, dtype=None, !out=None, *, keepdims=False, !initial=<no value>, !where=True")
        case .mean:
            ("a, axis=None, dtype=None, !out=None, keepdims=<no value>, *, !where=<no value>",
             "axis=None, dtype=None, !out=None, *, keepdims=False, !where=True")
        case .std, .var:
            ("a, axis=None, dtype=None, !out=None, ddof=0, keepdims=<no value>, *, !where=<no value>, !mean=<no value>, !correction=<no value>",
             "axis=None, dtype=None, !out=None, ddof=0, *, keepdims=False, !where=True, !mean=<no value>, !correction=<no value>")
        case .min, .max:
            ("a, axis=None, !out=None, keepdims=<no value>, !initial=<no value>, !where=<no value>",
             "axis=None, !out=None, *, keepdims=False, !initial=<no value>, !where=True")
        case .argmax, .argmin:
            ("a, axis=None, !out=None, *, keepdims=<no value>", "axis=None, !out=None, *, keepdims=False")
        case .any, .all:
            ("a, axis=None, !out=None, keepdims=<no value>, *, !where=<no value>", "axis=None, !out=None, keepdims=False, *, !where=True")
        }
    }
}

extension NDArray {
    /// The reduction as the arguments bound to its declaration ask: `axis`, `dtype` (the values
    /// cast first, so they accumulate in it), `ddof` and `keepdims`.
    func reduce(_ r: Reduction, _ a: BoundArguments) throws -> Value {
        var source = self
        if a.signature.parameter("dtype") != nil, let type = try a.npDType() {
            if [.mean, .std, .var].contains(r), !type.isFloat {
                throw ScriptError.notImplemented("\(r.rawValue): dtype=\(type.rawValue) is not supported yet; use a float dtype")
            }
            source = astype(type)
        }
        let axis = try a.npAxis()
        let ddof = a.signature.parameter("ddof") != nil ? try a["ddof"].int("ddof") : 0
        let result = try source.reduce(r, axis: axis, ddof: ddof)
        guard try a.npFlag("keepdims") else { return result }
        return .object(try NDArray.coerce(result).keepingDimensions(of: source, axis: axis))
    }

    func reduce(_ r: Reduction, axis: Int?, ddof: Int = 0) throws -> Value {
        guard let axis else {
            let v = try NDArray.reduceValues(storage, r, dtype: dtype, ddof: ddof)
            return resultScalar(v, r)
        }
        let ax = axis < 0 ? axis + ndim : axis
        guard ax >= 0, ax < ndim else {
            throw ScriptError(kind: "AxisError", message: "axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        let outer = shape[..<ax].reduce(1, *), n = shape[ax], inner = shape[(ax + 1)...].reduce(1, *)
        var out = [Double](repeating: 0, count: outer * inner)
        var column = [Double](repeating: 0, count: n)
        for o in 0..<outer {
            for i in 0..<inner {
                for k in 0..<n { column[k] = storage[(o * n + k) * inner + i] }
                out[o * inner + i] = try NDArray.reduceValues(column, r, dtype: dtype, ddof: ddof)
            }
        }
        var newShape = shape
        newShape.remove(at: ax)
        let result = NDArray(shape: newShape, storage: out, dtype: resultDType(r))
        return newShape.isEmpty ? result.scalarValue(out[0]) : .object(result)
    }

    func resultDType(_ r: Reduction) -> DType {
        switch r {
        case .argmax, .argmin: return .int64
        case .any, .all: return .bool
        case .mean, .std, .var: return dtype == .float32 ? .float32 : .float64
        case .sum, .prod: return dtype == .bool ? .int64 : dtype
        case .min, .max: return dtype
        }
    }

    func resultScalar(_ v: Double, _ r: Reduction) -> Value {
        .object(NDArray(scalar: v, dtype: resultDType(r)))
    }

    /// `ddof`: std and var divide by n - ddof (NumPy's delta degrees of freedom).
    static func reduceValues(_ xs: [Double], _ r: Reduction, dtype: DType, ddof: Int = 0) throws -> Double {
        // float32 arrays accumulate in float32 pairwise, as NumPy does; float64 with pairwise sums too.
        func total(_ xs: ArraySlice<Double>) -> Double {
            if xs.count <= 8 {
                var s = 0.0
                for x in xs { s = dtype == .float32 ? Double(Float(s) + Float(x)) : s + x }
                return s
            }
            let mid = xs.startIndex + xs.count / 2
            let a = total(xs[..<mid]), b = total(xs[mid...])
            return dtype == .float32 ? Double(Float(a) + Float(b)) : a + b
        }
        let f32 = dtype == .float32
        func round(_ v: Double) -> Double { f32 ? Double(Float(v)) : v }
        switch r {
        case .sum: return total(xs[...])
        case .prod: return xs.reduce(1, *)
        case .mean:
            guard !xs.isEmpty else { return .nan }
            return round(total(xs[...]) / Double(xs.count))
        case .var, .std:
            guard !xs.isEmpty else { return .nan }
            let mean = round(total(xs[...]) / Double(xs.count))
            let dev = xs.map { round(($0 - mean) * ($0 - mean)) }
            let variance = round(total(dev[...]) / Swift.max(Double(xs.count) - Double(ddof), 0))
            return r == .var ? variance : round(variance.squareRoot())
        case .min, .max:
            guard let first = xs.first else {
                throw ScriptError.value("zero-size array to reduction operation \(r.rawValue) which has no identity")
            }
            if xs.contains(where: { $0.isNaN }) { return .nan }
            return xs.dropFirst().reduce(first) { r == .min ? Swift.min($0, $1) : Swift.max($0, $1) }
        case .argmax, .argmin:
            guard !xs.isEmpty else { throw ScriptError.value("attempt to get \(r.rawValue) of an empty sequence") }
            var best = 0
            for i in xs.indices {
                if xs[i].isNaN { return Double(i) }
                if r == .argmax ? xs[i] > xs[best] : xs[i] < xs[best] { best = i }
            }
            return Double(best)
        case .any: return xs.contains { $0 != 0 } ? 1 : 0
        case .all: return xs.allSatisfy { $0 != 0 } ? 1 : 0
        }
    }
}
