import Foundation

/// The one place numbers are compared, for `lectern check` and for the tests: texts match when
/// they agree outside numbers and every pair of numbers is approximately equal.
public struct Comparator: Sendable {
    public var absoluteTolerance: Double
    public var relativeTolerance: Double

    public init(absoluteTolerance: Double = 1e-9, relativeTolerance: Double = 1e-6) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// Like swift-numerics' `isApproximatelyEqual`: |a - b| <= max(atol, rtol * max(|a|, |b|)).
    /// nan equals nan (a recorded divergence must stay a divergence).
    public func numbersMatch(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= max(absoluteTolerance, relativeTolerance * max(abs(a), abs(b)))
    }

    public func textsMatch(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let ta = Self.tokens(a), tb = Self.tokens(b)
        guard ta.count == tb.count else { return false }
        for (x, y) in zip(ta, tb) {
            switch (x, y) {
            case (.number(let p, _), .number(let q, _)):
                if !numbersMatch(p, q) { return false }
            case (.text(let p), .text(let q)):
                if p != q { return false }
            default:
                return false
            }
        }
        return true
    }

    /// The character offsets in `b` of numbers that differ from their partner in `a` beyond the
    /// tolerance; nil when the two texts differ in more than numbers.
    public func driftedNumbers(_ a: String, _ b: String) -> [Range<Int>]? {
        let ta = Self.tokens(a), tb = Self.tokens(b)
        guard ta.count == tb.count else { return nil }
        var offset = 0
        var drifted: [Range<Int>] = []
        for (x, y) in zip(ta, tb) {
            switch (x, y) {
            case (.number(let p, _), .number(let q, let literal)):
                if !numbersMatch(p, q) { drifted.append(offset..<(offset + literal.count)) }
                offset += literal.count
            case (.text(let p), .text(let q)):
                if p != q { return nil }
                offset += q.count
            default:
                return nil
            }
        }
        return drifted
    }

    enum Token: Equatable {
        case text(String)
        case number(Double, String)
    }

    /// Splits text into numbers (with sign, decimals, exponent, nan, inf) and the text between.
    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        let chars = Array(s)
        var i = 0
        var text = ""
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            let c = chars[i]
            let startsNumber = isDigit(c) || (c == "." && i + 1 < chars.count && isDigit(chars[i + 1]))
                || (c == "-" && i + 1 < chars.count && (isDigit(chars[i + 1]) || chars[i + 1] == "."))
            let prevIsWord = i > 0 && (chars[i - 1].isLetter || chars[i - 1] == "_")
            if startsNumber && !prevIsWord {
                var j = i + 1
                while j < chars.count, isDigit(chars[j]) || chars[j] == "." { j += 1 }
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, isDigit(chars[k]) {
                        while k < chars.count, isDigit(chars[k]) { k += 1 }
                        j = k
                    }
                }
                let literal = String(chars[i..<j])
                if let v = Double(literal) {
                    if !text.isEmpty { out.append(.text(text)); text = "" }
                    out.append(.number(v, literal))
                    i = j
                    continue
                }
            }
            text.append(c)
            i += 1
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }
}
