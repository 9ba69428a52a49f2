/// Python's conversions to `int`, in one place, so a float or a string a lesson controls never
/// reaches a trapping Swift conversion.
public enum IntConversion {
    /// `int(x)` of a float: toward zero; nan is a ValueError and infinities (and values beyond
    /// 64 bits, which Lectern's ints cannot hold) an OverflowError, as Python says them.
    public static func truncating(_ d: Double) throws -> Int {
        if d.isNaN { throw ScriptError(kind: "ValueError", message: "cannot convert float NaN to integer") }
        if d.isInfinite { throw ScriptError(kind: "OverflowError", message: "cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        guard t >= -9.223372036854775808e18, t < 9.223372036854775808e18 else {
            throw ScriptError(kind: "OverflowError", message: "int too large to convert to a 64-bit integer: \(FloatDigits.pythonRepr(d))")
        }
        return Int(t)
    }

    /// `int(text, base)`: base 0 reads the prefix (0x, 0o, 0b) as Python literals do; bases
    /// 2 to 36 accept their own prefix; underscores may separate digits.
    public static func parse(_ text: String, base: Int) throws -> Int {
        guard base == 0 || (2...36).contains(base) else {
            throw ScriptError(kind: "ValueError", message: "int() base must be >= 2 and <= 36, or 0")
        }
        func invalid() -> ScriptError {
            ScriptError(kind: "ValueError", message: "invalid literal for int() with base \(base): \(Interpreter.quote(text))")
        }
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let sign = s.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            s = s.dropFirst()
        }
        var radix = base
        let lower = s.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == 0 || base == r) {
            radix = r
            s = s.dropFirst(2)
            if s.first == "_" { s = s.dropFirst() }
            break
        }
        if radix == 0 {
            radix = 10
            // Base 0 takes decimals as Python's literals: no leading zeros but for zero itself.
            if s.count > 1, s.first == "0", !s.allSatisfy({ $0 == "0" || $0 == "_" }) { throw invalid() }
        }
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { throw invalid() }
        let digits = s.replacingOccurrences(of: "_", with: "")
        guard let magnitude = UInt64(digits, radix: radix) else {
            // Valid digits that do not fit in 64 bits: Lectern's ints stop there, Python's do not.
            if digits.allSatisfy({ $0.hexDigitValue.map { $0 < radix } ?? ($0.isLetter && $0.isASCII && Int($0.lowercased().unicodeScalars.first!.value) - 87 < radix) }) {
                throw overflow(text)
            }
            throw invalid()
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { throw overflow(text) }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw overflow(text) }
        return Int(magnitude)
    }

    static func overflow(_ text: String) -> ScriptError {
        ScriptError(kind: "OverflowError", message: "int too large to convert to a 64-bit integer: \(Interpreter.quote(text))")
    }
}
