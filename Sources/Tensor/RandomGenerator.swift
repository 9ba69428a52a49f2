import Foundation

/// The engine's own seeded random generator: weight initialization, dropout
/// masks, noise and shuffles all draw from one of these, passed down explicitly.
///
/// The stream is SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter
/// advanced by an odd constant and scrambled by a finalizer. `split()` derives
/// an independent child stream so a model can hand one to each layer without
/// the layers' draws depending on each other's order.
public struct RandomGenerator: Sendable {
    private var state: UInt64
    private static let golden: UInt64 = 0x9e37_79b9_7f4a_7c15

    public init(seed: UInt64) {
        state = seed
    }

    /// Next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.golden
        return Self.mix(state)
    }

    /// A child generator whose stream is unrelated to this one's continuation.
    public mutating func split() -> RandomGenerator {
        // Scramble a fresh draw once more so parent and child never share a counter path.
        RandomGenerator(seed: Self.mix(next() ^ 0x6a09_e667_f3bc_c909))
    }

    /// A double in [0, 1) with 53 random bits.
    public mutating func uniformDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A double in [low, high).
    public mutating func uniformDouble(low: Double, high: Double) -> Double {
        low + (high - low) * uniformDouble()
    }

    /// A float in [0, 1) with 24 random bits.
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A float in [low, high).
    public mutating func uniformFloat(low: Float, high: Float) -> Float {
        low + (high - low) * uniformFloat()
    }

    /// A normal draw by the Box-Muller transform (one value per call, so a
    /// split or copied generator never carries a hidden cached value).
    public mutating func normal(mean: Double = 0, stddev: Double = 1) -> Double {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1.0 - uniformDouble()
        let u2 = uniformDouble()
        let radius = (-2.0 * log(u1)).squareRoot()
        return mean + stddev * radius * cos(2.0 * Double.pi * u2)
    }

    /// A normal draw redrawn until it lies within two standard deviations of
    /// the mean, as Keras' `TruncatedNormal` initializer specifies.
    public mutating func truncatedNormal(mean: Double = 0, stddev: Double = 1) -> Double {
        while true {
            let z = normal()
            if abs(z) <= 2.0 { return mean + stddev * z }
        }
    }

    /// True with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniformDouble() < p
    }

    /// A uniform integer in 0..<bound without modulo bias (Lemire's method).
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Fisher-Yates shuffle in place. Inlinable so it is specialized for the
    /// caller's element type instead of boxing elements at run time.
    @inlinable
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, through: 1, by: -1) {
            a.swapAt(i, nextInt(below: i + 1))
        }
    }

    /// Shuffle a buffer in place (used by the training loop, which must not allocate).
    public mutating func shuffle(_ a: UnsafeMutableBufferPointer<Int>) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, through: 1, by: -1) {
            a.swapAt(i, nextInt(below: i + 1))
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
