import Foundation
import Script
import Tensor

/// `numpy.linalg`: decompositions and solvers through LAPACK (see `Tensor.LAPACK`), with
/// NumPy's argument checks and its `LinAlgError` (a `ValueError`) for singular or
/// non-square input. Stacks of matrices (leading dimensions) are handled one matrix at a time.
enum NumpyLinalg {
    static func make() -> ModuleObject {
        module("numpy.linalg", [
            declared("norm", "x, ord=None, axis=None, keepdims=False") { s in try norm(s) },
            declared("inv", "a") { s in
                let st = try MatrixStack(s["a"], square: true)
                let n = st.rows
                var identity = [Double](repeating: 0, count: n * n)
                for i in 0..<n { identity[i * n + i] = 1 }
                let parts = try st.map { m in try lapack { try LAPACK.solve(m, n: n, identity, columns: n) } }
                return .object(st.result(st.batch + [n, n], parts.flatMap { $0 }))
            },
            declared("det", "a") { s in
                let st = try MatrixStack(s["a"], square: true)
                // NumPy forms det as sign · exp(log|det|) from the LU factors.
                let dets = try st.map { m in
                    let (sign, logAbs) = try lapack { try LAPACK.signAndLogDeterminant(m, n: st.rows) }
                    return sign * exp(logAbs)
                }
                return st.scalarOrArray(dets)
            },
            declared("slogdet", "a") { s in
                let st = try MatrixStack(s["a"], square: true)
                let pairs = try st.map { m in try lapack { try LAPACK.signAndLogDeterminant(m, n: st.rows) } }
                return .object(LinalgResult("SlogdetResult", [("sign", st.scalarOrArray(pairs.map(\.sign))),
                                                              ("logabsdet", st.scalarOrArray(pairs.map(\.logAbs)))]))
            },
            declared("solve", "a, b") { s in try solve(s) },
            declared("lstsq", "a, b, rcond=None") { s in try leastSquares(s) },
            declared("eig", "a") { s in
                let (w, v) = try generalEigen(s["a"], vectors: true)
                return .object(LinalgResult("EigResult", [("eigenvalues", .object(w)), ("eigenvectors", .object(v))]))
            },
            declared("eigvals", "a") { s in .object(try generalEigen(s["a"], vectors: false).0) },
            declared("eigh", "a, UPLO='L'") { s in
                let (w, v) = try symmetricEigen(s["a"], uplo: s["UPLO"], vectors: true)
                return .object(LinalgResult("EighResult", [("eigenvalues", .object(w)), ("eigenvectors", .object(v))]))
            },
            declared("eigvalsh", "a, UPLO='L'") { s in .object(try symmetricEigen(s["a"], uplo: s["UPLO"], vectors: false).0) },
            declared("svd", "a, full_matrices=True, compute_uv=True, !hermitian=False") { s in try svd(s) },
        ])
    }

    static func linAlgError(_ message: String) -> ScriptError { ScriptError(kind: "LinAlgError", message: message) }

    /// Runs a LAPACK call, turning its failures into NumPy's exceptions.
    static func lapack<T>(notConverged: String = "SVD did not converge", _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch LAPACK.Failure.singular {
            throw linAlgError("Singular matrix")
        } catch LAPACK.Failure.noConvergence {
            throw linAlgError(notConverged)
        } catch LAPACK.Failure.invalidArgument {
            throw ScriptError.value("array is too large for LAPACK's 32-bit dimensions")
        }
    }

    private static func solve(_ s: BoundArguments) throws -> Value {
        let st = try MatrixStack(s["a"], square: true)
        let b = try s.ndarray("b")
        let n = st.rows
        if b.ndim == 1 {
            guard b.count == n else {
                throw ScriptError.value("solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size \(b.count) is different from \(n))")
            }
            let parts = try st.map { m in try lapack { try LAPACK.solve(m, n: n, b.storage, columns: 1) } }
            return .object(st.result(st.batch + [n], parts.flatMap { $0 }, with: b.dtype))
        }
        guard b.ndim >= 2, b.shape[b.ndim - 2] == n else {
            throw ScriptError.value("solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size \(b.shape.count >= 2 ? b.shape[b.ndim - 2] : 0) is different from \(n))")
        }
        let k = b.shape[b.ndim - 1]
        let bBatch = Array(b.shape.dropLast(2))
        guard bBatch == st.batch || bBatch.isEmpty else {
            throw ScriptError.notImplemented("solve broadcasts a stack of right-hand sides only over an equal stack of matrices")
        }
        let parts = try st.map(index: true) { m, i in
            let offset = bBatch.isEmpty ? 0 : i * n * k
            return try lapack { try LAPACK.solve(m, n: n, Array(b.storage[offset..<(offset + n * k)]), columns: k) }
        }
        return .object(st.result(st.batch + [n, k], parts.flatMap { $0 }, with: b.dtype))
    }

