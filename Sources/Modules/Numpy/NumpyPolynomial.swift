import Foundation
import Script
import Tensor

/// `np.polyfit` (least squares on a column-scaled Vandermonde matrix through LAPACK's
/// `dgelsd`, as NumPy does) and `np.polyval` (Horner's rule).
extension NumpyModule {
    static func polynomialFunctions() -> [(String, Value)] {
        [
            declared("polyfit", "x, y, deg, rcond=None, full=False, w=None, !cov=False") { s in
                try polyfit(x: s.ndarray("x"), y: s.ndarray("y"), degree: s["deg"].int("deg"),
                            rcond: s.optional("rcond").map { try $0.double("rcond") },
                            full: try s["full"].bool("full"),
                            weights: try s.optional("w").map(NDArray.coerce))
            },
            declared("polyval", "p, x") { s in
                let p = try s.ndarray("p"), x = try s.ndarray("x")
                guard p.ndim <= 1 else { throw ScriptError.notImplemented("polyval takes a 1-D array of coefficients") }
                var dtype = NDArray.DType.promote(p.dtype, x.dtype)
                if dtype == .bool { dtype = .int64 }
                var y = [Double](repeating: 0, count: x.count)
                for c in p.storage {
                    for i in y.indices { y[i] = y[i] * x.storage[i] + c }
                }
                return NDArray(shape: x.shape, storage: y, dtype: dtype).asResult
            },
        ]
    }

    static func polyfit(x: NDArray, y: NDArray, degree: Int, rcond: Double?, full: Bool, weights: NDArray?) throws -> Value {
        guard degree >= 0 else { throw ScriptError.value("expected deg >= 0") }
        guard x.ndim == 1 else { throw ScriptError.type("expected 1D vector for x") }
        guard x.count > 0 else { throw ScriptError.type("expected non-empty vector for x") }
        guard y.ndim == 1 || y.ndim == 2 else { throw ScriptError.type("expected 1D or 2D array for y") }
        guard x.count == y.shape[0] else { throw ScriptError.type("expected x and y to have same length") }
        let (order, overflow) = degree.addingReportingOverflow(1)
        if overflow { try Limits.check(elements: Int.max, times: 2) }
        let m = x.count, k = y.ndim == 1 ? 1 : y.shape[1]
        try Limits.check(elements: m, times: order)
        // The Vandermonde matrix: column j holds x^(order-1-j), built by repeated products.
        var lhs = [Double](repeating: 0, count: m * order)
        for i in 0..<m {
            var power = 1.0
            for j in stride(from: order - 1, through: 0, by: -1) {
                lhs[i * order + j] = power
                power *= x.storage[i]
            }
        }
        var rhs = y.storage
        if let weights {
            guard weights.ndim == 1 else { throw ScriptError.type("expected a 1-d array for weights") }
            guard weights.count == m else { throw ScriptError.type("expected w and y to have the same length") }
            for i in 0..<m {
                for j in 0..<order { lhs[i * order + j] *= weights.storage[i] }
                for j in 0..<k { rhs[i * k + j] *= weights.storage[i] }
            }
        }
        // Columns scaled to unit norm for conditioning, and the coefficients scaled back.
        var scale = [Double](repeating: 0, count: order)
        for i in 0..<m { for j in 0..<order { scale[j] += lhs[i * order + j] * lhs[i * order + j] } }
        scale = scale.map { $0.squareRoot() }
        for i in 0..<m { for j in 0..<order { lhs[i * order + j] /= scale[j] } }
        let cutoff = rcond ?? Double(m) * Double.ulpOfOne
        let r = try NumpyLinalg.lapack(notConverged: "SVD did not converge in Linear Least Squares") {
            try LAPACK.leastSquares(lhs, rows: m, columns: order, rhs, columns: k, rcond: cutoff)
        }
        var c = r.x
        for j in 0..<order { for col in 0..<k { c[j * k + col] /= scale[j] } }
        let coefficients = NDArray(shape: y.ndim == 1 ? [order] : [order, k], storage: c)
        guard full else { return .object(coefficients) }
        var residuals: [Double] = []
        if r.rank == order, m > order {
            residuals = [Double](repeating: 0, count: k)
            for i in 0..<(m - order) { for j in 0..<k { residuals[j] += r.excess[i * k + j] * r.excess[i * k + j] } }
        }
        return .tuple([.object(coefficients), .object(NDArray(shape: [residuals.count], storage: residuals)),
                       .object(NDArray(scalar: Double(r.rank), dtype: .int64)), .object(NDArray(shape: [r.s.count], storage: r.s)),
                       .object(NDArray(scalar: cutoff))])
    }
}
