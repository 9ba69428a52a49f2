import Script

/// `np.tensordot` and `np.einsum`: sums of products over named axes.
extension NumpyModule {
    static func contractionFunctions() -> [(String, Value)] {
        [
            declared("tensordot", "a, b, axes=2") { s in
                try tensordot(s.ndarray("a"), s.ndarray("b"), axes: s["axes"]).asResult
            },
            // `optimize` chooses the order of the contractions, never the result: every choice is honoured.
            declared("einsum", "*operands, !out=None, optimize=False, **kwargs") { s in
                if let first = s.extraKeywords.first {
                    if ["dtype", "order", "casting"].contains(first.name) { throw ScriptError.notImplemented("einsum: \(first.name) is not supported yet") }
                    throw ScriptError.type("Did not understand the following kwargs: ['\(first.name)']")
                }
                guard case .string(let subscripts)? = s.extraPositional.first else {
                    throw ScriptError.type("einsum() expects a subscripts string first, as in np.einsum('ij,jk->ik', a, b)")
                }
                return try einsum(subscripts, try s.extraPositional.dropFirst().map(NDArray.coerce)).asResult
            },
        ]
    }

    static func tensordot(_ a: NDArray, _ b: NDArray, axes: Value) throws -> NDArray {
        var aAxes: [Int], bAxes: [Int]
        if case .int(let n) = axes {
            guard n >= 0, n <= a.ndim, n <= b.ndim else { throw ScriptError.value("shape-mismatch for sum") }
            aAxes = Array((a.ndim - n)..<a.ndim)
            bAxes = Array(0..<n)
        } else {
            let pair = try axes.sequence("axes")
            guard pair.count == 2 else { throw ScriptError.value("axes must be an integer or a pair of axis sequences") }
            aAxes = try intList(pair[0], "axes")
            bAxes = try intList(pair[1], "axes")
        }
        guard aAxes.count == bAxes.count else { throw ScriptError.value("shape-mismatch for sum") }
        aAxes = try aAxes.map { try NDArray.normalizedAxis($0, a.ndim) }
        bAxes = try bAxes.map { try NDArray.normalizedAxis($0, b.ndim) }
        for (x, y) in zip(aAxes, bAxes) where a.shape[x] != b.shape[y] { throw ScriptError.value("shape-mismatch for sum") }
        let aFree = (0..<a.ndim).filter { !aAxes.contains($0) }, bFree = (0..<b.ndim).filter { !bAxes.contains($0) }
        let k = try checkedCount(aAxes.map { a.shape[$0] })
        let m = try checkedCount(aFree.map { a.shape[$0] }), n = try checkedCount(bFree.map { b.shape[$0] })
        let left = try a.permuted(aFree + aAxes).reshaped([m, k])
        let right = try b.permuted(bAxes + bFree).reshaped([k, n])
        let product = try NDArray.matmul(left, right)
        return try product.reshaped(aFree.map { a.shape[$0] } + bFree.map { b.shape[$0] })
    }

