/// The MT19937 generator of Matsumoto and Nishimura (1998), 32-bit output.
///
/// Kept as a plain value so `NumPyRandomState` can own one and reseed it.
struct MersenneTwister: Sendable {
    private static let n = 624
    private static let m = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    init(seed: UInt32) {
        self.seed(seed)
    }

    /// The reference `init_genrand`: a linear recurrence fills the state from one word.
    mutating func seed(_ s: UInt32) {
        state[0] = s
        for i in 1..<Self.n {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    /// The reference `init_by_array`, for seeds longer than one word.
    mutating func seed(array key: [UInt32]) {
        seed(19_650_218)
        var i = 1
        var j = 0
        let length = max(1, key.count)
        for _ in 0..<max(Self.n, key.count) {
            let previous = state[i - 1]
            let keyWord = key.isEmpty ? 0 : key[j]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ keyWord &+ UInt32(j)
            i += 1
            j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= length { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
        index = Self.n
    }

    /// Next 32-bit output (`genrand_int32`).
    mutating func next() -> UInt32 {
        if index >= Self.n { regenerate() }
        var y = state[index]
        index += 1
        // Tempering spreads the bits of the raw state word.
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// Recomputes all 624 state words at once (the "twist").
    private mutating func regenerate() {
        for k in 0..<Self.n {
            let y = (state[k] & Self.upperMask) | (state[(k + 1) % Self.n] & Self.lowerMask)
            let twisted = (y >> 1) ^ ((y & 1) != 0 ? Self.matrixA : 0)
            state[k] = state[(k + Self.m) % Self.n] ^ twisted
        }
        index = 0
    }
}
