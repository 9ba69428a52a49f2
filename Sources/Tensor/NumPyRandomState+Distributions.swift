import Foundation

/// NumPy's legacy (`RandomState`) samplers for the gamma family, binomial and Poisson
/// distributions. Each follows the published algorithm step for step, in the same
/// order of draws and the same floating-point operations, so a seed gives NumPy's bits:
/// Marsaglia–Tsang gamma (with the rejection branch for shape < 1), Jöhnk's beta for
/// a, b ≤ 1, Kachitvichyanukul–Schmeiser BTPE / inversion binomial, and Hörmann's PTRS
/// Poisson for λ ≥ 10 (multiplication of uniforms below).
extension NumPyRandomState {
    /// The largest λ NumPy's `poisson` accepts.
    public static let poissonLambdaMax = Double(Int64.max) - Double(Int64.max).squareRoot() * 10

    /// `standard_exponential()` of the legacy state: -log(1 - U).
    public func standardExponential() -> Double {
        -log(1.0 - randomSample())
    }

    /// `standard_gamma(shape)` of the legacy state.
    public func standardGamma(_ shape: Double) -> Double {
        if shape == 1.0 { return standardExponential() }
        if shape == 0.0 { return 0.0 }
        if shape < 1.0 {
            while true {
                let u = randomSample()
                let v = standardExponential()
                if u <= 1.0 - shape {
                    let x = pow(u, 1.0 / shape)
                    if x <= v { return x }
                } else {
                    let y = -log((1 - u) / shape)
                    let x = pow(1.0 - shape + shape * y, 1.0 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1.0 / 3.0
        let c = 1.0 / (9 * b).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = gauss()
                v = 1.0 + c * x
            } while v <= 0.0
            v = v * v * v
            let u = randomSample()
            if u < 1.0 - 0.0331 * (x * x) * (x * x) { return b * v }
            if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)) { return b * v }
        }
    }

    /// `gamma(shape, scale)`.
    public func gamma(shape: Double, scale: Double) -> Double {
        scale * standardGamma(shape)
    }

    /// `beta(a, b)`: Jöhnk's algorithm when both parameters are at most 1, else a ratio of gammas.
    public func beta(_ a: Double, _ b: Double) -> Double {
        guard a <= 1.0, b <= 1.0 else {
            let ga = standardGamma(a)
            let gb = standardGamma(b)
            return ga / (ga + gb)
        }
        while true {
            let u = randomSample()
            let v = randomSample()
            let x = pow(u, 1.0 / a)
            let y = pow(v, 1.0 / b)
            guard x + y <= 1.0 else { continue }
            if x + y > 0 { return x / (x + y) }
            // Both powers underflowed: compare in logarithms instead.
            var logX = log(u) / a, logY = log(v) / b
            let logM = max(logX, logY)
            logX -= logM
            logY -= logM
            return exp(logX - log(exp(logX) + exp(logY)))
        }
    }

    /// One `dirichlet(alpha)` draw into `out` (alpha.count values): gammas scaled by
    /// the reciprocal of their sum, as the legacy sampler multiplies.
    public func dirichlet(_ alpha: [Double], into out: inout ArraySlice<Double>) {
        var total = 0.0
        var i = out.startIndex
        for a in alpha {
            out[i] = standardGamma(a)
            total += out[i]
            i += 1
        }
        let inverse = 1 / total
        for j in out.indices { out[j] *= inverse }
    }

    /// `poisson(lam)`: 0 for λ = 0, multiplication of uniforms below 10, PTRS above.
    public func poisson(_ lam: Double) -> Int {
        if lam >= 10 { return poissonPTRS(lam) }
        if lam == 0 { return 0 }
        let limit = exp(-lam)
        var count = 0
        var product = 1.0
        while true {
            product *= randomSample()
            if product > limit { count += 1 } else { return count }
        }
    }

