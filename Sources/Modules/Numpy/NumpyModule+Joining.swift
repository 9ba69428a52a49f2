import Script

/// `np.concatenate`, `np.vstack`, `np.hstack`, `np.stack` and `np.where`: arrays joined or
/// picked from, with NumPy's `dtype=` casting the result.
extension NumpyModule {
    static func joiningFunctions() -> [(String, Value)] {
        [
            declared("where", "condition, x=None, y=None, /") { a in try choose(a) },
            declared("concatenate", "arrays, /, axis=0, !out=None, *, dtype=None, !casting='same_kind'") { a in
                var arrays = try a["arrays"].sequence("arrays").map(NDArray.coerce)
                // axis=None joins the arrays flattened.
                let axis = try a.npAxis()
                if axis == nil { arrays = try arrays.map { try $0.reshaped([$0.count]) } }
                return try cast(concatenate(arrays, axis: axis ?? 0), a)
            },
            declared("vstack", "tup, *, dtype=None, !casting='same_kind'") { a in
                let arrays = try a["tup"].sequence("tup").map(NDArray.coerce)
                return try cast(concatenate(try arrays.map { $0.ndim == 1 ? try $0.reshaped([1, $0.count]) : $0 }, axis: 0), a)
            },
            declared("hstack", "tup, *, dtype=None, !casting='same_kind'") { a in
                let arrays = try a["tup"].sequence("tup").map(NDArray.coerce)
                return try cast(concatenate(arrays, axis: arrays.first?.ndim == 1 ? 0 : 1), a)
            },
            declared("stack", "arrays, axis=0, !out=None, *, dtype=None, !casting='same_kind'") { a in
                try cast(stack(try a["arrays"].sequence("arrays").map(NDArray.coerce), axis: try a["axis"].int("axis")), a)
            },
        ]
    }

    /// The result in the `dtype` the call asked for, if any.
    static func cast(_ result: NDArray, _ a: BoundArguments) throws -> Value {
        .object(try a.npDType().map { result.astype($0) } ?? result)
    }

    /// `where(condition, x, y)`: x where the condition holds, else y, broadcast together. With
    /// the condition alone: a tuple of index arrays, one per dimension.
    static func choose(_ a: BoundArguments) throws -> Value {
        let c = try a.ndarray("condition")
        switch (a.optional("x"), a.optional("y")) {
        case let (x?, y?):
            let xa = try NDArray.coerce(x), ya = try NDArray.coerce(y)
            let shape = try NDArray.broadcastShape(NDArray.broadcastShape(c.shape, xa.shape), ya.shape)
            let cv = try c.broadcast(to: shape), xv = try xa.broadcast(to: shape), yv = try ya.broadcast(to: shape)
            let out = (0..<cv.count).map { cv[$0] != 0 ? xv[$0] : yv[$0] }
            return .object(NDArray(shape: shape, storage: out, dtype: NDArray.DType.promote(xa.dtype, ya.dtype)))
        case (nil, nil):
            let st = c.strides
            let hits = c.storage.indices.filter { c.storage[$0] != 0 }
            let dims = (0..<max(c.ndim, 1)).map { d in
                Value.object(NDArray(shape: [hits.count],
                                     storage: hits.map { c.ndim == 0 ? 0 : Double(($0 / st[d]) % c.shape[d]) }, dtype: .int64))
            }
            return .tuple(dims)
        default:
            throw ScriptError.value("either both or neither of x and y should be given")
        }
    }

    /// Joins equal-shaped arrays along a new axis (0 or -1 / ndim).
    static func stack(_ arrays: [NDArray], axis given: Int) throws -> NDArray {
        guard let first = arrays.first else { throw ScriptError.value("need at least one array to stack") }
        guard arrays.allSatisfy({ $0.shape == first.shape }) else { throw ScriptError.value("all input arrays must have the same shape") }
        var axis = given
        if axis < 0 { axis += first.ndim + 1 }
        guard axis == 0 || axis == first.ndim else { throw ScriptError.notImplemented("stack: axis=\(given) is not supported yet; use 0 or -1") }
        let joined = try concatenate(try arrays.map { try $0.reshaped([1] + $0.shape) }, axis: 0)
        if axis == 0 { return joined }
        // Last axis: element i of every array side by side.
        let n = first.count, k = arrays.count
        var out = [Double](repeating: 0, count: n * k)
        for (j, a) in arrays.enumerated() { for i in 0..<n { out[i * k + j] = a.storage[i] } }
        return NDArray(shape: first.shape + [k], storage: out, dtype: joined.dtype)
    }
}
