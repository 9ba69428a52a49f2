import Tensor

/// How a layer fills a weight tensor before training, named as in Keras.
///
/// The variance-scaling family (Glorot, He, LeCun) draws with a spread set by
/// the tensor's fan-in and fan-out; the others use fixed parameters.
public enum Initializer: Sendable, Equatable, Codable {
    case zeros
    case ones
    case constant(Double)
    case randomUniform(minval: Double, maxval: Double)
    case randomNormal(mean: Double, stddev: Double)
    case truncatedNormal(mean: Double, stddev: Double)
    case varianceScaling(scale: Double, mode: FanMode, distribution: Distribution)
    /// A (semi-)orthogonal matrix times `gain` (Saxe et al., 2014): the Q of a
    /// QR factorization of a Gaussian matrix, signs fixed by R's diagonal.
    case orthogonal(gain: Double)

    public enum FanMode: String, Sendable, Codable { case fanIn = "fan_in", fanOut = "fan_out", fanAvg = "fan_avg" }
    public enum Distribution: String, Sendable, Codable { case truncatedNormal = "truncated_normal", untruncatedNormal = "untruncated_normal", uniform }

    public static let glorotUniform = Initializer.varianceScaling(scale: 1, mode: .fanAvg, distribution: .uniform)
    public static let glorotNormal = Initializer.varianceScaling(scale: 1, mode: .fanAvg, distribution: .truncatedNormal)
    public static let heUniform = Initializer.varianceScaling(scale: 2, mode: .fanIn, distribution: .uniform)
    public static let heNormal = Initializer.varianceScaling(scale: 2, mode: .fanIn, distribution: .truncatedNormal)
    public static let lecunUniform = Initializer.varianceScaling(scale: 1, mode: .fanIn, distribution: .uniform)
    public static let lecunNormal = Initializer.varianceScaling(scale: 1, mode: .fanIn, distribution: .truncatedNormal)

    /// Keras' string names (snake case and class names) with Keras' default arguments.
    static let registry: [(String, Initializer)] = [
        ("glorot_uniform", .glorotUniform), ("GlorotUniform", .glorotUniform),
        ("glorot_normal", .glorotNormal), ("GlorotNormal", .glorotNormal),
        ("he_uniform", .heUniform), ("HeUniform", .heUniform),
        ("he_normal", .heNormal), ("HeNormal", .heNormal),
        ("lecun_uniform", .lecunUniform), ("LecunUniform", .lecunUniform),
        ("lecun_normal", .lecunNormal), ("LecunNormal", .lecunNormal),
        ("zeros", .zeros), ("Zeros", .zeros),
        ("ones", .ones), ("Ones", .ones),
        ("random_uniform", .randomUniform(minval: -0.05, maxval: 0.05)),
        ("RandomUniform", .randomUniform(minval: -0.05, maxval: 0.05)),
        ("random_normal", .randomNormal(mean: 0, stddev: 0.05)),
        ("RandomNormal", .randomNormal(mean: 0, stddev: 0.05)),
        ("truncated_normal", .truncatedNormal(mean: 0, stddev: 0.05)),
        ("TruncatedNormal", .truncatedNormal(mean: 0, stddev: 0.05)),
        ("orthogonal", .orthogonal(gain: 1)), ("Orthogonal", .orthogonal(gain: 1)),
        // Keras 2's short names, which 2017-2019 scripts pass as kernel_initializer='normal'.
        ("normal", .randomNormal(mean: 0, stddev: 0.05)), ("uniform", .randomUniform(minval: -0.05, maxval: 0.05)),
        ("zero", .zeros), ("one", .ones),
    ]

    /// Looks up an initializer by its Keras name.
    public static func named(_ name: String) throws -> Initializer {
        if let found = registry.first(where: { $0.0 == name }) { return found.1 }
        throw NameRegistry.unknown("initializer", name, known: registry.map(\.0).filter { $0.contains("_") || $0 == "zeros" || $0 == "ones" })
    }

