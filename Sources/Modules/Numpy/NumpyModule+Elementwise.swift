import Foundation
import Script

/// NumPy's one-operand ufuncs (`np.exp`, `np.sqrt`, ...), the reductions (`np.sum`, `np.mean`,
/// ...), `np.round`, `np.clip`, `np.cumsum`, `np.matmul` and `np.dot`.
extension NumpyModule {
    static func elementwiseFunctions() -> [(String, Value)] {
        var members: [(String, Value)] = [
            declared("matmul", "x1, x2, /, !out=None, *, !axes=<no value>, !axis=<no value>, !keepdims=False, "
                     + "!casting='same_kind', !order='K', dtype=None, !subok=True, !signature=None") { a in
                try NDArray.matmul(ufuncOperand(a, "x1"), ufuncOperand(a, "x2")).asResult
            },
            declared("dot", "a, b, !out=None") { a in try NDArray.matmul(a.ndarray("a"), a.ndarray("b")).asResult },
            declared("round", "a, decimals=0, !out=None") { a in
                try a.ndarray("a").rounded(decimals: try a["decimals"].int("decimals")).asResult
            },
            declared("clip", "a, a_min=<no value>, a_max=<no value>, !out=None, *, min=<no value>, max=<no value>, **kwargs") { a in
                try a.refuseExtraKeywords()
                let bounds: (Value?, Value?)
                switch (a.given("a_min"), a.given("a_max")) {
                case (false, false): bounds = (a.optional("min"), a.optional("max"))
                case (false, true): throw ScriptError.type("clip() missing 1 required positional argument: 'a_min'")
                case (true, false): throw ScriptError.type("clip() missing 1 required positional argument: 'a_max'")
                case (true, true):
                    if a.given("min") || a.given("max") {
                        throw ScriptError.value("Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden.")
                    }
                    bounds = (a.optional("a_min"), a.optional("a_max"))
                }
                return .object(try a.ndarray("a").clipped(bounds.0, bounds.1))
            },
            declared("cumsum", "a, axis=None, dtype=None, !out=None") { a in
                var x = try a.ndarray("a")
                if let type = try a.npDType() { x = x.astype(type) }
                return .object(try x.cumulativeSum(axis: try a.npAxis()))
            },
        ]
        for r in NDArray.Reduction.allCases {
            members.append(declared(r.rawValue, r.declarations.function) { a in try a.ndarray("a").reduce(r, a) })
        }
        let unary: [(String, (Double) -> Double)] = [
            ("sqrt", { $0.squareRoot() }), ("exp", { Foundation.exp($0) }), ("log", { Foundation.log($0) }),
            ("abs", { Swift.abs($0) }), ("tanh", { Foundation.tanh($0) }), ("sin", { Foundation.sin($0) }),
            ("cos", { Foundation.cos($0) }), ("log10", { Foundation.log10($0) }), ("floor", { $0.rounded(.down) }),
            ("ceil", { $0.rounded(.up) }), ("square", { $0 * $0 }), ("isnan", { $0.isNaN ? 1 : 0 }),
            ("log1p", { Foundation.log1p($0) }), ("isfinite", { $0.isFinite ? 1 : 0 }), ("isinf", { $0.isInfinite ? 1 : 0 }),
        ]
        for (name, f) in unary {
            members.append(declared(name, NumpySignatures.unaryUfunc) { a in
                let x = try ufuncOperand(a, "x")
                var r = x.mapFloat(f)
                if name == "abs" || name == "square", !x.dtype.isFloat { r = NDArray(shape: x.shape, storage: x.storage.map(f), dtype: x.dtype) }
                if name.hasPrefix("is") { r = NDArray(shape: x.shape, storage: r.storage, dtype: .bool) }
                return r.asResult
            })
        }
        return members
    }

    /// A ufunc's operand, cast first to the float `dtype=` the call gave, if any.
    static func ufuncOperand(_ a: BoundArguments, _ name: String) throws -> NDArray {
        let x = try a.ndarray(name)
        guard let type = try a.npDType() else { return x }
        guard type.isFloat else {
            throw ScriptError.notImplemented("\(a.signature.name): dtype=\(type.rawValue) is not supported yet; use a float dtype")
        }
        return x.astype(type)
    }
}

extension NDArray {
    /// Rounded half to even at `decimals` places (negative: tens, hundreds, ...).
    func rounded(decimals: Int) -> NDArray {
        let scale = Foundation.pow(10.0, Double(decimals))
        return NDArray(shape: shape, storage: storage.map { ($0 * scale).rounded(.toNearestOrEven) / scale }, dtype: dtype)
    }

    /// Values limited to [lower, upper]; a missing bound does not limit.
    func clipped(_ lower: Value?, _ upper: Value?) throws -> NDArray {
        let lo = try lower?.double("min") ?? -.infinity, hi = try upper?.double("max") ?? .infinity
        return NDArray(shape: shape, storage: storage.map { Swift.min(Swift.max($0, lo), hi) }, dtype: dtype)
    }

    /// Running sums over the flattened array (axis nil) or along one axis.
    func cumulativeSum(axis: Int?) throws -> NDArray {
        let type: DType = dtype == .bool ? .int64 : dtype
        guard let axis else {
            var acc = 0.0
            return NDArray(shape: [count], storage: storage.map { acc += $0; return acc }, dtype: type)
        }
        let ax = try NDArray.normalizedAxis(axis, ndim)
        let n = shape[ax], inner = shape[(ax + 1)...].reduce(1, *)
        var out = storage
        // Flat position p is element (p / inner) % n of its lane; the one before it is p - inner.
        for p in out.indices where (p / inner) % n != 0 { out[p] += out[p - inner] }
        return NDArray(shape: shape, storage: out, dtype: type)
    }
}
