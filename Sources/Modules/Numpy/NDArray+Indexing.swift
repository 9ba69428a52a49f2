import Script

/// Indexing as NumPy does it: integers, slices, tuples of them, one integer-array index, and
/// boolean masks (`X[y == 0, 0]`, `X[row_ix, 1]` with `row_ix = where(y == 0)`).
extension NDArray {
    /// One axis of an index expression after resolution.
    enum AxisIndex {
        case single(Int)          // drops the axis
        case range([Int])         // keeps the axis (slice)
        case fancy([Int], shape: [Int])   // integer array: its shape replaces the axis
        /// Integer arrays of one shape on neighbouring axes, read in step (`p[rows, cols]`): one
        /// index list per axis; their common shape replaces those axes.
        case zipped([[Int]], shape: [Int])
    }

    func resolve(_ key: Value) throws -> [AxisIndex] {
        var parts: [Value]
        if case .tuple(let t) = key { parts = t } else { parts = [key] }
        // A full-shape boolean mask is handled by the caller; a 1-D mask on axis k becomes indices.
        var axes: [AxisIndex] = []
        var axis = 0
        for part in parts {
            guard axis < ndim else {
                throw ScriptError.index("too many indices for array: array is \(ndim)-dimensional, but \(parts.count) were indexed")
            }
            let n = shape[axis]
            switch part {
            case .int, .bool:
                var i = try part.int("index")
                if i < 0 { i += n }
                guard i >= 0, i < n else {
                    throw ScriptError.index("index \(try part.int("index")) is out of bounds for axis \(axis) with size \(n)")
                }
                axes.append(.single(i))
            case .object(let s as SliceObject):
                axes.append(.range(try s.indices(count: n)))
            case .list, .tuple:
                let a = try NDArray.from(part)
                let list = try NDArray.indexList(a, axisSize: n, axis: axis)
                axes.append(.fancy(list, shape: a.dtype == .bool ? [list.count] : a.shape))
            case .object(let a as NDArray):
                if a.shape.isEmpty && a.dtype == .int64 {
                    var i = NDArray.int(a.storage[0])
                    if i < 0 { i += n }
                    guard i >= 0, i < n else { throw ScriptError.index("index \(NDArray.int(a.storage[0])) is out of bounds for axis \(axis) with size \(n)") }
                    axes.append(.single(i))
                } else {
                    let list = try NDArray.indexList(a, axisSize: n, axis: axis)
                    axes.append(.fancy(list, shape: a.dtype == .bool ? [list.count] : a.shape))
                }
            default:
                throw ScriptError.index("only integers, slices (`:`), and integer or boolean arrays are valid indices. Received: \(part.shortDescription)")
            }
            axis += 1
        }
        while axis < ndim {
            axes.append(.range(Array(0..<shape[axis])))
            axis += 1
        }
        let fancy = axes.indices.filter { if case .fancy = axes[$0] { true } else { false } }
        guard fancy.count > 1 else { return axes }
        // Several integer arrays pair up element by element, as NumPy reads `p[np.arange(n), y]`.
        var lists: [[Int]] = []
        var shapes: [[Int]] = []
        for k in fancy { if case .fancy(let l, let sh) = axes[k] { lists.append(l); shapes.append(sh) } }
        guard fancy.last! - fancy.first! == fancy.count - 1 else {
            throw ScriptError.notImplemented("integer-array indices on axes that are not next to each other are not supported yet")
        }
        guard shapes.allSatisfy({ $0 == shapes[0] }) else {
            let described = shapes.map { "(" + $0.map(String.init).joined(separator: ",") + ($0.count == 1 ? ",)" : ")") }
            throw ScriptError.index("shape mismatch: indexing arrays could not be broadcast together with shapes \(described.joined(separator: " "))")
        }
        return Array(axes[..<fancy.first!]) + [.zipped(lists, shape: shapes[0])] + Array(axes[(fancy.last! + 1)...])
    }

    static func indexList(_ a: NDArray, axisSize n: Int, axis: Int) throws -> [Int] {
        if a.dtype == .bool {
            guard a.count == n else {
                throw ScriptError.index("boolean index did not match indexed array along axis \(axis); size of axis is \(n) but size of corresponding boolean axis is \(a.count)")
            }
            return a.storage.indices.filter { a.storage[$0] != 0 }
        }
        guard !a.dtype.isFloat || a.count == 0 else {
            throw ScriptError.index("arrays used as indices must be of integer (or boolean) type")
        }
        return try a.storage.map { d in
            var i = NDArray.int(d)
            if i < 0 { i += n }
            guard i >= 0, i < n else { throw ScriptError.index("index \(NDArray.int(d)) is out of bounds for axis \(axis) with size \(n)") }
            return i
        }
    }

