import Foundation
import Script

/// Reductions over all elements or one axis: sum, mean, std, var, min, max, argmax, argmin.
extension NDArray {
    enum Reduction: String, CaseIterable {
        case sum, mean, std, `var`, min, max, argmax, argmin, prod, any, all
    }

    func reduce(_ r: Reduction, axis: Int?) throws -> Value {
        guard let axis else {
            let v = try NDArray.reduceValues(storage, r, dtype: dtype)
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
                out[o * inner + i] = try NDArray.reduceValues(column, r, dtype: dtype)
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

    static func reduceValues(_ xs: [Double], _ r: Reduction, dtype: DType) throws -> Double {
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
            let variance = round(total(dev[...]) / Double(xs.count))
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
