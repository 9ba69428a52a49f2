/// Hand-vectorized inner loops for the hottest element-wise steps. The
/// compiler cannot prove that separate `UnsafePointer`s don't overlap, so it
/// keeps these loops scalar; stepping eight floats at a time with SIMD8 makes
/// them several times faster. Each function ends with a plain scalar tail.
enum Vectorized {
    typealias Vector = SIMD8<Float>
    static let width = 8

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ i: Int) -> Vector {
        UnsafeRawPointer(p + i).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>, _ i: Int) {
        UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: Vector.self)
    }

    /// a = max(z, 0)
    static func relu(_ z: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let zero = Vector(repeating: 0)
        while i + width <= count {
            // `pointwiseMax` is not specialized for SIMD8 and runs far slower than a masked select.
            let v = load(z, i)
            store(v.replacing(with: zero, where: v .< zero), a, i)
            i += width
        }
        while i < count { a[i] = max(z[i], 0); i += 1 }
    }

    /// dz = da where z > 0, else 0
    static func reluBackward(_ z: UnsafePointer<Float>, _ da: UnsafePointer<Float>, _ dz: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let zero = Vector(repeating: 0)
        while i + width <= count {
            let positive = load(z, i) .> zero
            store(zero.replacing(with: load(da, i), where: positive), dz, i)
            i += width
        }
        while i < count { dz[i] = z[i] > 0 ? da[i] : 0; i += 1 }
    }

    /// One Adam update without amsgrad (see `Adam` for the formula).
    static func adam(
        w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
        count: Int, alpha: Float, oneMinusBeta1: Float, oneMinusBeta2: Float, epsilon: Float
    ) {
        var i = 0
        while i + width <= count {
            let gi = load(g, i)
            let mOld = load(m, i), vOld = load(v, i)
            let mi = mOld + (gi - mOld) * oneMinusBeta1
            let vi = vOld + (gi * gi - vOld) * oneMinusBeta2
            store(mi, m, i)
            store(vi, v, i)
            store(load(w, i) - alpha * mi / (vi.squareRoot() + epsilon), w, i)
            i += width
        }
        while i < count {
            let gi = g[i]
            let mi = m[i] + (gi - m[i]) * oneMinusBeta1
            let vi = v[i] + (gi * gi - v[i]) * oneMinusBeta2
            m[i] = mi
            v[i] = vi
            w[i] -= alpha * mi / (vi.squareRoot() + epsilon)
            i += 1
        }
    }
}
