import Foundation

/// A bit-exact copy of NumPy's legacy `np.random.RandomState` for the draws the
/// lessons use, so `np.random.seed(1)` in a lesson gives NumPy's numbers.
///
/// The algorithms are the documented legacy ones: MT19937 seeded with
/// `init_genrand`, 53-bit doubles from two words, the polar Gaussian with a
/// cached second value, and bounded integers by masked rejection.
public final class NumPyRandomState {
    private var twister: MersenneTwister
    private var cachedGauss: Double?

    public init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
    }

    /// Reseeds like `np.random.seed(s)` for an integer `s`; forgets a cached Gaussian.
    public func seed(_ s: UInt32) {
        twister.seed(s)
        cachedGauss = nil
    }

    /// Reseeds like `np.random.seed([k0, k1, ...])` (an array seed uses `init_by_array`).
    public func seed(array key: [UInt32]) {
        twister.seed(array: key)
        cachedGauss = nil
    }

    /// One raw 32-bit word.
    public func nextUInt32() -> UInt32 {
        twister.next()
    }

    /// One 64-bit word made of two 32-bit draws, high word first.
    public func nextUInt64() -> UInt64 {
        let high = UInt64(twister.next())
        return (high << 32) | UInt64(twister.next())
    }

    /// A double in [0, 1) with 53 random bits: 27 bits from one draw, 26 from the next.
    public func randomSample() -> Double {
        let a = Double(twister.next() >> 5)
        let b = Double(twister.next() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal draw by Marsaglia's polar method. Each accepted pair
    /// yields two values; the second is kept for the next call.
    public func gauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// `np.random.normal(loc, scale)`.
    public func normal(loc: Double, scale: Double) -> Double {
        loc + scale * gauss()
    }

    /// `np.random.uniform(low, high)`.
    public func uniform(low: Double, high: Double) -> Double {
        low + (high - low) * randomSample()
    }

    /// A uniform integer in 0...max by masked rejection: draw, keep the bits
    /// below max's highest set bit, retry while above max.
    public func randomInterval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = Self.mask(covering: max)
        if max <= UInt64(UInt32.max) {
            while true {
                let value = UInt64(twister.next()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = nextUInt64() & mask
            if value <= max { return value }
        }
    }

    /// Shuffles in place like the legacy `RandomState.shuffle`: Fisher-Yates
    /// walking down from the last element. Inlinable so it is specialized for
    /// the caller's element type.
    @inlinable
    public func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, through: 1, by: -1) {
            let j = Int(randomInterval(UInt64(i)))
            a.swapAt(i, j)
        }
    }

    /// `np.random.permutation(n)`: a shuffled `arange(n)`.
    public func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<max(0, n))
        shuffle(&values)
        return values
    }

    /// `np.random.randint(low, high)`: an integer in low..<high. Returns `low`
    /// when the range is empty (NumPy raises; callers validate first).
    public func randint(low: Int, high: Int) -> Int {
        guard high > low else { return low }
        let range = UInt64(bitPattern: Int64(high) &- Int64(low) &- 1)
        if range == 0 { return low }
        let mask = Self.mask(covering: range)
        var value: UInt64
        if range == UInt64(UInt32.max) {
            value = UInt64(twister.next())
        } else if range < UInt64(UInt32.max) {
            repeat { value = UInt64(twister.next()) & mask } while value > range
        } else if range == UInt64.max {
            value = nextUInt64()
        } else {
            repeat { value = nextUInt64() & mask } while value > range
        }
        return Int(Int64(low) &+ Int64(bitPattern: value))
    }

    /// `np.random.rand()` / `random_sample` in bulk.
    public func rand(_ count: Int) -> [Double] {
        (0..<max(0, count)).map { _ in randomSample() }
    }

    /// `np.random.randn()` in bulk.
    public func randn(_ count: Int) -> [Double] {
        (0..<max(0, count)).map { _ in gauss() }
    }

    /// The smallest all-ones bit mask that covers `value`.
    private static func mask(covering value: UInt64) -> UInt64 {
        var mask = value
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        return mask
    }
}
