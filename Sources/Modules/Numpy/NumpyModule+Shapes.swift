import Script

/// `np.roll`, `np.flip`, `np.rot90`, `np.tile`, `np.repeat`, `np.pad`, `np.sort` and
/// `np.argsort`: NumPy's rearrangements, most of them an index map over `NDArray.gathered`.
extension NumpyModule {
    static func shapeFunctions() -> [(String, Value)] {
        [
            declared("sort", "a, axis=-1, kind=None, order=None, *, stable=None") { s in
                .object(try s.ndarray("a").sorted(axis: NDArray.sortAxis(s)))
            },
            declared("argsort", "a, axis=-1, kind=None, order=None, *, stable=None") { s in
                .object(try s.ndarray("a").argsorted(axis: NDArray.sortAxis(s)))
            },
            declared("roll", "a, shift, axis=None") { s in
                .object(try roll(s.ndarray("a"), shift: s["shift"], axis: s.optional("axis")))
            },
            declared("flip", "m, axis=None") { s in
                let a = try s.ndarray("m")
                return .object(try a.flipped(try NDArray.axes(s.optional("axis"), ndim: a.ndim) ?? Array(0..<a.ndim)))
            },
            declared("fliplr", "m") { s in
                let a = try s.ndarray("m")
                guard a.ndim >= 2 else { throw ScriptError.value("Input must be >= 2-d.") }
                return .object(try a.flipped([1]))
            },
            declared("flipud", "m") { s in
                let a = try s.ndarray("m")
                guard a.ndim >= 1 else { throw ScriptError.value("Input must be >= 1-d.") }
                return .object(try a.flipped([0]))
            },
            declared("rot90", "m, k=1, axes=(0, 1)") { s in
                let axes = try s["axes"].sequence("axes").map { try $0.int("axes") }
                return .object(try rot90(s.ndarray("m"), k: try s["k"].int("k"), axes: axes))
            },
            declared("tile", "A, reps") { s in .object(try tile(s.ndarray("A"), reps: s["reps"])) },
            declared("repeat", "a, repeats, axis=None") { s in
                .object(try repeatElements(s.ndarray("a"), repeats: s["repeats"], axis: s.optional("axis")))
            },
            declared("pad", "array, pad_width, mode='constant', **kwargs") { s in
                let mode = try s["mode"].string("mode")
                try checkPadMode(mode)
                var constants: Value?
                for (name, value) in s.extraKeywords {
                    switch name {
                    case "constant_values" where mode == "constant": constants = value
                    // 'even' is the reflection both modes make; 'odd' is not implemented.
                    case "reflect_type" where mode == "reflect" || mode == "symmetric":
                        if try value.string("reflect_type") != "even" { throw ScriptError.notImplemented("pad: reflect_type is not supported yet") }
                    default: throw ScriptError.value("unsupported keyword arguments for mode '\(mode)': {'\(name)'}")
                    }
                }
                return .object(try pad(s.ndarray("array"), width: s["pad_width"], mode: mode, constants: constants))
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