    private func poissonPTRS(_ lam: Double) -> Int {
        let slam = lam.squareRoot()
        let logLam = log(lam)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = randomSample() - 0.5
            let v = randomSample()
            let us = 0.5 - abs(u)
            let k = Self.truncatedInt((2 * a / us + b) * u + lam + 0.43)
            if us >= 0.07, v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -lam + Double(k) * logLam - Self.logGamma(Double(k) + 1) {
                return k
            }
        }
    }

    /// `binomial(n, p)` as the legacy sampler draws it (no shortcut for n = 0 or p = 0:
    /// inversion still takes one uniform). Callers check n ≥ 0 and 0 ≤ p ≤ 1.
    public func binomial(_ n: Int, _ p: Double) -> Int {
        if p <= 0.5 {
            return p * Double(n) <= 30.0 ? binomialInversion(n, p) : binomialBTPE(n, p)
        }
        let q = 1.0 - p
        return n - (q * Double(n) <= 30.0 ? binomialInversion(n, q) : binomialBTPE(n, q))
    }

    private func binomialInversion(_ n: Int, _ p: Double) -> Int {
        let q = 1.0 - p
        let qn = exp(Double(n) * log(q))
        let np = Double(n) * p
        let bound = Self.truncatedInt(min(Double(n), np + 10.0 * (np * q + 1).squareRoot()))
        var x = 0
        var px = qn
        var u = randomSample()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = randomSample()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    /// BTPE (triangle, parallelogram, exponential tails) for n·p > 30 with p ≤ 0.5.
    private func binomialBTPE(_ n: Int, _ p: Double) -> Int {
        let dn = Double(n)
        let r = min(p, 1.0 - p)
        let q = 1.0 - r
        let fm = dn * r + r
        let m = Self.truncatedInt(fm.rounded(.down))
        let dm = Double(m)
        let p1 = (2.195 * (dn * r * q).squareRoot() - 4.6 * q).rounded(.down) + 0.5
        let xm = dm + 0.5
        let xl = xm - p1
        let xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + dm)
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1.0 + a / 2.0)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1.0 + a / 2.0)
        let p2 = p1 * (1.0 + 2.0 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr
        let nrq = dn * r * q
        while true {
            let u = randomSample() * p4
            var v = randomSample()
            var y: Int
            if u <= p1 {
                // Triangular region: accepted at once.
                return Self.truncatedInt((xm - p1 * v + u).rounded(.down))
            } else if u <= p2 {
                let x = xl + (u - p1) / c
                v = v * c + 1.0 - abs(dm - x + 0.5) / p1
                if v > 1.0 { continue }
                y = Self.truncatedInt(x.rounded(.down))
            } else if u <= p3 {
                y = Self.truncatedInt((xl + log(v) / laml).rounded(.down))
                if y < 0 || v == 0.0 { continue }
                v = v * (u - p2) * laml
            } else {
                y = Self.truncatedInt((xr - log(v) / lamr).rounded(.down))
                if y > n || v == 0.0 { continue }
                v = v * (u - p3) * lamr
            }
            if binomialAccepts(y: y, v: v, n: n, m: m, r: r, q: q, nrq: nrq, xm: xm) { return y }
        }
    }

    /// BTPE's acceptance test: the explicit ratio near the mode, else the squeeze and
    /// Stirling-corrected bound.
    private func binomialAccepts(y: Int, v: Double, n: Int, m: Int, r: Double, q: Double, nrq: Double, xm: Double) -> Bool {
        let k = abs(y - m)
        if !(k > 20 && Double(k) < nrq / 2.0 - 1) {
            let s = r / q
            let a = s * (Double(n) + 1)
            var f = 1.0
            if m < y {
                for i in (m + 1)...y { f *= (a / Double(i) - s) }
            } else if m > y {
                for i in (y + 1)...m { f /= (a / Double(i) - s) }
            }
            return v <= f
        }
        let dk = Double(k)
        let rho = (dk / nrq) * ((dk * (dk / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
        let t = -dk * dk / (2 * nrq)
        let logV = log(v)
        if logV < t - rho { return true }
        if logV > t + rho { return false }
        let x1 = Double(y) + 1, f1 = Double(m) + 1, z = Double(n - m) + 1, w = Double(n - y) + 1
        func correction(_ d: Double) -> Double {
            let d2 = d * d
            return (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / d2) / d2) / d2) / d2) / d / 166320.0
        }
        let bound = xm * log(f1 / x1) + (Double(n - m) + 0.5) * log(z / w) + Double(y - m) * log(w * r / (x1 * q))
            + correction(f1) + correction(z) + correction(x1) + correction(w)
        return !(logV > bound)
    }

    private static let stirlingCoefficients = [
8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
        -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
        6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
        -1.39243221690590e+00]

    /// log Γ(x) for the Poisson sampler: a Stirling series, shifted up to x ≥ 7.
    static func logGamma(_ x: Double) -> Double {
        if x == 1.0 || x == 2.0 { return 0.0 }
        let n = x < 7.0 ? truncatedInt(7 - x) : 0
        var x0 = x + Double(n)
        let x2 = (1.0 / x0) * (1.0 / x0)
        let log2Pi = 1.8378770664093453e+00
        var gl0 = stirlingCoefficients[9]
        for k in stride(from: 8, through: 0, by: -1) {
            gl0 *= x2
            gl0 += stirlingCoefficients[k]
        }
        var gl = gl0 / x0 + 0.5 * log2Pi + (x0 - 0.5) * log(x0) - x0
        if x < 7.0 {
            for _ in 0..<n {
                gl -= log(x0 - 1.0)
                x0 -= 1.0
            }
        }
        return gl
    }

    /// C's double-to-int64 conversion on x86: out-of-range and NaN give Int.min (never a trap).
    static func truncatedInt(_ d: Double) -> Int {
        guard d.isFinite, d > -9.223372036854775e18, d < 9.223372036854775e18 else { return Int.min }
        return Int(d)
    }
}
