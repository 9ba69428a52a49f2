import Foundation
import Lesson

/// What GitHub's Markdown adds over CommonMark in prose, rendered on our own prose tree:
/// admonitions (`> [!NOTE]`) and bare web addresses as links.
extension ProseHTML {
    static let admonitionKinds = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"]

    /// A quote whose first line is `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION): its kind, its
    /// title (the kind's name, or what a MyST fence named it, see `ColonFences`) and the quote's
    /// content without that marker.
    static func admonition(_ content: [Prose.Block]) -> (kind: String, title: String, rest: [Prose.Block])? {
        guard case .paragraph(let first)? = content.first else { return nil }
        var inlines = mergingText(first)
        guard case .text(let text)? = inlines.first, text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let kind = text[text.index(text.startIndex, offsetBy: 2)..<close].uppercased()
        guard admonitionKinds.contains(kind) else { return nil }
        var after = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        var title = String(kind.prefix(1) + kind.dropFirst().lowercased())
        if after.first == ColonFences.titleMark {
            title = String(after.dropFirst())
            after = ""
        }
        inlines.removeFirst()
        if after.isEmpty, case .softBreak? = inlines.first { inlines.removeFirst() }
        if !after.isEmpty { inlines.insert(.text(after), at: 0) }
        let rest = inlines.isEmpty ? Array(content.dropFirst()) : [.paragraph(inlines)] + content.dropFirst()
        return (kind, title, rest)
    }

    /// `http://`, `https://` and `www.` addresses in text, as GitHub links them: the address ends
    /// at a space or `<`; trailing punctuation and an unmatched `)` stay outside the link.
    static func webAddresses(in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            let rest = text[i...]
            let starts = rest.hasPrefix("https://") || rest.hasPrefix("http://") || rest.hasPrefix("www.")
            let boundary = i == text.startIndex || {
                let p = text[text.index(before: i)]
                return p.isWhitespace || "(*_~".contains(p)
            }()
            guard starts, boundary else { i = text.index(after: i); continue }
            var end = i
            while end < text.endIndex, !text[end].isWhitespace, text[end] != "<" { end = text.index(after: end) }
            // Trailing punctuation is the sentence's, not the address's.
            while end > i {
                let last = text[text.index(before: end)]
                let opens = text[i..<end].filter { $0 == "(" }.count, closes = text[i..<end].filter { $0 == ")" }.count
                if "?!.,:*_~'\"".contains(last) || (last == ")" && closes > opens) {
                    end = text.index(before: end)
                } else {
                    break
                }
            }
            let minimum = text[i...].hasPrefix("www.") ? 5 : 9
            if text.distance(from: i, to: end) >= minimum { found.append(i..<end) }
            i = end > i ? end : text.index(after: i)
        }
        return found
    }
}
