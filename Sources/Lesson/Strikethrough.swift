/// GitHub's `~~text~~` on a list of sibling inlines that cmark has already parsed (cmark reads
/// tildes as text). A run of exactly two tildes opens when a non-space follows it and closes
/// when a non-space precedes it; it pairs with the nearest open run among the same siblings, so
/// emphasis, links and code spans nest inside it as they were parsed. Unpaired runs stay text.
enum Strikethrough {
    private enum Item {
        case inline(Prose.Inline)
        case delimiter(canOpen: Bool, canClose: Bool)
    }

    static func apply(_ inlines: [Prose.Inline]) -> [Prose.Inline] {
        guard inlines.contains(where: { if case .text(let s) = $0 { s.contains("~~") } else { false } }) else { return inlines }
        var items: [Item] = []
        for (k, inline) in inlines.enumerated() {
            guard case .text(let s) = inline, s.contains("~~") else {
                items.append(.inline(inline))
                continue
            }
            let before = k > 0 ? boundary(inlines[k - 1], last: true) : nil
            let after = k + 1 < inlines.count ? boundary(inlines[k + 1], last: false) : nil
            items += split(s, before: before, after: after)
        }

        var out: [Item] = []
        var openers: [Int] = []  // indices into `out` of open delimiters
        for item in items {
            guard case .delimiter(let canOpen, let canClose) = item else {
                out.append(item)
                continue
            }
            if canClose, let start = openers.popLast() {
                let inner = out[(start + 1)...].compactMap { if case .inline(let i) = $0 { i } else { nil } }
                out.removeSubrange(start...)
                out.append(.inline(.strikethrough(merged(inner))))
            } else if canOpen {
                openers.append(out.count)
                out.append(item)
            } else {
                out.append(.inline(.text("~~")))
            }
        }
        return out.map { item -> Prose.Inline in
            switch item {
            case .inline(let i): i
            case .delimiter: .text("~~")
            }
        }
    }

    /// The character next to a run of tildes that lies in a neighbouring inline: a break counts
    /// as white space, any other inline as a letter.
    private static func boundary(_ inline: Prose.Inline, last: Bool) -> Character {
        switch inline {
        case .text(let s): (last ? s.last : s.first) ?? " "
        case .softBreak, .lineBreak: " "
        case .code, .html, .emphasis, .strong, .strikethrough, .link, .image, .math, .footnoteReference: "x"
        }
    }

    /// `s` as text pieces and delimiters (runs of exactly two tildes).
    private static func split(_ s: String, before: Character?, after: Character?) -> [Item] {
        let chars = Array(s)
        var items: [Item] = []
        var pending = ""
        var i = 0
        while i < chars.count {
            guard chars[i] == "~" else {
                pending.append(chars[i])
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j] == "~" { j += 1 }
            if j - i == 2 {
                let previous = i > 0 ? chars[i - 1] : before
                let next = j < chars.count ? chars[j] : after
                if !pending.isEmpty { items.append(.inline(.text(pending))) }
                pending = ""
                items.append(.delimiter(canOpen: next.map { !$0.isWhitespace } ?? false,
                                        canClose: previous.map { !$0.isWhitespace } ?? false))
            } else {
                pending += String(chars[i..<j])
            }
            i = j
        }
        if !pending.isEmpty { items.append(.inline(.text(pending))) }
        return items
    }

    /// Adjacent text joined.
    static func merged(_ inlines: [Prose.Inline]) -> [Prose.Inline] {
        var out: [Prose.Inline] = []
        for inline in inlines {
            if case .text(let b) = inline, case .text(let a)? = out.last {
                out[out.count - 1] = .text(a + b)
            } else if case .text(let b) = inline, b.isEmpty {
                continue
            } else {
                out.append(inline)
            }
        }
        return out
    }
}
