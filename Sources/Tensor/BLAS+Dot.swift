import CBLAS

extension BLAS {
    /// The dot product of two equal-length vectors through OpenBLAS' `ddot`, whose
    /// accumulation order NumPy's `x.dot(x)` (and so `linalg.norm(x)`) follows.
    public static func ddot(_ x: [Double], _ y: [Double]) -> Double {
        let n = min(x.count, y.count)
        guard n > 0, n <= Int(Int32.max) else { return n == 0 ? 0 : zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        setThreads(1)  // a long vector split over threads is summed in a different order
        return cblas_ddot(blasint(n), x, 1, y, 1)
    }

    /// The single-precision dot product through `sdot`, accumulated in float32 as NumPy's
    /// float32 `x.dot(x)` is.
    public static func sdot(_ x: [Float], _ y: [Float]) -> Float {
        let n = min(x.count, y.count)
        guard n > 0, n <= Int(Int32.max) else { return n == 0 ? 0 : zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        setThreads(1)
        return cblas_sdot(blasint(n), x, 1, y, 1)
    }
}
