import Script

/// `np.roll`, `np.flip`, `np.rot90`, `np.tile`, `np.repeat`, `np.pad`, `np.sort` and
/// `np.argsort`: NumPy's rearrangements, most of them an index map over `NDArray.gathered`.
extension NumpyModule {
    static func shapeFunctions() -> [(String, Value)] {
        [
            function("sort") { args, _ in
                let s = try args.bind("sort", ["a", "axis", "kind", "order"], required: 1)
                return .object(try NDArray.coerce(s[0] ?? .none).sorted(axis: NDArray.sortAxis(s, axisSlot: 1)))
            },
            function("argsort") { args, _ in
                let s = try args.bind("argsort", ["a", "axis", "kind", "order"], required: 1)
                return .object(try NDArray.coerce(s[0] ?? .none).argsorted(axis: NDArray.sortAxis(s, axisSlot: 1)))
            },
            function("roll") { args, _ in
                let s = try args.bind("roll", ["a", "shift", "axis"], required: 2)
                return .object(try roll(NDArray.coerce(s[0] ?? .none), shift: s[1] ?? .none, axis: s.value(2)))
            },
            function("flip") { args, _ in
                let s = try args.bind("flip", ["m", "axis"], required: 1)
                let a = try NDArray.coerce(s[0] ?? .none)
                return .object(try a.flipped(try NDArray.axes(s.value(1), ndim: a.ndim) ?? Array(0..<a.ndim)))
            },
            function("fliplr") { args, _ in
                let s = try args.bind("fliplr", ["m"], required: 1)
                let a = try NDArray.coerce(s[0] ?? .none)
                guard a.ndim >= 2 else { throw ScriptError.value("Input must be >= 2-d.") }
                return .object(try a.flipped([1]))
            },
            function("flipud") { args, _ in
                let s = try args.bind("flipud", ["m"], required: 1)
                let a = try NDArray.coerce(s[0] ?? .none)
                guard a.ndim >= 1 else { throw ScriptError.value("Input must be >= 1-d.") }
                return .object(try a.flipped([0]))
            },
            function("rot90") { args, _ in
                let s = try args.bind("rot90", ["m", "k", "axes"], required: 1)
                let a = try NDArray.coerce(s[0] ?? .none)
                let axes = try s.value(2).map { try $0.sequence("axes").map { try $0.int("axes") } } ?? [0, 1]
                return .object(try rot90(a, k: try s.value(1)?.int("k") ?? 1, axes: axes))
            },
            function("tile") { args, _ in
                let s = try args.bind("tile", ["A", "reps"], required: 2)
                return .object(try tile(NDArray.coerce(s[0] ?? .none), reps: s[1] ?? .none))
            },
            function("repeat") { args, _ in
                let s = try args.bind("repeat", ["a", "repeats", "axis"], required: 2)
                return .object(try repeatElements(NDArray.coerce(s[0] ?? .none), repeats: s[1] ?? .none, axis: s.value(2)))
            },
            function("pad") { args, _ in
                let s = try args.bind("pad", ["array", "pad_width", "mode", "constant_values"], required: 2)
                let mode = try s.value(2)?.string("mode") ?? "constant"
                return .object(try pad(NDArray.coerce(s[0] ?? .none), width: s[1] ?? .none, mode: mode, constants: s.value(3)))
            },
        ]
    }

    /// An int or a sequence of ints as a list.
    static func intList(_ v: Value, _ name: String) throws -> [Int] {
        if case .int(let n) = v { return [n] }
        if case .object(let a as NDArray) = v, a.dtype == .int64 || a.dtype == .bool { return a.storage.map(NDArray.int) }
        return try v.sequence(name).map { try $0.int(name) }
    }

