/// The shortest decimal digits that read back to the same float (what Python's `repr` and
/// NumPy's printing start from), taken from Swift's own shortest round-trip description.
public struct FloatDigits {
    public var negative: Bool
    /// Significant digits without leading zeros ("" for zero).
    public var digits: [Character]
    /// Position of the decimal point relative to the first digit: value = 0.d1d2... × 10^pointPosition.
    public var pointPosition: Int

    public init(_ value: Double, float32: Bool) {
        let text = float32 ? Float(value).description : value.description
        negative = text.hasPrefix("-")
        var body = Substring(negative ? text.dropFirst() : Substring(text))
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(body[body.index(after: e)...]) ?? 0
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = Array(parts[0])
        let fracPart = parts.count > 1 ? Array(parts[1]) : []
        var all = intPart + fracPart
        var point = intPart.count + exponent
        while let f = all.first, f == "0" { all.removeFirst(); point -= 1 }
        while let l = all.last, l == "0" { all.removeLast() }
        if all.isEmpty { point = 1 }
        digits = all
        pointPosition = point
    }

    /// Number of digits after the decimal point the shortest form needs.
    public var fractionDigits: Int { max(0, digits.count - pointPosition) }

    /// Positional text with exactly `fraction` digits after the point (rounded half-even on the digit string).
    public func positional(fraction: Int) -> (intPart: String, fracPart: String) {
        var ds = digits
        var point = pointPosition
        let keep = point + fraction
        if keep < ds.count {
            if keep < 0 { ds = []; point = 1 } else {
                let roundUp: Bool
                let next = ds[keep]
                if next > "5" { roundUp = true } else if next < "5" { roundUp = false } else {
                    let rest = ds[(keep + 1)...].contains { $0 != "0" }
                    roundUp = rest || (keep > 0 && (Int(String(ds[keep - 1])) ?? 0) % 2 == 1)
                }
                ds = Array(ds[..<keep])
                if roundUp {
                    var i = ds.count - 1
                    while i >= 0 {
                        if ds[i] == "9" { ds[i] = "0"; i -= 1 } else { ds[i] = Character(String((Int(String(ds[i])) ?? 0) + 1)); break }
                    }
                    if i < 0 { ds.insert("1", at: 0); point += 1 }
                }
            }
        }
        var intDigits = ""
        var fracDigits = ""
        for k in 0..<max(point, 1) {
            intDigits.append(k < point && k < ds.count ? ds[k] : "0")
        }
        if point <= 0 { intDigits = "0" }
        for k in 0..<fraction {
            let idx = point + k
            fracDigits.append(idx >= 0 && idx < ds.count ? ds[idx] : "0")
        }
        return ((negative ? "-" : "") + intDigits, fracDigits)
    }

    /// Python's `repr(float)`: positional for 1e-4 <= |x| < 1e16, otherwise `d.ddde±XX`.
    public static func pythonRepr(_ value: Double, float32: Bool = false) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let d = FloatDigits(value, float32: float32)
        let sign = d.negative ? "-" : ""
        if d.digits.isEmpty { return sign + "0.0" }
        let exp10 = d.pointPosition - 1
        if exp10 >= -4 && exp10 < 16 {
            let p = d.positional(fraction: d.fractionDigits)
            return p.intPart + "." + (p.fracPart.isEmpty ? "0" : p.fracPart)
        }
        var mantissa = String(d.digits[0])
        if d.digits.count > 1 { mantissa += "." + String(d.digits[1...]) }
        let e = abs(exp10)
        return sign + mantissa + "e" + (exp10 < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }
}
