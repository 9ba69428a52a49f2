import Foundation

/// Heading ids the way GitHub makes them, so `[see](#the-data)` works as it does there: the
/// heading's text in lower case, spaces turned to `-`, punctuation and symbols dropped (`-` and
/// `_` stay); a repeated slug gets `-1`, `-2`, ... One slugger per page.
struct Slugger {
    private var used: Set<String> = []
    /// How many times each base slug was handed out after the first.
    private var repeats: [String: Int] = [:]

    /// A slugger that never hands out `taken` (ids the page already uses).
    init(taken: [String] = []) {
        used = Set(taken)
    }

    /// GitHub's slug of `text`, without the numbering of repeats.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
            if c == " " {
                out.append("-")
            } else if c.isLetter || c.isNumber || c == "-" || c == "_" {
                out.append(c)
            }
        }
        return out
    }

    /// A unique id for a heading reading `text`.
    mutating func id(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "section" }
        var candidate = base
        while used.contains(candidate) {
            let n = (repeats[base] ?? 0) + 1
            repeats[base] = n
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate)
        return candidate
    }
}
