import Script

/// `np.unique` (with its index, inverse and counts) and `np.setdiff1d`: NumPy's set routines
/// over flattened arrays.
extension NumpyModule {
    static func setFunctions() -> [(String, Value)] {
        [
            declared("unique", "ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True") { a in
                if a.optional("axis") != nil { throw ScriptError.notImplemented("unique: axis is not supported yet") }
                // Sorted output is what sorted=False allows too, so both are honoured.
                _ = try a["sorted"].bool("sorted")
                let x = try a.ndarray("ar")
                let u = try unique(x, equalNaN: try a["equal_nan"].bool("equal_nan"))
                var parts: [Value] = [.object(NDArray(shape: [u.values.count], storage: u.values, dtype: x.dtype))]
                if try a["return_index"].bool("return_index") {
                    parts.append(.object(NDArray(shape: [u.first.count], storage: u.first, dtype: .int64)))
                }
                if try a["return_inverse"].bool("return_inverse") {
                    parts.append(.object(NDArray(shape: x.shape, storage: u.inverse, dtype: .int64)))
                }
                if try a["return_counts"].bool("return_counts") {
                    parts.append(.object(NDArray(shape: [u.counts.count], storage: u.counts, dtype: .int64)))
                }
                return parts.count == 1 ? parts[0] : .tuple(parts)
            },
            declared("setdiff1d", "ar1, ar2, assume_unique=False") { a in
                let x = try a.ndarray("ar1"), excluded = Set(try a.ndarray("ar2").storage)
                // Inputs taken as unique keep ar1's order (and any repeats), as NumPy does.
                let kept = try a["assume_unique"].bool("assume_unique")
                    ? x.storage.filter { !excluded.contains($0) }
                    : Array(Set(x.storage.filter { !excluded.contains($0) })).sorted()
                return .object(NDArray(shape: [kept.count], storage: kept, dtype: x.dtype))
            },
        ]
    }

    /// The distinct values in ascending order (NaN last, all NaNs one value when `equalNaN`),
    /// where each first occurs, which one every element is, and how often each occurs.
    static func unique(_ x: NDArray, equalNaN: Bool) throws -> (values: [Double], first: [Double], inverse: [Double], counts: [Double]) {
        var values: [Double] = [], first: [Double] = [], counts: [Double] = []
        var inverse = [Double](repeating: 0, count: x.count)
        for i in try x.argsorted(axis: nil).storage.map(NDArray.int) {
            let v = x.storage[i]
            if let last = values.last, last == v || (equalNaN && last.isNaN && v.isNaN) {
                counts[counts.count - 1] += 1
            } else {
                values.append(v)
                first.append(Double(i))
                counts.append(1)
            }
            inverse[i] = Double(values.count - 1)
        }
        return (values, first, inverse, counts)
    }
}
