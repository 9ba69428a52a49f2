import Script

/// `np.sort` / `np.argsort` along one axis (default the last) or over the flattened array.
/// The order is stable (ties keep their original order, NaN sorts last), which is NumPy's
/// `kind='stable'` and equals every kind wherever values are distinct; NumPy's default
/// quicksort may order tied indices differently (its SIMD sorts depend on the CPU).
extension NDArray {
    static let sortKinds = ["quicksort", "mergesort", "heapsort", "stable"]

    /// The stable order of each lane along `axis` (nil: the flattened array), as indices.
    func sortOrder(axis: Int?) throws -> (source: NDArray, axis: Int, order: [Int]) {
        let source = axis == nil ? try reshaped([count]) : self
        guard source.ndim > 0 else { throw ScriptError(kind: "AxisError", message: "axis -1 is out of bounds for array of dimension 0") }
        let ax = try NDArray.normalizedAxis(axis ?? 0, source.ndim)
        try NDArray.checkedExtents(source.shape)
        let n = source.shape[ax], inner = try NumpyModule.checkedCount(Array(source.shape[(ax + 1)...]))
        try Limits.check(elements: n, times: inner)
        let outer = n == 0 ? 0 : source.count / (n * inner)
        var order = [Int](repeating: 0, count: source.count)
        var lane = Array(0..<n)
        var keys = [Double](repeating: 0, count: n)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                for k in 0..<n {
                    keys[k] = source.storage[base + k * inner]
                    lane[k] = k
                }
                lane.sort { x, y in
                    let a = keys[x], b = keys[y]
                    switch (a.isNaN, b.isNaN) {
                    case (false, false): return a < b || (a == b && x < y)
                    case (false, true): return true
                    case (true, false): return false
                    case (true, true): return x < y
                    }
                }
                for k in 0..<n { order[base + k * inner] = lane[k] }
            }
        }
        return (source, ax, order)
    }

    func argsorted(axis: Int?) throws -> NDArray {
        let (source, _, order) = try sortOrder(axis: axis)
        return NDArray(shape: source.shape, storage: order.map(Double.init), dtype: .int64)
    }

    func sorted(axis: Int?) throws -> NDArray {
        let (source, ax, order) = try sortOrder(axis: axis)
        let n = source.shape[ax], inner = source.shape[(ax + 1)...].reduce(1, *)
        var out = source.storage
        for (position, k) in order.enumerated() {
            // `position` is lane element j of its lane; its source is element k of the same lane.
            let j = (position / inner) % max(n, 1)
            out[position] = source.storage[position + (k - j) * inner]
        }
        return NDArray(shape: source.shape, storage: out, dtype: dtype)
    }

    /// Reads sort's `axis` (nil for None, which flattens), checking `kind` and `order`. Every
    /// order here is stable, so `stable=` (either way) is honoured.
    static func sortAxis(_ s: BoundArguments) throws -> Int? {
        if let kind = try s.optional("kind")?.string("kind"), !sortKinds.contains(kind) {
            throw ScriptError.value("sort kind must be one of 'quick', 'heap', or 'stable' (got '\(kind)')")
        }
        if s.optional("order") != nil { throw ScriptError.notImplemented("sort's order= applies to structured arrays, which Lectern does not have") }
        _ = try s.optional("stable")?.bool("stable")
        return try s.npAxis()
    }
}
