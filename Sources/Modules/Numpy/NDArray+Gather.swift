import Script

/// Rearranging elements by per-axis index maps: the common core of roll, flip, tile,
/// repeat, pad and transposes. Output element (i₀, i₁, …) reads the source at
/// offsets[0][i₀] + offsets[1][i₁] + …, so each axis is mapped independently.
extension NDArray {
    /// An offset code for a position that no source element fills (a constant pad):
    /// `padBefore` and `padAfter` name which side of the axis it lies on.
    static let padBefore = -1, padAfter = -2

    /// Checks an output shape before its per-axis tables are built: every extent on its own
    /// (an empty axis elsewhere must not let one huge axis through) and the element count.
    static func checkedExtents(_ shape: [Int]) throws {
        for d in shape { try Limits.check(elements: d, times: 1) }
        try NumpyModule.checkedCount(shape)
    }

    /// Normalizes a possibly negative axis, raising NumPy's AxisError when out of range.
    static func normalizedAxis(_ axis: Int, _ ndim: Int) throws -> Int {
        let n = axis < 0 ? axis + ndim : axis
        guard n >= 0, n < ndim else {
            throw ScriptError(kind: "AxisError", message: "axis \(axis) is out of bounds for array of dimension \(ndim)")
        }
        return n
    }

    /// An `axis` argument: None (every axis), an int or a sequence of ints, normalized.
    static func axes(_ v: Value?, ndim: Int) throws -> [Int]? {
        guard let v, !v.isNone else { return nil }
        if case .int(let a) = v { return [try normalizedAxis(a, ndim)] }
        return try v.sequence("axis").map { try normalizedAxis(try $0.int("axis"), ndim) }
    }

    /// The array gathered through per-axis offset tables (one table per output axis, as long
    /// as that axis). Negative codes mark constant positions; `fill(axis, code)` gives their
    /// value, and where several axes are padded the last one wins, as NumPy pads axis by axis.
    func gathered(shape outShape: [Int], offsets: [[Int]], fill: ((Int, Int) -> Double)? = nil) throws -> NDArray {
        let total = try NumpyModule.checkedCount(outShape)
        var out = [Double](repeating: 0, count: total)
        let rank = outShape.count
        guard total > 0 else { return NDArray(shape: outShape, storage: out, dtype: dtype) }
        var index = [Int](repeating: 0, count: rank)
        for flat in 0..<total {
            var source = 0
            var padAxis = -1, padCode = 0
            for d in 0..<rank {
                let o = offsets[d][index[d]]
                if o < 0 { padAxis = d; padCode = o } else { source += o }
            }
            out[flat] = padAxis >= 0 ? (fill?(padAxis, padCode) ?? 0) : storage[source]
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < outShape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return NDArray(shape: outShape, storage: out, dtype: dtype)
    }

    /// Offsets that read axis `axis` at source positions `positions`.
    func offsets(axis: Int, positions: [Int]) -> [Int] {
        let stride = strides[axis]
        return positions.map { $0 < 0 ? $0 : $0 * stride }
    }

    /// The identity offset tables (every axis read straight through). An empty array may
    /// still have one huge axis, so the extents are checked before tables that long are built.
    func identityOffsets() throws -> [[Int]] {
        try NDArray.checkedExtents(shape)
        return (0..<ndim).map { d in offsets(axis: d, positions: Array(0..<shape[d])) }
    }

    /// `np.transpose(a, axes)`: output axis d is source axis `order[d]`.
    func permuted(_ order: [Int]) throws -> NDArray {
        try NDArray.checkedExtents(shape)
        let st = strides
        let tables = order.map { axis in (0..<shape[axis]).map { $0 * st[axis] } }
        return try gathered(shape: order.map { shape[$0] }, offsets: tables)
    }

    /// The array reversed along each of `axes`.
    func flipped(_ axes: [Int]) throws -> NDArray {
        var tables = try identityOffsets()
        for ax in axes { tables[ax] = offsets(axis: ax, positions: (0..<shape[ax]).reversed()) }
        return try gathered(shape: shape, offsets: tables)
    }
}
