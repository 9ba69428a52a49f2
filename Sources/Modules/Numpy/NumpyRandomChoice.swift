import Script
import Tensor

/// `np.random.choice(a, size=None, replace=True, p=None)`, drawing as NumPy's legacy
/// RandomState draws: indices by `randomInterval` (or from a permutation without replacement),
/// and with `p` one uniform sample per draw looked up in the cumulative probabilities.
extension NumpyRandom {
    static let choice = Method<NumPyRandomState>("choice", "a, size=None, replace=True, p=None") { rng, s, _ in
        // An int `a` is the range 0..<a, never built: draws are indices (as NumPy does).
        let pool: NDArray?
        let n: Int
        if case .int(let size) = s["a"] {
            guard size > 0 else { throw ScriptError.value("a must be greater than 0 unless no samples are taken") }
            pool = nil
            n = size
        } else {
            let p = try s.ndarray("a")
            guard p.count > 0 else { throw ScriptError.value("a cannot be empty unless no samples are taken") }
            pool = p
            n = p.count
        }
        func pick(_ i: Int) -> Double { pool.map { $0.storage[i] } ?? Double(i) }
        func scalar(_ i: Int) -> Value { pool.map { $0.scalarValue($0.storage[i]) } ?? .int(i) }
        let dtype = pool?.dtype ?? .int64
        let replace = try s["replace"].bool("replace")
        let shape = try sizeShape(s["size"])
        if let p = try s.optional("p").map(NDArray.coerce) {
            let cdf = try cumulative(p, population: n)
            guard replace else { throw ScriptError.notImplemented("choice: p with replace=False is not supported yet") }
            // The first index whose cumulative probability exceeds the sample (searchsorted, side='right').
            func draw() -> Int { let u = rng.randomSample(); return Swift.min(cdf.filter { $0 <= u }.count, n - 1) }
            guard let shape else { return scalar(draw()) }
            let count = try Limits.elements(shape)
            return .object(NDArray(shape: shape, storage: (0..<count).map { _ in pick(draw()) }, dtype: dtype))
        }
        guard let shape else { return scalar(Int(rng.randomInterval(UInt64(n - 1)))) }
        let count = try Limits.elements(shape)
        if !replace {
            guard count <= n else { throw ScriptError.value("Cannot take a larger sample than population when 'replace=False'") }
            try Limits.check(elements: n, times: 1)
            let perm = rng.permutation(n).prefix(count)
            return .object(NDArray(shape: shape, storage: perm.map(pick), dtype: dtype))
        }
        return .object(NDArray(shape: shape, storage: (0..<count).map { _ in pick(Int(rng.randomInterval(UInt64(n - 1)))) }, dtype: dtype))
    }

    /// `p` checked as NumPy checks it, then its running sums scaled to end at 1.
    static func cumulative(_ p: NDArray, population n: Int) throws -> [Double] {
        guard p.ndim == 1 else { throw ScriptError.value("'p' must be 1-dimensional") }
        guard p.count == n else { throw ScriptError.value("'a' and 'p' must have same size") }
        // Kahan's compensated sum, as NumPy adds the probabilities for this check.
        var total = 0.0, carry = 0.0
        for x in p.storage {
            let y = x - carry, t = total + y
            carry = (t - total) - y
            total = t
        }
        if total.isNaN { throw ScriptError.value("probabilities contain NaN") }
        if p.storage.contains(where: { $0 < 0 }) { throw ScriptError.value("probabilities are not non-negative") }
        let tolerance = p.dtype == .float32 ? Double(Float.ulpOfOne).squareRoot() : Double.ulpOfOne.squareRoot()
        if Swift.abs(total - 1) > tolerance { throw ScriptError.value("probabilities do not sum to 1") }
        var acc = 0.0
        let sums = p.storage.map { acc += $0; return acc }
        return sums.map { $0 / sums[n - 1] }
    }
}
