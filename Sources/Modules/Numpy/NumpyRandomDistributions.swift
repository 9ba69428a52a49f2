import Foundation
import Script
import Tensor

/// `np.random.gamma`, `standard_gamma`, `exponential`, `beta`, `dirichlet`, `binomial` and
/// `poisson`: NumPy's legacy samplers (bit-exact, see `NumPyRandomState+Distributions`),
/// with parameters that broadcast against each other and `size` as NumPy's do.
extension NumpyRandom {
    /// A check NumPy's legacy samplers make on every value of a parameter before drawing.
    enum Constraint {
        case nonNegative, positive, unitInterval, nonNegativeNotNaN, lamBelowMax

        func check(_ x: Double, _ name: String) throws {
            switch self {
            case .nonNegative: if x < 0 { throw ScriptError.value("\(name) < 0") }
            case .positive: if x <= 0 { throw ScriptError.value("\(name) <= 0") }
            case .unitInterval: if !(x >= 0 && x <= 1) { throw ScriptError.value("\(name) < 0, \(name) > 1 or \(name) is NaN") }
            case .nonNegativeNotNaN: if !(x >= 0) { throw ScriptError.value("\(name) < 0 or \(name) is NaN") }
            case .lamBelowMax:
                if !(x >= 0) { throw ScriptError.value("\(name) < 0 or \(name) is NaN") }
                if x > NumPyRandomState.poissonLambdaMax { throw ScriptError.value("\(name) value too large") }
            }
        }
    }

    struct Parameter {
        let name: String
        let fallback: Double?
        let constraint: Constraint
    }

    static let distributions: [Method<NumPyRandomState>] = [
        sampler("gamma", [Parameter(name: "shape", fallback: nil, constraint: .nonNegative),
                          Parameter(name: "scale", fallback: 1, constraint: .nonNegative)]) { rng, p in
            rng.gamma(shape: p[0], scale: p[1])
        },
        sampler("standard_gamma", [Parameter(name: "shape", fallback: nil, constraint: .nonNegative)]) { rng, p in
            rng.standardGamma(p[0])
        },
        sampler("exponential", [Parameter(name: "scale", fallback: 1, constraint: .nonNegative)]) { rng, p in
            p[0] * rng.standardExponential()
        },
        sampler("beta", [Parameter(name: "a", fallback: nil, constraint: .positive),
                         Parameter(name: "b", fallback: nil, constraint: .positive)]) { rng, p in
            rng.beta(p[0], p[1])
        },
        // NumPy checks p before n, and truncates a float n to an integer.
        sampler("binomial", [Parameter(name: "n", fallback: nil, constraint: .nonNegative),
                             Parameter(name: "p", fallback: nil, constraint: .unitInterval)],
                integer: true, checkOrder: [1, 0]) { rng, p in
            Double(rng.binomial(NDArray.int(p[0]), p[1]))
        },
        sampler("poisson", [Parameter(name: "lam", fallback: 1, constraint: .lamBelowMax)], integer: true) { rng, p in
            Double(rng.poisson(p[0]))
        },
        Method("dirichlet", "alpha, size=None") { rng, a, _ in try dirichlet(a, rng) },
    ]

    /// A sampler: its declaration (the parameters with their float defaults, then `size`)
    /// validates every parameter value and draws one value per element of the output in C order.
    private static func sampler(_ name: String, _ parameters: [Parameter],
                                integer: Bool = false, checkOrder: [Int]? = nil,
                                _ draw: @escaping (NumPyRandomState, [Double]) -> Double) -> Method<NumPyRandomState> {
        let declaration = parameters.map { p in p.fallback.map { "\(p.name)=\($0)" } ?? p.name } + ["size=None"]
        return Method(name, declaration.joined(separator: ", ")) { rng, s, _ in
            var arrays: [NDArray] = []
            for p in parameters {
                if let v = s.optional(p.name) {
                    var a = try NDArray.coerce(v)
                    if integer, p.name == "n" { a = a.astype(.int64) }
                    arrays.append(a)
                } else {
                    arrays.append(NDArray(scalar: p.fallback ?? 0))
                }
            }
            for i in checkOrder ?? Array(parameters.indices) {
                for x in arrays[i].storage { try parameters[i].constraint.check(x, parameters[i].name) }
            }
            let size = try sizeShape(s["size"])
            let dtype: NDArray.DType = integer ? .int64 : .float64
            var values = [Double](repeating: 0, count: parameters.count)
            if size == nil, arrays.allSatisfy({ $0.shape.isEmpty }) {
                for i in arrays.indices { values[i] = arrays[i].storage[0] }
                let x = draw(rng, values)
                return integer ? .int(NDArray.int(x)) : .float(x)
            }
            let shape = try size ?? arrays.dropFirst().reduce(arrays[0].shape) { try NDArray.broadcastShape($0, $1.shape) }
            if let size {
                var joint = size
                for (i, a) in arrays.enumerated() {
                    guard let both = try? NDArray.broadcastShape(joint, a.shape) else {
                        throw ScriptError.value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                            + "arg 0 with shape \(NDArray.shapeText(size)) and arg \(i + 1) with shape \(NDArray.shapeText(a.shape)).")
                    }
                    joint = both
                }
                guard joint == size else {
                    throw ScriptError.value("Output size \(NDArray.shapeText(size)) is not compatible with broadcast dimensions of inputs \(NDArray.shapeText(joint)).")
                }
            }
            let count = try NumpyModule.checkedCount(shape)
            let columns = try arrays.map { try $0.broadcast(to: shape) }
            var out = [Double](repeating: 0, count: count)
            for j in 0..<count {
                for i in columns.indices { values[i] = columns[i][j] }
                out[j] = draw(rng, values)
            }
            return .object(NDArray(shape: shape, storage: out, dtype: dtype))
        }
    }

    /// `dirichlet(alpha, size=None)`: each row is one draw over len(alpha) categories.
    private static func dirichlet(_ s: BoundArguments, _ rng: NumPyRandomState) throws -> Value {
        let alphaArray = try s.ndarray("alpha")
        guard alphaArray.ndim <= 1 else {
            throw ScriptError.value("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.")
        }
        let alpha = alphaArray.storage
        for a in alpha { try Constraint.positive.check(a, "alpha") }
        let shape = (try sizeShape(s["size"]) ?? []) + [alpha.count]
        let count = try NumpyModule.checkedCount(shape)
        var out = [Double](repeating: 0, count: count)
        if !alpha.isEmpty {
            for start in stride(from: 0, to: count, by: alpha.count) {
                rng.dirichlet(alpha, into: &out[start..<(start + alpha.count)])
            }
        }
        return .object(NDArray(shape: shape, storage: out))
    }
}
