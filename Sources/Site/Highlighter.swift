import Script

/// Syntax highlighting for experiment code: keywords, strings, numbers, comments and called
/// names wrapped in spans, everything else escaped as is. The pieces come from the
/// interpreter's own lexer (`SourceToken.scan`), so what is highlighted is what runs; broken
/// code still highlights, its unreadable parts left plain.
public enum Highlighter {
    public static func python(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        var at = 0
        func plain(_ r: Range<Int>) { if !r.isEmpty { out += HTML.escape(String(chars[r])) } }
        func span(_ cls: String, _ r: Range<Int>) { out += "<span class=\"\(cls)\">\(HTML.escape(String(chars[r])))</span>" }
        for token in SourceToken.scan(code) {
            let r = token.range.clamped(to: at..<chars.count)
            plain(at..<r.lowerBound)
            switch token.kind {
            case .keyword: span("kw", r)
            case .name:
                // A name called right away (`print(`, `np.zeros(`) is shown as a function.
                if r.upperBound < chars.count, chars[r.upperBound] == "(" { span("fn", r) } else { plain(r) }
            case .number: span("num", r)
            case .string:
                // The prefix of f'...' or r"..." stays plain; the span starts at the quote.
                var quote = r.lowerBound
                while quote < r.upperBound, chars[quote].isLetter { quote += 1 }
                plain(r.lowerBound..<quote)
                span("str", quote..<r.upperBound)
            case .comment: span("com", r)
            case .operator, .invalid: plain(r)
            }
            at = r.upperBound
        }
        plain(at..<chars.count)
        return out
    }
}
