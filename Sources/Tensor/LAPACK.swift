import Foundation
import CBLAS

/// The one Swift type that calls LAPACK (OpenBLAS' copy of its Fortran routines). Matrices
/// come in and go out as row-major `[Double]`; the transposes to LAPACK's column-major
/// order happen here, as NumPy's own linalg copies its input into Fortran order, so the
/// same routine sees the same matrix and rounds the same way.
public enum LAPACK {
    public enum Failure: Error, Equatable {
        /// A zero pivot in the LU factorization (`dgesv`, `dgetrf`).
        case singular
        /// The iteration did not converge (`dsyevd`, `dgeev`, `dgesdd`, `dgelsd`).
        case noConvergence
        /// A dimension too large for LAPACK's 32-bit integers, or an argument LAPACK rejected.
        case invalidArgument
    }

    /// Row-major m×n to column-major (and back, with m and n swapped).
    public static func transposed(_ a: [Double], rows m: Int, columns n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: a.count)
        for i in 0..<m {
            for j in 0..<n { out[j * m + i] = a[i * n + j] }
        }
        return out
    }

    /// LAPACK's blocked routines call BLAS, whose results for some shapes depend on the
    /// thread count (see `BLAS.setThreads`); one thread keeps a lesson's numbers the same
    /// whether or not a model was trained before.
    static func singleThreaded() {
        BLAS.setThreads(1)
    }

    static func int32(_ n: Int) throws(Failure) -> Int32 {
        guard n >= 0, n <= Int(Int32.max) else { throw .invalidArgument }
        return Int32(n)
    }

    /// The workspace size a query returned, at least 1.
    static func workspace(_ size: Double) throws(Failure) -> Int32 {
        guard size.isFinite, size < Double(Int32.max) else { throw .invalidArgument }
        return max(Int32(size), 1)
    }

    static func check(_ info: Int32, failure: Failure) throws(Failure) {
        if info < 0 { throw .invalidArgument }
        if info > 0 { throw failure }
    }

    /// The solution X of A X = B (`dgesv`); A is n×n, B is n×k, both row-major.
    public static func solve(_ a: [Double], n: Int, _ b: [Double], columns k: Int) throws(Failure) -> [Double] {
        singleThreaded()
        var n32 = try int32(n), k32 = try int32(k)
        var lda = max(n32, 1), ldb = lda
        var info: Int32 = 0
        var lu = transposed(a, rows: n, columns: n)
        var x = transposed(b, rows: n, columns: k)
        var pivots = [Int32](repeating: 0, count: max(n, 1))
        dgesv_(&n32, &k32, &lu, &lda, &pivots, &x, &ldb, &info)
        try check(info, failure: .singular)
        return transposed(x, rows: k, columns: n)
    }

    /// The sign and log of |det A| from the LU factorization (`dgetrf`), as NumPy's
    /// `slogdet` accumulates them: sign 0 and -inf for a singular matrix.
    public static func signAndLogDeterminant(_ a: [Double], n: Int) throws(Failure) -> (sign: Double, logAbs: Double) {
        singleThreaded()
        var n32 = try int32(n)
        var lda = max(n32, 1)
        var info: Int32 = 0
        var lu = transposed(a, rows: n, columns: n)
        var pivots = [Int32](repeating: 0, count: max(n, 1))
        var columns = n32
        dgetrf_(&n32, &columns, &lu, &lda, &pivots, &info)
        if info < 0 { throw .invalidArgument }
        if info > 0 { return (0, -.infinity) }
        var sign = 1.0, logAbs = 0.0
        for i in 0..<n {
            if pivots[i] != Int32(i + 1) { sign = -sign }
            let d = lu[i * n + i]
            if d < 0 { sign = -sign }
            logAbs += log(abs(d))
        }
        return (sign, logAbs)
    }

    /// Eigenvalues (ascending) and, if asked, eigenvectors (as columns) of a symmetric
    /// matrix from one triangle (`dsyevd`). `lower` names the triangle of the row-major input.
    public static func symmetricEigen(_ a: [Double], n: Int, vectors: Bool, lower: Bool) throws(Failure) -> (values: [Double], vectors: [Double]) {
        singleThreaded()
        var n32 = try int32(n)
        var lda = max(n32, 1)
        var info: Int32 = 0
        // Column-major A itself, so `lower` names LAPACK's triangle directly.
        var m = transposed(a, rows: n, columns: n)
        var w = [Double](repeating: 0, count: n)
        var jz: CChar = vectors ? 86 : 78, ul: CChar = lower ? 76 : 85  // "V"/"N", "L"/"U"
        var workSize = 0.0, iworkSize: Int32 = 0, query: Int32 = -1, iquery: Int32 = -1
        dsyevd_(&jz, &ul, &n32, &m, &lda, &w, &workSize, &query, &iworkSize, &iquery, &info, 1, 1)
        try check(info, failure: .noConvergence)
        var lwork = try workspace(workSize), liwork = max(iworkSize, 1)
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_(&jz, &ul, &n32, &m, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        try check(info, failure: .noConvergence)
        return (w, vectors ? transposed(m, rows: n, columns: n) : [])
    }

    /// Eigenvalues (real and imaginary parts, in LAPACK's order) and right eigenvectors of
    /// a general matrix (`dgeev`). For a complex pair the vectors hold LAPACK's packed
    /// real and imaginary columns; callers that only handle real spectra check `imaginary`.
    public static func generalEigen(_ a: [Double], n: Int, vectors: Bool) throws(Failure) -> (real: [Double], imaginary: [Double], vectors: [Double]) {
        singleThreaded()
        var n32 = try int32(n)
        var lda = max(n32, 1)
        var info: Int32 = 0
        var m = transposed(a, rows: n, columns: n)
        var wr = [Double](repeating: 0, count: n), wi = wr
        var vl = [Double](repeating: 0, count: 1), vr = [Double](repeating: 0, count: vectors ? max(n * n, 1) : 1)
        var ldvl: Int32 = 1, ldvr: Int32 = vectors ? lda : 1
        var jobvl: CChar = 78, jobvr: CChar = vectors ? 86 : 78
        var workSize = 0.0, query: Int32 = -1
        dgeev_(&jobvl, &jobvr, &n32, &m, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &workSize, &query, &info, 1, 1)
        try check(info, failure: .noConvergence)
        var lwork = try workspace(workSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeev_(&jobvl, &jobvr, &n32, &m, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info, 1, 1)
        try check(info, failure: .noConvergence)
        return (wr, wi, vectors ? transposed(vr, rows: n, columns: n) : [])
    }

    /// The singular value decomposition A = U diag(s) Vᵀ of an m×n matrix (`dgesdd`).
    /// `full` gives U m×m and Vᵀ n×n, else m×k and k×n (k = min(m, n)); without
    /// `vectors` only s is computed. U and Vᵀ come back row-major.
    public static func svd(_ a: [Double], rows m: Int, columns n: Int, full: Bool, vectors: Bool) throws(Failure) -> (u: [Double], s: [Double], vt: [Double]) {
        singleThreaded()
        var m32 = try int32(m), n32 = try int32(n)
        let k = min(m, n)
        var lda = max(m32, 1)
        var info: Int32 = 0
        var work0 = transposed(a, rows: m, columns: n)
        var s = [Double](repeating: 0, count: k)
        let uColumns = full ? m : k, vtRows = full ? n : k
        var u = [Double](repeating: 0, count: vectors ? max(m * uColumns, 1) : 1)
        var vt = [Double](repeating: 0, count: vectors ? max(vtRows * n, 1) : 1)
        var ldu = vectors ? max(m32, 1) : 1
        var ldvt = vectors ? max(try int32(vtRows), 1) : 1
        var jobz: CChar = vectors ? (full ? 65 : 83) : 78  // "A", "S", "N"
        var iwork = [Int32](repeating: 0, count: max(8 * k, 1))
        var workSize = 0.0, query: Int32 = -1
        dgesdd_(&jobz, &m32, &n32, &work0, &lda, &s, &u, &ldu, &vt, &ldvt, &workSize, &query, &iwork, &info, 1)
        try check(info, failure: .noConvergence)
        var lwork = try workspace(workSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&jobz, &m32, &n32, &work0, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        try check(info, failure: .noConvergence)
        guard vectors else { return ([], s, []) }
        return (transposed(u, rows: uColumns, columns: m), s, transposed(vt, rows: n, columns: vtRows))
    }

    /// The minimum-norm least-squares solution of A X = B (`dgelsd`) for A m×n and B m×k,
    /// with the rank and singular values; singular values below rcond·s₀ count as zero.
    /// `x` is n×k row-major; `excess` holds rows n..<m of LAPACK's output (their squared
    /// sums are the residuals when A has full rank n < m).
    public static func leastSquares(_ a: [Double], rows m: Int, columns n: Int, _ b: [Double], columns k: Int,
                                    rcond: Double) throws(Failure) -> (x: [Double], excess: [Double], rank: Int, s: [Double]) {
        singleThreaded()
        var m32 = try int32(m), n32 = try int32(n), k32 = try int32(k)
        let rowsB = max(m, n, 1)
        var lda = max(m32, 1), ldb = try int32(rowsB)
        var info: Int32 = 0, rank: Int32 = 0
        var am = transposed(a, rows: m, columns: n)
        var bm = [Double](repeating: 0, count: rowsB * max(k, 1))
        for i in 0..<m {
            for j in 0..<k { bm[j * rowsB + i] = b[i * k + j] }
        }
        var s = [Double](repeating: 0, count: max(min(m, n), 1))
        var rc = rcond
        var workSize = 0.0, iworkSize: Int32 = 0, query: Int32 = -1
        dgelsd_(&m32, &n32, &k32, &am, &lda, &bm, &ldb, &s, &rc, &rank, &workSize, &query, &iworkSize, &info)
        try check(info, failure: .noConvergence)
        var lwork = try workspace(workSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(max(iworkSize, 1)))
        dgelsd_(&m32, &n32, &k32, &am, &lda, &bm, &ldb, &s, &rc, &rank, &work, &lwork, &iwork, &info)
        try check(info, failure: .noConvergence)
        var x = [Double](repeating: 0, count: n * k)
        for i in 0..<n {
            for j in 0..<k { x[i * k + j] = bm[j * rowsB + i] }
        }
        var excess = [Double](repeating: 0, count: max(m - n, 0) * k)
        for i in n..<max(m, n) {
            for j in 0..<k { excess[(i - n) * k + j] = bm[j * rowsB + i] }
        }
        return (x, excess, Int(rank), Array(s.prefix(min(m, n))))
    }
}
