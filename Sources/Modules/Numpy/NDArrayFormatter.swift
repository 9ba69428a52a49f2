import Script

/// NumPy's printing of arrays (default options: precision 8, 'maxprec', 75-column lines,
/// summarised past 1000 elements) and of NumPy scalars.
enum NDArrayFormatter {
    static func str(_ a: NDArray) -> String {
        if a.shape.isEmpty { return scalar(a.storage[0], a.dtype) }
        return body(a, prefixWidth: 0)
    }

    static func repr(_ a: NDArray) -> String {
        if a.shape.isEmpty { return scalar(a.storage[0], a.dtype) }
        let text = body(a, prefixWidth: 6)
        var out = "array(" + text
        let needsDType = a.dtype == .float32 || (a.count == 0 && a.dtype != .float64)
        if needsDType { out += ", dtype=\(a.dtype.rawValue)" }
        return out + ")"
    }

    static func scalar(_ v: Double, _ t: NDArray.DType) -> String {
        switch t {
        case .bool: return v != 0 ? "True" : "False"
        case .int64: return String(NDArray.int(v))
        case .float32: return FloatDigits.pythonRepr(v, float32: true)
        case .float64: return FloatDigits.pythonRepr(v)
        }
    }

    /// Formats every element to a common width, as NumPy's FloatingFormat does.
    static func elementStrings(_ a: NDArray) -> [String] {
        switch a.dtype {
        case .bool: return a.storage.map { $0 != 0 ? " True" : "False" }
        case .int64:
            let s = a.storage.map { String(NDArray.int($0)) }
            let w = s.map(\.count).max() ?? 0
            return s.map { String(repeating: " ", count: w - $0.count) + $0 }
        case .float32, .float64:
            return floats(a.storage, float32: a.dtype == .float32)
        }
    }

    static func floats(_ values: [Double], float32: Bool) -> [String] {
        let finite = values.filter { $0.isFinite }
        let abss = finite.map { abs($0) }.filter { $0 != 0 }
        let maxv = abss.max() ?? 0, minv = abss.min() ?? 0
        let scientific = !abss.isEmpty && (maxv >= 1e8 || minv < 1e-4 || maxv / minv > 1e3)
        let precision = 8
        var parts: [(String, String)] = []
        if scientific {
            // Mantissas trimmed to what the values need, all with the same number of digits.
            var fracNeed = 0
            let ds = values.map { FloatDigits($0, float32: float32) }
            for d in ds where !d.digits.isEmpty { fracNeed = max(fracNeed, min(precision, d.digits.count - 1)) }
            let texts: [String] = zip(values, ds).map { v, d in
                if !v.isFinite { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
                if d.digits.isEmpty { return "0." + String(repeating: "0", count: fracNeed) + "e+00" }
                let exp10 = d.pointPosition - 1
                var shifted = d
                shifted.pointPosition = 1
                let p = shifted.positional(fraction: fracNeed)
                var e = exp10
                var intPart = p.intPart
                if intPart.hasSuffix("10") { intPart.removeLast(); e += 1 }
                let ea = abs(e)
                return intPart + "." + p.fracPart + "e" + (e < 0 ? "-" : "+") + (ea < 10 ? "0" : "") + String(ea)
            }
            let w = texts.map(\.count).max() ?? 0
            return texts.map { String(repeating: " ", count: w - $0.count) + $0 }
        }
        for v in values {
            if v.isNaN { parts.append(("nan", "")); continue }
            if v.isInfinite { parts.append((v < 0 ? "-inf" : "inf", "")); continue }
            let d = FloatDigits(v, float32: float32)
            var p = d.positional(fraction: min(precision, d.fractionDigits))
            // Rounded to the precision, then trimmed: NumPy's unique digits within 8 places.
            while p.fracPart.hasSuffix("0") { p.fracPart.removeLast() }
            parts.append((p.intPart, p.fracPart))
        }
        let frac = parts.filter { !($0.0 == "nan" || $0.0.hasSuffix("inf")) }.map { $0.1.count }.max() ?? 0
        let intWidth = parts.map { $0.0.count }.max() ?? 0
        return parts.map { ip, fp in
            if ip == "nan" || ip.hasSuffix("inf") {
                return String(repeating: " ", count: max(0, intWidth - ip.count)) + ip + String(repeating: " ", count: frac + 1)
            }
            return String(repeating: " ", count: intWidth - ip.count) + ip + "." + fp + String(repeating: " ", count: frac - fp.count)
        }
    }

    /// The nested-bracket body, wrapping rows at 75 columns like NumPy.
    static func body(_ a: NDArray, prefixWidth: Int) -> String {
        let summarise = a.count > 1000
        let elems = elementStrings(a)
        let separator = prefixWidth > 0 ? "," : ""
        func render(_ dim: Int, _ offset: Int, _ indent: Int) -> String {
            let n = a.shape[dim]
            let stride = a.shape[(dim + 1)...].reduce(1, *)
            var pieces: [String] = []
            var indices = Array(0..<n)
            if summarise && n > 6 { indices = Array(0..<3) + [-1] + Array((n - 3)..<n) }
            if dim == a.ndim - 1 {
                var lines: [String] = []
                var line = ""
                let width = 75
                for i in indices {
                    let item = i < 0 ? "..." : elems[offset + i]
                    let candidate = line.isEmpty ? item : line + separator + " " + item
                    if !line.isEmpty && indent + candidate.count + 2 > width {
                        lines.append(line + separator)
                        line = item
                    } else {
                        line = candidate
                    }
                }
                lines.append(line)
                return "[" + lines.joined(separator: "\n" + String(repeating: " ", count: indent + 1)) + "]"
            }
            for i in indices {
                pieces.append(i < 0 ? "..." : render(dim + 1, offset + i * stride, indent + 1))
            }
            let blank = String(repeating: "\n", count: a.ndim - dim - 1)
            return "[" + pieces.joined(separator: separator + blank + String(repeating: " ", count: indent + 1)) + "]"
        }
        if a.count == 0 { return "[]" }
        return render(0, 0, prefixWidth)
    }
}