    /// Einstein summation over letter subscripts, explicit ('ij,jk->ik') or implicit ('ij,jk'),
    /// with repeated letters in one operand reading its diagonal and size-1 axes broadcasting.
    static func einsum(_ subscripts: String, _ operands: [NDArray]) throws -> NDArray {
        let spec = subscripts.filter { $0 != " " }
        if spec.contains(".") { throw ScriptError.notImplemented("einsum: '...' (ellipsis) subscripts are not supported") }
        let sides = spec.components(separatedBy: "->")
        guard sides.count <= 2 else { throw ScriptError.value("einstein sum subscript string does not contain proper '->' output specified") }
        let inputs = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(Array.init)
        for ch in spec where !ch.isLetter && ch != "," && ch != "-" && ch != ">" {
            throw ScriptError.value("invalid subscript '\(ch)' in einstein sum subscripts string, subscripts must be letters")
        }
        // NumPy's two messages read the other way round from the mismatch; we say what NumPy says.
        if inputs.count > operands.count { throw ScriptError.value("more operands provided to einstein sum function than specified in the subscripts string") }
        if inputs.count < operands.count { throw ScriptError.value("fewer operands provided to einstein sum function than specified in the subscripts string") }
        for (i, (term, a)) in zip(inputs, operands).enumerated() where term.count != a.ndim {
            throw ScriptError.value(term.count > a.ndim
                ? "einstein sum subscripts string contains too many subscripts for operand \(i)"
                : "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.")
        }
        let all = inputs.flatMap { $0 }
        let output: [Character]
        if sides.count == 2 {
            output = Array(sides[1])
            for (i, ch) in output.enumerated() {
                if output[..<i].contains(ch) { throw ScriptError.value("einstein sum subscripts string includes output subscript '\(ch)' multiple times") }
                if !all.contains(ch) { throw ScriptError.value("einstein sum subscripts string included output subscript '\(ch)' which never appeared in an input") }
            }
        } else {
            output = Set(all).filter { ch in all.filter { $0 == ch }.count == 1 }.sorted()
        }
        let labels = output + Set(all).subtracting(output).sorted()
        // Each label's extent: equal across operands, or 1 (broadcast).
        var extent = [Int](repeating: 1, count: labels.count)
        var consistent = true
        for (term, a) in zip(inputs, operands) {
            for (axis, ch) in term.enumerated() {
                guard let l = labels.firstIndex(of: ch) else { continue }
                let size = a.shape[axis]
                if extent[l] == 1 { extent[l] = size } else if size != 1, size != extent[l] { consistent = false }
            }
        }
        guard consistent else { throw ScriptError.value(remappedShapesMessage(inputs, operands, labels)) }
        // Per operand and label: the stride that label contributes (summed for a repeated label).
        let strides: [[Int]] = zip(inputs, operands).map { term, a in
            let st = a.strides
            return labels.map { ch in
                term.indices.filter { term[$0] == ch && a.shape[$0] != 1 }.reduce(0) { $0 + st[$1] }
            }
        }
        let outShape = Array(extent[..<output.count])
        let outCount = try checkedCount(outShape)
        var sumCount = 1
        for e in extent[output.count...] {
            let (t, overflow) = sumCount.multipliedReportingOverflow(by: e)
            guard !overflow else { throw ScriptError.value("einsum: the sum has more terms than can be counted") }
            sumCount = t
        }
        var out = [Double](repeating: 0, count: outCount)
        var index = [Int](repeating: 0, count: labels.count)
        var offsets = [Int](repeating: 0, count: operands.count)
        var steps = 0
        for o in 0..<outCount {
            var acc = 0.0
            for _ in 0..<sumCount {
                steps &+= 1
                if steps & 0xFFFF == 0 { try Limits.checkDeadline() }
                var product = 1.0
                for (p, a) in operands.enumerated() { product *= a.storage[offsets[p]] }
                acc += product
                // Advance the label counter (summed labels fastest, then output labels).
                var d = labels.count - 1
                while d >= 0 {
                    index[d] += 1
                    for p in operands.indices { offsets[p] += strides[p][d] }
                    if index[d] < extent[d] { break }
                    for p in operands.indices { offsets[p] -= strides[p][d] * extent[d] }
                    index[d] = 0
                    d -= 1
                }
            }
            out[o] = acc
        }
        var dtype = operands.dropFirst().reduce(operands.first?.dtype ?? .float64) { NDArray.DType.promote($0, $1.dtype) }
        if dtype == .bool { dtype = .int64 }
        return NDArray(shape: outShape, storage: out, dtype: dtype)
    }

    /// NumPy's message when einsum's operands disagree on a label's extent.
    private static func remappedShapesMessage(_ inputs: [[Character]], _ operands: [NDArray], _ labels: [Character]) -> String {
        func text(_ parts: [String]) -> String { parts.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ",") + ")" }
        var message = "operands could not be broadcast together with remapped shapes [original->remapped]: "
        for (term, a) in zip(inputs, operands) {
            var remapped = labels.map { ch in term.firstIndex(of: ch).map { String(a.shape[$0]) } ?? "newaxis" }
            while remapped.first == "newaxis" { remapped.removeFirst() }
            message += text(a.shape.map(String.init)) + "->" + text(remapped) + " "
        }
        return message
    }
}
