import Tensor

extension Datasets {
    /// scikit-learn's `make_regression` (well-conditioned case, one target): standard-normal
    /// inputs, a linear model on the first `nInformative` features with coefficients
    /// 100·U(0, 1), optional Gaussian noise, then rows and features shuffled, drawing from
    /// NumPy's legacy generator in sklearn's order. Returns the coefficients too.
    public static func makeRegression(
        nSamples: Int = 100, nFeatures: Int = 100, nInformative: Int = 10, bias: Double = 0,
        noise: Double = 0, shuffle: Bool = true, random: NumPyRandomState
    ) throws -> (x: [Double], y: [Double], coef: [Double]) {
        guard nSamples > 0, nFeatures > 0, nInformative >= 0 else {
            throw EngineError("make_regression expects positive n_samples and n_features. Received: n_samples=\(nSamples), n_features=\(nFeatures)")
        }
        let informative = min(nFeatures, nInformative)
        var x = (0..<(nSamples * nFeatures)).map { _ in random.gauss() }
        var coef = [Double](repeating: 0, count: nFeatures)
        for i in 0..<informative { coef[i] = 100 * random.randomSample() }
        var y = (0..<nSamples).map { r -> Double in
            var s = 0.0
            for c in 0..<nFeatures { s += x[r * nFeatures + c] * coef[c] }
            return s + bias
        }
        if noise > 0 {
            for r in 0..<nSamples { y[r] += random.normal(loc: 0, scale: noise) }
        }
        if shuffle {
            var rows = Array(0..<nSamples)
            random.shuffle(&rows)
            let sx = x, sy = y
            for (dst, src) in rows.enumerated() {
                for c in 0..<nFeatures { x[dst * nFeatures + c] = sx[src * nFeatures + c] }
                y[dst] = sy[src]
            }
            var features = Array(0..<nFeatures)
            random.shuffle(&features)
            let px = x
            for r in 0..<nSamples {
                for (dst, src) in features.enumerated() { x[r * nFeatures + dst] = px[r * nFeatures + src] }
            }
            coef = features.map { coef[$0] }
        }
        return (x, y, coef)
    }
}