    private static func leastSquares(_ s: BoundArguments) throws -> Value {
        let a = try s.ndarray("a"), b = try s.ndarray("b")
        for x in [a, b] where x.ndim != 2 && !(x === b && x.ndim == 1) {
            throw linAlgError("\(x.ndim)-dimensional array given. Array must be two-dimensional")
        }
        let m = a.shape[0], n = a.shape[1]
        let k = b.ndim == 1 ? 1 : b.shape[1]
        guard b.shape[0] == m else { throw linAlgError("Incompatible dimensions") }
        let rcond: Double
        if let r = s.optional("rcond") { rcond = try r.double("rcond") } else { rcond = Double.ulpOfOne * Double(max(m, n)) }
        let r = try lapack(notConverged: "SVD did not converge in Linear Least Squares") {
            try LAPACK.leastSquares(a.storage, rows: m, columns: n, b.storage, columns: k, rcond: rcond)
        }
        var residuals: [Double] = []
        if r.rank == n, m > n {
            residuals = [Double](repeating: 0, count: k)
            for i in 0..<(m - n) {
                for j in 0..<k { residuals[j] += r.excess[i * k + j] * r.excess[i * k + j] }
            }
        }
        let type: NDArray.DType = NDArray.DType.promote(a.dtype, b.dtype) == .float32 ? .float32 : .float64
        // A plain tuple, as NumPy's lstsq returns.
        return .tuple([
            .object(NDArray(shape: b.ndim == 1 ? [n] : [n, k], storage: r.x, dtype: type)),
            .object(NDArray(shape: [residuals.count], storage: residuals, dtype: type)),
            .object(NDArray(scalar: Double(r.rank), dtype: .int64)),
            .object(NDArray(shape: [r.s.count], storage: r.s, dtype: type)),
        ])
    }

    private static func generalEigen(_ v: Value, vectors: Bool) throws -> (NDArray, NDArray) {
        let st = try MatrixStack(v, square: true)
        guard st.array.storage.allSatisfy(\.isFinite) else { throw linAlgError("Array must not contain infs or NaNs") }
        let n = st.rows
        let parts = try st.map { m in try lapack(notConverged: "Eigenvalues did not converge") { try LAPACK.generalEigen(m, n: n, vectors: vectors) } }
        if let complex = parts.first(where: { $0.imaginary.contains { $0 != 0 } }) {
            let pairs = zip(complex.real, complex.imaginary).filter { $0.1 != 0 }.map { "\($0.0)\($0.1 < 0 ? "-" : "+")\(abs($0.1))j" }
            throw ScriptError.notImplemented("eig: the matrix has complex eigenvalues (\(pairs.joined(separator: ", "))), and Lectern's arrays are real")
        }
        return (st.result(st.batch + [n], parts.flatMap(\.real)), st.result(st.batch + [n, n], parts.flatMap(\.vectors)))
    }

    private static func symmetricEigen(_ v: Value, uplo: Value, vectors: Bool) throws -> (NDArray, NDArray) {
        let triangle = try uplo.string("UPLO")
        guard triangle == "L" || triangle == "U" else { throw ScriptError.value("UPLO argument must be 'L' or 'U'") }
        let st = try MatrixStack(v, square: true)
        let n = st.rows
        let parts = try st.map { m in
            try lapack(notConverged: "Eigenvalues did not converge") {
                try LAPACK.symmetricEigen(m, n: n, vectors: vectors, lower: triangle == "L")
            }
        }
        return (st.result(st.batch + [n], parts.flatMap(\.values)), st.result(st.batch + [n, n], parts.flatMap(\.vectors)))
    }

    private static func svd(_ s: BoundArguments) throws -> Value {
        let full = try s["full_matrices"].bool("full_matrices")
        let vectors = try s["compute_uv"].bool("compute_uv")
        let st = try MatrixStack(s["a"], square: false)
        let m = st.rows, n = st.columns, k = min(m, n)
        // U and Vᵀ (m×m and n×n with full_matrices) can be far larger than the input.
        if vectors {
            try Limits.check(elements: m, times: full ? m : k)
            try Limits.check(elements: n, times: full ? n : k)
        }
        let parts = try st.map { matrix in try lapack { try LAPACK.svd(matrix, rows: m, columns: n, full: full, vectors: vectors) } }
        let singular = st.result(st.batch + [k], parts.flatMap(\.s))
        guard vectors else { return .object(singular) }
        let u = st.result(st.batch + [m, full ? m : k], parts.flatMap(\.u))
        let vt = st.result(st.batch + [full ? n : k, n], parts.flatMap(\.vt))
        return .object(LinalgResult("SVDResult", [("U", .object(u)), ("S", .object(singular)), ("Vh", .object(vt))]))
    }
}

/// An array read as a stack of matrices over its last two axes, as NumPy's linalg reads it.
struct MatrixStack {
    let array: NDArray
    let batch: [Int]
    let rows: Int
    let columns: Int

    init(_ v: Value, square: Bool) throws {
        array = try NDArray.coerce(v)
        guard array.ndim >= 2 else {
            throw NumpyLinalg.linAlgError("\(array.ndim)-dimensional array given. Array must be at least two-dimensional")
        }
        batch = Array(array.shape.dropLast(2))
        rows = array.shape[array.ndim - 2]
        columns = array.shape[array.ndim - 1]
        try NDArray.checkedExtents(array.shape)
        try Limits.check(elements: rows, times: columns)
        if square, rows != columns { throw NumpyLinalg.linAlgError("Last 2 dimensions of the array must be square") }
    }

    var count: Int { batch.reduce(1, *) }

    func map<T>(_ body: ([Double]) throws -> T) throws -> [T] {
        try map(index: false) { m, _ in try body(m) }
    }

    func map<T>(index: Bool, _ body: ([Double], Int) throws -> T) throws -> [T] {
        let size = rows * columns
        return try (0..<count).map { i in try body(Array(array.storage[(i * size)..<((i + 1) * size)]), i) }
    }

    /// NumPy computes float32 input in single precision and returns float32 (here: computed in
    /// double precision, then rounded); any other input gives float64.
    func result(_ shape: [Int], _ values: [Double], with other: NDArray.DType = .float32) -> NDArray {
        let single = array.dtype == .float32 && other == .float32
        return NDArray(shape: shape, storage: values, dtype: single ? .float32 : .float64)
    }

    func scalarOrArray(_ values: [Double]) -> Value {
        let r = result(batch, values)
        return batch.isEmpty ? r.scalarValue(values[0]) : .object(r)
    }
}
