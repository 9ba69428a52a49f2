import Script

/// `np.pad(array, pad_width, mode='constant', constant_values=0)` for the constant, edge,
/// reflect, symmetric and wrap modes, with pad widths and values read as NumPy reads them
/// (one number, one (before, after) pair, or one pair per axis).
extension NumpyModule {
    /// Refuses a mode NumPy lacks (ValueError) or Lectern does not implement (by name).
    static func checkPadMode(_ mode: String) throws {
        let modes = ["constant", "edge", "reflect", "symmetric", "wrap"]
        guard modes.contains(mode) else {
            if ["empty", "linear_ramp", "maximum", "mean", "median", "minimum"].contains(mode) {
                throw ScriptError.notImplemented("pad supports the modes \(modes.joined(separator: ", ")); mode '\(mode)' is not available")
            }
            throw ScriptError.value("mode '\(mode)' is not supported")
        }
    }

    static func pad(_ a: NDArray, width: Value, mode: String, constants: Value?) throws -> NDArray {
        try checkPadMode(mode)
        if mode != "constant", constants != nil {
            throw ScriptError.value("unsupported keyword arguments for mode '\(mode)': {'constant_values'}")
        }
        let widthArray = try NDArray.coerce(width)
        guard widthArray.dtype == .int64 || widthArray.dtype == .bool else { throw ScriptError.type("`pad_width` must be of integral type.") }
        let widths = try pairs(widthArray, ndim: a.ndim, asIndex: true).map { (NDArray.int($0.0), NDArray.int($0.1)) }
        let values = try pairs(NDArray.coerce(constants ?? .int(0)), ndim: a.ndim, asIndex: false)
        for d in 0..<a.ndim where a.shape[d] == 0 && mode != "constant" && (widths[d].0 > 0 || widths[d].1 > 0) {
            throw ScriptError.value("can't extend empty axis \(d) using modes other than 'constant' or 'empty'")
        }
        var outShape: [Int] = []
        for d in 0..<a.ndim {
            let (t, o1) = a.shape[d].addingReportingOverflow(widths[d].0)
            let (n, o2) = t.addingReportingOverflow(widths[d].1)
            if o1 || o2 { try Limits.check(elements: Int.max, times: 1) }
            outShape.append(n)
        }
        try NDArray.checkedExtents(outShape)
        let tables = (0..<a.ndim).map { d in
            a.offsets(axis: d, positions: (0..<outShape[d]).map { i in
                sourcePosition(i - widths[d].0, length: a.shape[d], mode: mode)
            })
        }
        // A constant is cast to the array's dtype (1.7 pads an int array with 1).
        let cast = NDArray(shape: [a.ndim, 2], storage: values.flatMap { [$0.0, $0.1] }, dtype: .float64).astype(a.dtype)
        return try a.gathered(shape: outShape, offsets: tables) { axis, code in
            cast.storage[axis * 2 + (code == NDArray.padBefore ? 0 : 1)]
        }
    }

    /// Where output position `i` (relative to the first original element) reads from, or a
    /// pad code for the constant mode.
    private static func sourcePosition(_ i: Int, length n: Int, mode: String) -> Int {
        if i >= 0, i < n { return i }
        func periodic(_ i: Int, _ p: Int) -> Int { ((i % p) + p) % p }
        switch mode {
        case "edge": return i < 0 ? 0 : n - 1
        case "wrap": return periodic(i, n)
        case "reflect":
            if n == 1 { return 0 }
            let j = periodic(i, 2 * (n - 1))
            return j < n ? j : 2 * (n - 1) - j
        case "symmetric":
            let j = periodic(i, 2 * n)
            return j < n ? j : 2 * n - 1 - j
        default: return i < 0 ? NDArray.padBefore : NDArray.padAfter
        }
    }

    /// NumPy's reading of a pad width or constant: one value for every side, one
    /// (before, after) pair for every axis, or one pair per axis.
    private static func pairs(_ x: NDArray, ndim: Int, asIndex: Bool) throws -> [(Double, Double)] {
        if asIndex, x.storage.contains(where: { $0 < 0 }) { throw ScriptError.value("index can't contain negative values") }
        if x.count == 1 { return [(Double, Double)](repeating: (x.storage[0], x.storage[0]), count: ndim) }
        if x.count == 2, x.shape != [2, 1] { return [(Double, Double)](repeating: (x.storage[0], x.storage[1]), count: ndim) }
        // Otherwise the values must broadcast to (ndim, 2).
        let target = [ndim, 2]
        guard let full = try? NDArray.broadcastShape(x.shape, target), full == target, let values = try? x.broadcast(to: target) else {
            func text(_ s: [Int]) -> String { s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ",") + ")" }
            throw ScriptError.value("operands could not be broadcast together with remapped shapes [original->remapped]: \(text(x.shape))  and requested shape \(text(target))")
        }
        return (0..<ndim).map { (values[$0 * 2], values[$0 * 2 + 1]) }
    }
}