    /// Values for a tensor of `shape`; for a kernel [fanIn, fanOut].
    public func values(shape: [Int], random: inout RandomGenerator) -> [Float] {
        let count = shape.reduce(1, *)
        let (fanIn, fanOut) = Self.fans(shape)
        switch self {
        case .zeros:
            return [Float](repeating: 0, count: count)
        case .ones:
            return [Float](repeating: 1, count: count)
        case .constant(let value):
            return [Float](repeating: Float(value), count: count)
        case .randomUniform(let low, let high):
            return (0..<count).map { _ in Float(random.uniformDouble(low: low, high: high)) }
        case .randomNormal(let mean, let stddev):
            return (0..<count).map { _ in Float(random.normal(mean: mean, stddev: stddev)) }
        case .truncatedNormal(let mean, let stddev):
            return (0..<count).map { _ in Float(random.truncatedNormal(mean: mean, stddev: stddev)) }
        case .varianceScaling(let scale, let mode, let distribution):
            let fan: Double
            switch mode {
            case .fanIn: fan = Double(fanIn)
            case .fanOut: fan = Double(fanOut)
            case .fanAvg: fan = Double(fanIn + fanOut) / 2
            }
            let variance = scale / max(1, fan)
            switch distribution {
            case .uniform:
                let limit = (3 * variance).squareRoot()
                return (0..<count).map { _ in Float(random.uniformDouble(low: -limit, high: limit)) }
            case .truncatedNormal:
                // Divide by the standard deviation of a unit normal truncated at ±2
                // so the truncated draws keep the intended variance.
                let stddev = variance.squareRoot() / 0.879_625_661_034_239_78
                return (0..<count).map { _ in Float(random.truncatedNormal(mean: 0, stddev: stddev)) }
            case .untruncatedNormal:
                let stddev = variance.squareRoot()
                return (0..<count).map { _ in Float(random.normal(mean: 0, stddev: stddev)) }
            }
        case .orthogonal(let gain):
            return Self.orthogonal(shape: shape, gain: gain, random: &random)
        }
    }

    /// Keras' recipe: flatten to rows = Π shape[..<last], cols = shape.last;
    /// factor a Gaussian max×min matrix as QR, multiply Q's columns by the signs
    /// of R's diagonal (so the result is uniformly distributed), transpose when
    /// rows < cols, and scale by `gain`.
    static func orthogonal(shape: [Int], gain: Double, random: inout RandomGenerator) -> [Float] {
        let cols = shape.last ?? 1
        let rows = shape.isEmpty ? 1 : shape.dropLast().reduce(1, *)
        let m = max(rows, cols), n = min(rows, cols)
        // a is m×n, row-major; Householder QR in double precision.
        var a = (0..<(m * n)).map { _ in random.normal(mean: 0, stddev: 1) }
        var reflectors: [[Double]] = []
        var diagonal = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var v = (k..<m).map { a[$0 * n + k] }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let alpha = v[0] > 0 ? -norm : norm
            v[0] -= alpha
            let vNorm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if vNorm > 0 { for i in v.indices { v[i] /= vNorm } }
            for j in k..<n {
                var dot = 0.0
                for i in v.indices { dot += v[i] * a[(k + i) * n + j] }
                for i in v.indices { a[(k + i) * n + j] -= 2 * v[i] * dot }
            }
            diagonal[k] = a[k * n + k]
            reflectors.append(v)
        }
        // Q's first n columns: apply the reflectors in reverse to the identity's columns.
        var q = [Double](repeating: 0, count: m * n)
        for j in 0..<n { q[j * n + j] = 1 }
        for k in stride(from: n - 1, through: 0, by: -1) {
            let v = reflectors[k]
            for j in 0..<n {
                var dot = 0.0
                for i in v.indices { dot += v[i] * q[(k + i) * n + j] }
                for i in v.indices { q[(k + i) * n + j] -= 2 * v[i] * dot }
            }
        }
        for j in 0..<n where diagonal[j] < 0 {
            for i in 0..<m { q[i * n + j] = -q[i * n + j] }
        }
        var out = [Float](repeating: 0, count: rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                // rows ≥ cols: out = Q (m×n = rows×cols); otherwise out = Qᵀ.
                let value = rows >= cols ? q[r * n + c] : q[c * n + r]
                out[r * cols + c] = Float(gain * value)
            }
        }
        return out
    }

    /// Fan-in and fan-out as Keras computes them: a kernel [in, out] has
    /// fans (in, out); convolution kernels multiply by the receptive field.
    static func fans(_ shape: [Int]) -> (Int, Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        case 2: return (shape[0], shape[1])
        default:
            let receptive = shape.dropLast(2).reduce(1, *)
            return (shape[shape.count - 2] * receptive, shape[shape.count - 1] * receptive)
        }
    }
}
