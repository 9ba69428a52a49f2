import Script

/// `np.transpose`, `np.swapaxes`, `np.diag`, `np.outer`, `np.column_stack`, and the index
/// helpers `np.nonzero`, `np.flatnonzero` and `np.bincount`.
extension NumpyModule {
    static func axisFunctions() -> [(String, Value)] {
        [
            declared("transpose", "a, axes=None") { s in
                let axes = try s.optional("axes").map { try $0.sequence("axes").map { try $0.int("axes") } }
                return .object(try s.ndarray("a").transposed(axes: axes))
            },
            declared("swapaxes", "a, axis1, axis2") { s in
                .object(try s.ndarray("a").swappingAxes(try s["axis1"].int("axis1"), try s["axis2"].int("axis2")))
            },
            declared("diag", "v, k=0") { s in
                .object(try diag(s.ndarray("v"), k: try s["k"].int("k")))
            },
            declared("outer", "a, b, !out=None") { s in
                let a = try s.ndarray("a"), b = try s.ndarray("b")
                try Limits.check(elements: a.count, times: b.count)
                var out: [Double] = []
                out.reserveCapacity(a.count * b.count)
                for x in a.storage { for y in b.storage { out.append(x * y) } }
                let dtype: NDArray.DType = a.dtype.isFloat || b.dtype.isFloat ? .float64 : .int64
                return .object(NDArray(shape: [a.count, b.count], storage: out, dtype: dtype))
            },
            declared("column_stack", "tup") { s in
                let parts = try s["tup"].sequence("tup").map { v -> NDArray in
                    let a = try NDArray.coerce(v)
                    return a.ndim == 1 ? NDArray(shape: [a.count, 1], storage: a.storage, dtype: a.dtype) : a
                }
                guard let rows = parts.first?.shape.first else { throw ScriptError.value("need at least one array to concatenate") }
                guard parts.allSatisfy({ $0.ndim == 2 && $0.shape[0] == rows }) else {
                    throw ScriptError.value("all the input array dimensions except for the concatenation axis must match exactly")
                }
                let columns = parts.reduce(0) { $0 + $1.shape[1] }
                try Limits.check(elements: rows, times: columns)
                var out: [Double] = []
                out.reserveCapacity(rows * columns)
                for r in 0..<rows {
                    for p in parts { out += p.storage[(r * p.shape[1])..<((r + 1) * p.shape[1])] }
                }
                let dtype: NDArray.DType = parts.contains { $0.dtype.isFloat } ? .float64 : parts[0].dtype
                return .object(NDArray(shape: [rows, columns], storage: out, dtype: dtype))
            },
        ] + indexFunctions()
    }

    static func indexFunctions() -> [(String, Value)] {
        [
            declared("nonzero", "a") { s in
                let a = try s.ndarray("a")
                let shape = a.shape.isEmpty ? [1] : a.shape
                var columns = [[Double]](repeating: [], count: shape.count)
                for (flat, x) in a.storage.enumerated() where x != 0 {
                    var rest = flat
                    for d in stride(from: shape.count - 1, through: 0, by: -1) {
                        columns[d].append(Double(rest % max(shape[d], 1)))
                        rest /= max(shape[d], 1)
                    }
                }
                return .tuple(columns.map { .object(NDArray(shape: [$0.count], storage: $0, dtype: .int64)) })
            },
            declared("flatnonzero", "a") { s in
                let a = try s.ndarray("a")
                let found = a.storage.indices.filter { a.storage[$0] != 0 }.map(Double.init)
                return .object(NDArray(shape: [found.count], storage: found, dtype: .int64))
            },
            declared("bincount", "x, /, weights=None, minlength=0") { s in
                let x = try s.ndarray("x")
                guard x.ndim <= 1 else { throw ScriptError.value("object too deep for desired array") }
                guard !x.dtype.isFloat || x.count == 0 else { throw ScriptError.type("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'") }
                let values = x.storage.map { NDArray.int($0) }
                guard values.allSatisfy({ $0 >= 0 }) else { throw ScriptError.value("'list' argument must have no negative elements") }
                let minlength = try s["minlength"].int("minlength")
                guard minlength >= 0 else { throw ScriptError.value("'minlength' must not be negative") }
                let largest = values.max() ?? -1
                guard largest < Int.max / 8, minlength < Int.max / 8 else { throw ScriptError(kind: "MemoryError", message: "bincount of \(largest) bins is too large") }
                let size = max(largest + 1, minlength)
                try Limits.check(elements: size, times: 1)
                let weights = try s.optional("weights").map(NDArray.coerce)
                if let weights, weights.count != values.count { throw ScriptError.value("The weights and list don't have the same length.") }
                var counts = [Double](repeating: 0, count: size)
                for (i, v) in values.enumerated() { counts[v] += weights?.storage[i] ?? 1 }
                return .object(NDArray(shape: [size], storage: counts, dtype: weights == nil ? .int64 : .float64))
            },
        ]
    }

    /// A 1-D array's values on the k-th diagonal of a square matrix, or a 2-D array's k-th diagonal.
    static func diag(_ v: NDArray, k: Int) throws -> NDArray {
        switch v.ndim {
        case 1:
            guard abs(k) < 1 << 31 else { throw ScriptError(kind: "MemoryError", message: "diag offset \(k) is too large") }
            let size = v.count + abs(k)
            try Limits.check(elements: size, times: size)
            var out = [Double](repeating: 0, count: size * size)
            for (i, x) in v.storage.enumerated() {
                let r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i
                out[r * size + c] = x
            }
            return NDArray(shape: [size, size], storage: out, dtype: v.dtype)
        case 2:
            let (rows, cols) = (v.shape[0], v.shape[1])
            var out: [Double] = []
            var r = max(0, -k), c = max(0, k)
            while r < rows, c < cols, c >= 0 {
                out.append(v.storage[r * cols + c])
                r += 1
                c += 1
            }
            return NDArray(shape: [out.count], storage: out, dtype: v.dtype)
        default:
            throw ScriptError.value("Input must be 1- or 2-d.")
        }
    }
}

extension NDArray {
    /// The array with two axes exchanged (`np.swapaxes`, `a.swapaxes`).
    func swappingAxes(_ i: Int, _ j: Int) throws -> NDArray {
        for k in [i, j] where k < -ndim || k >= ndim {
            throw ScriptError(kind: "AxisError", message: "axis \(k) is out of bounds for array of dimension \(ndim)")
        }
        var axes = Array(0..<ndim)
        axes.swapAt(i < 0 ? i + ndim : i, j < 0 ? j + ndim : j)
        return try transposed(axes: axes)
    }
}