    /// Visits every selected element: `body(resultFlatIndex, sourceFlatIndex)`; returns the result shape.
    func select(_ axes: [AxisIndex], _ body: (Int, Int) -> Void) -> [Int] {
        var resultShape: [Int] = []
        // Per index group, the source offset of each of its positions.
        var offsets: [[Int]] = []
        let st = strides
        var axis = 0
        for a in axes {
            switch a {
            case .single(let i):
                offsets.append([i * st[axis]]); axis += 1
            case .range(let r):
                resultShape.append(r.count); offsets.append(r.map { $0 * st[axis] }); axis += 1
            case .fancy(let r, let shape):
                resultShape += shape; offsets.append(r.map { $0 * st[axis] }); axis += 1
            case .zipped(let lists, let shape):
                resultShape += shape
                let first = axis
                offsets.append((0..<(lists.first?.count ?? 0)).map { p in
                    lists.indices.reduce(0) { $0 + lists[$1][p] * st[first + $1] }
                })
                axis += lists.count
            }
        }
        let total = offsets.reduce(1) { $0 * $1.count }
        if total == 0 { return resultShape }
        var pos = [Int](repeating: 0, count: offsets.count)
        for flat in 0..<total {
            var src = 0
            for d in 0..<offsets.count { src += offsets[d][pos[d]] }
            body(flat, src)
            var d = offsets.count - 1
            while d >= 0 {
                pos[d] += 1
                if pos[d] < offsets[d].count { break }
                pos[d] = 0
                d -= 1
            }
        }
        return resultShape
    }

    func isFullMask(_ key: Value) -> NDArray? {
        if case .object(let m as NDArray) = key, m.dtype == .bool, m.shape == shape, ndim > 1 { return m }
        return nil
    }

    public func getItem(_ key: Value) throws -> Value? {
        if let (rest, inserted) = try Self.withoutNewAxes(key) {
            let picked: Value = try rest.map { try getItem($0) ?? .none } ?? .object(self)
            let result = try NDArray.coerce(picked)
            var shape = result.shape
            for position in inserted { shape.insert(1, at: min(position, shape.count)) }
            return .object(NDArray(shape: shape, storage: result.storage, dtype: result.dtype))
        }
        if let mask = isFullMask(key) {
            let picked = storage.indices.filter { mask.storage[$0] != 0 }.map { storage[$0] }
            return .object(NDArray(shape: [picked.count], storage: picked, dtype: dtype))
        }
        let axes = try resolve(key)
        var out: [Double] = []
        let st = select(axes) { _, src in out.append(storage[src]) }
        if st.isEmpty { return scalarValue(out[0]) }
        return .object(NDArray(shape: st, storage: out, dtype: dtype))
    }

    /// For a key holding `None` (`np.newaxis`): the key without them (nil when nothing else is
    /// left) and where the new axes of length 1 go in the result. Nil for a key without `None`.
    static func withoutNewAxes(_ key: Value) throws -> (Value?, [Int])? {
        let parts: [Value]
        if case .tuple(let t) = key { parts = t } else { parts = [key] }
        guard parts.contains(where: { if case .none = $0 { true } else { false } }) else { return nil }
        var rest: [Value] = [], inserted: [Int] = []
        var position = 0
        for part in parts {
            switch part {
            case .none: inserted.append(position); position += 1
            case .int, .bool: rest.append(part)
            case .object(let s) where s is SliceObject: rest.append(part); position += 1
            default:
                throw ScriptError.notImplemented("np.newaxis together with an array index is not supported yet")
            }
        }
        return (rest.isEmpty ? nil : .tuple(rest), inserted)
    }

    public func setItem(_ key: Value, _ value: Value) throws -> Bool {
        let source = try NDArray.coerce(value)
        if let mask = isFullMask(key) {
            var k = 0
            for i in storage.indices where mask.storage[i] != 0 {
                storage[i] = source.count == 1 ? source.storage[0] : source.storage[k % source.count]
                k += 1
            }
            roundToDType()
            return true
        }
        let axes = try resolve(key)
        var targets: [Int] = []
        let st = select(axes) { _, src in targets.append(src) }
        let values = try source.broadcast(to: st)
        for (k, t) in targets.enumerated() { storage[t] = values[k] }
        roundToDType()
        return true
    }

    func roundToDType() {
        switch dtype {
        case .float32: storage = storage.map { Double(Float($0)) }
        case .int64: storage = storage.map { $0.rounded(.towardZero) }
        case .bool: storage = storage.map { $0 != 0 ? 1 : 0 }
        case .float64: break
        }
    }
}
