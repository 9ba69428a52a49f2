import Foundation

/// The text work behind `str.split`, `rsplit`, `splitlines`, `strip`, `replace` and `count`, by
/// Python's rules (indices count characters).
enum StringSplit {
    static func split(_ s: String, sep: String?, maxsplit: Int) throws -> [String] {
        if let sep, maxsplit < 0 {
            guard !sep.isEmpty else { throw ScriptError.value("empty separator") }
            return s.components(separatedBy: sep)
        }
        return try forward(Array(s), sep: sep.map(Array.init), maxsplit: maxsplit).map { String($0) }
    }

    /// `rsplit` is `split` run over the reversed text, its pieces turned back round.
    static func rsplit(_ s: String, sep: String?, maxsplit: Int) throws -> [String] {
        let pieces = try forward(Array(s.reversed()), sep: sep.map { Array($0.reversed()) }, maxsplit: maxsplit)
        return pieces.reversed().map { String($0.reversed()) }
    }

    /// Splits at `sep`, or at runs of whitespace when it is nil, at most `maxsplit` times (all when negative).
    private static func forward(_ chars: [Character], sep: [Character]?, maxsplit: Int) throws -> [ArraySlice<Character>] {
        var parts: [ArraySlice<Character>] = []
        if let sep {
            guard !sep.isEmpty else { throw ScriptError.value("empty separator") }
            var start = 0, i = 0
            while i + sep.count <= chars.count, maxsplit < 0 || parts.count < maxsplit {
                if chars[i..<(i + sep.count)].elementsEqual(sep) {
                    parts.append(chars[start..<i])
                    i += sep.count
                    start = i
                } else {
                    i += 1
                }
            }
            parts.append(chars[start...])
            return parts
        }
        var i = 0
        while true {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            if i == chars.count { break }
            if maxsplit >= 0, parts.count == maxsplit {
                parts.append(chars[i...])
                break
            }
            let start = i
            while i < chars.count, !chars[i].isWhitespace { i += 1 }
            parts.append(chars[start..<i])
        }
        return parts
    }

    static func lines(_ s: String, keepends: Bool) -> [String] {
        var lines: [String] = []
        var current = ""
        for c in s {
            if c.isNewline {
                lines.append(keepends ? current + String(c) : current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func strip(_ s: String, _ chars: String?, left: Bool, right: Bool) -> String {
        let drop: (Character) -> Bool = { c in chars.map { $0.contains(c) } ?? c.isWhitespace }
        var t = Substring(s)
        if left { t = t.drop(while: drop) }
        if right { while let l = t.last, drop(l) { t = t.dropLast() } }
        return String(t)
    }

    /// `s` with the first `count` occurrences of `old` replaced (all when `count` is negative).
    static func replace(_ s: String, _ old: String, _ new: String, count: Int) throws -> String {
        let all = count < 0 ? Int.max : count
        if new.utf8.count > old.utf8.count {
            // The result can be as long as every character replaced: count the matches first.
            let matches = min(all, old.isEmpty ? s.count + 1 : s.components(separatedBy: old).count - 1)
            try Limits.check(elements: s.utf8.count + matches * (new.utf8.count - old.utf8.count), times: 1, bytesEach: 1)
        }
        if old.isEmpty {
            var out = ""
            var n = 0
            for c in s {
                if n < all { out += new; n += 1 }
                out.append(c)
            }
            if n < all { out += new }
            return out
        }
        if count < 0 { return s.replacingOccurrences(of: old, with: new) }
        var rest = Substring(s), out = "", n = 0
        while n < all, let r = rest.range(of: old) {
            out += rest[..<r.lowerBound]
            out += new
            rest = rest[r.upperBound...]
            n += 1
        }
        return out + rest
    }

    /// Non-overlapping occurrences of `sub`; an empty one occurs between every two characters.
    static func occurrences(of sub: [Character], in chars: ArraySlice<Character>) -> Int {
        if sub.isEmpty { return chars.count + 1 }
        var n = 0, i = chars.startIndex
        while i + sub.count <= chars.endIndex {
            if chars[i..<(i + sub.count)].elementsEqual(sub) {
                n += 1
                i += sub.count
            } else {
                i += 1
            }
        }
        return n
    }
}