    static func roll(_ a: NDArray, shift: Value, axis: Value?) throws -> NDArray {
        let shifts = try intList(shift, "shift")
        guard let axes = try NDArray.axes(axis, ndim: a.ndim) else {
            // No axis: roll the flattened array, then restore the shape.
            guard shifts.count == 1 else { throw ScriptError.value("'shift' and 'axis' should be scalars or 1D sequences") }
            let flat = try a.reshaped([a.count])
            return try roll(flat, shift: .int(shifts[0]), axis: .int(0)).reshaped(a.shape)
        }
        guard shifts.count == axes.count || shifts.count == 1 || axes.count == 1 else {
            throw ScriptError.value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (\(shifts.count),) and arg 1 with shape (\(axes.count),).")
        }
        var total = [Int](repeating: 0, count: a.ndim)
        for i in 0..<max(shifts.count, axes.count) {
            let ax = axes[axes.count == 1 ? 0 : i]
            total[ax] = total[ax] &+ shifts[shifts.count == 1 ? 0 : i]
        }
        var tables = try a.identityOffsets()
        for d in 0..<a.ndim where a.shape[d] > 0 {
            let n = a.shape[d]
            let k = ((total[d] % n) + n) % n
            tables[d] = a.offsets(axis: d, positions: (0..<n).map { ($0 - k + n) % n })
        }
        return try a.gathered(shape: a.shape, offsets: tables)
    }

    static func rot90(_ a: NDArray, k: Int, axes: [Int]) throws -> NDArray {
        guard axes.count == 2 else { throw ScriptError.value("len(axes) must be 2.") }
        let (apart, overflow) = axes[0].subtractingReportingOverflow(axes[1])
        if axes[0] == axes[1] || (!overflow && abs(apart) == a.ndim) { throw ScriptError.value("Axes must be different.") }
        guard axes.allSatisfy({ $0 < a.ndim && $0 >= -a.ndim }) else {
            throw ScriptError.value("Axes=(\(axes[0]), \(axes[1])) out of range for array of ndim=\(a.ndim).")
        }
        let first = try NDArray.normalizedAxis(axes[0], a.ndim), second = try NDArray.normalizedAxis(axes[1], a.ndim)
        var order = Array(0..<a.ndim)
        order.swapAt(first, second)
        switch ((k % 4) + 4) % 4 {
        case 0: return a.copy()
        case 2: return try a.flipped([first, second])
        case 1: return try a.flipped([second]).permuted(order)
        default: return try a.permuted(order).flipped([second])
        }
    }

    static func tile(_ a: NDArray, reps: Value) throws -> NDArray {
        var counts = try intList(reps, "reps")
        guard counts.allSatisfy({ $0 >= 0 }) else { throw ScriptError.value("negative dimensions are not allowed") }
        var source = a
        if a.ndim < counts.count { source = try a.reshaped([Int](repeating: 1, count: counts.count - a.ndim) + a.shape) }
        if counts.count < source.ndim { counts = [Int](repeating: 1, count: source.ndim - counts.count) + counts }
        var outShape: [Int] = []
        for (d, r) in counts.enumerated() {
            let (n, overflow) = source.shape[d].multipliedReportingOverflow(by: r)
            if overflow { try Limits.check(elements: Int.max, times: 1) }
            outShape.append(n)
        }
        try NDArray.checkedExtents(outShape)
        let tables = (0..<source.ndim).map { d in
            source.offsets(axis: d, positions: (0..<outShape[d]).map { $0 % source.shape[d] })
        }
        return try source.gathered(shape: outShape, offsets: tables)
    }

    static func repeatElements(_ a: NDArray, repeats: Value, axis: Value?) throws -> NDArray {
        let counts = try intList(repeats, "repeats")
        var source = a
        let ax: Int
        if let axis, !axis.isNone {
            ax = try NDArray.normalizedAxis(try axis.int("axis"), a.ndim)
        } else {
            source = try a.reshaped([a.count])
            ax = 0
        }
        let n = source.shape[ax]
        guard counts.count == 1 || counts.count == n else {
            throw ScriptError.value("operands could not be broadcast together with shape (\(n),) (\(counts.count),)")
        }
        if counts.count == 1, counts[0] < 0 { throw ScriptError.value("negative dimensions are not allowed") }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw ScriptError.value("repeats may not contain negative values.") }
        var total = 0
        for i in 0..<n {
            let (t, overflow) = total.addingReportingOverflow(counts[counts.count == 1 ? 0 : i])
            if overflow { try Limits.check(elements: Int.max, times: 1) }
            total = t
        }
        try Limits.check(elements: total, times: 1)
        var positions: [Int] = []
        positions.reserveCapacity(total)
        for i in 0..<n { positions += repeatElement(i, count: counts[counts.count == 1 ? 0 : i]) }
        var tables = try source.identityOffsets()
        tables[ax] = source.offsets(axis: ax, positions: positions)
        var outShape = source.shape
        outShape[ax] = total
        return try source.gathered(shape: outShape, offsets: tables)
    }
}
