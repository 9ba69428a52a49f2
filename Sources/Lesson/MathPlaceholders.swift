/// Hides a lesson's math from cmark, so that `_` and `*` inside a formula are never emphasis.
///
/// Each `$...$` or `$$...$$` that `MathSpans` finds is replaced, before cmark parses the lesson,
/// by a placeholder of private-use characters holding the formula's number. A formula over
/// several lines leaves its line breaks behind, each followed by a continuation mark, so every
/// line of the lesson keeps its number (and no blank line appears where there was none).
/// cmark passes these characters through as text; `ProseBuilder` turns them back into math.
enum MathPlaceholders {
    static let open: Character = "\u{F0000}"
    static let close: Character = "\u{F0001}"
    /// Starts each line that a formula spilled onto.
    static let continuation: Character = "\u{F0002}"
    /// Stands for `\~`: cmark joins an escaped character to the text around it, after which
    /// `\~~` could no longer be told from `~~` opening strikethrough.
    static let escapedTilde: Character = "\u{F0004}"

    /// The lesson with its formulas replaced, and the formulas by number.
    static func substitute(_ source: String) -> (text: String, formulas: [MathFormula]) {
        let spans = MathSpans.find(in: source)
        var formulas: [MathFormula] = []
        var text = ""
        var cursor = source.startIndex
        // Line and column of `cursor`, advanced span by span.
        var line = 1, column = 1
        func advance(to end: String.Index) {
            for c in source[cursor..<end] {
                if c.isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            cursor = end
        }
        for span in spans {
            text += hidingEscapedTildes(source[cursor..<span.range.lowerBound])
            advance(to: span.texStart)
            let written = String(source[span.range])
            formulas.append(MathFormula(tex: span.tex, display: span.display, line: line, column: column, source: written))
            let breaks = written.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
            text.append(open)
            text += String(formulas.count - 1)
            text.append(close)
            text += String(repeating: "\n" + String(continuation), count: breaks)
            advance(to: span.range.upperBound)
        }
        text += hidingEscapedTildes(source[cursor...])
        return (text, formulas)
    }

    /// `text` with each `\~` (that is not an escaped backslash before a tilde) as `escapedTilde`.
    static func hidingEscapedTildes(_ text: Substring) -> String {
        guard text.contains("\\~") else { return String(text) }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if text[i] == "\\", next < text.endIndex, text[next] == "~" || text[next] == "\\" {
                if text[next] == "~" { out.append(escapedTilde) } else { out += "\\\\" }
                i = text.index(after: next)
            } else {
                out.append(text[i])
                i = next
            }
        }
        return out
    }

    /// A piece of text that may hold placeholders.
    enum Piece: Equatable {
        case text(String)
        case formula(Int)
    }

    /// Splits `text` at its placeholders. A malformed one stays text.
    static func pieces(_ text: String) -> [Piece] {
        guard text.contains(open) else { return [.text(text)] }
        var out: [Piece] = []
        var pending = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == open, let (number, next) = placeholder(in: text, at: i) {
                if !pending.isEmpty { out.append(.text(pending)) }
                pending = ""
                out.append(.formula(number))
                i = next
            } else {
                pending.append(text[i])
                i = text.index(after: i)
            }
        }
        if !pending.isEmpty { out.append(.text(pending)) }
        return out
    }

    /// The number of the placeholder opening at `i` and the index after it.
    private static func placeholder(in text: String, at i: String.Index) -> (Int, String.Index)? {
        var j = text.index(after: i)
        var digits = ""
        while j < text.endIndex, text[j].isASCII, text[j].isWholeNumber, digits.count < 9 {
            digits.append(text[j])
            j = text.index(after: j)
        }
        guard j < text.endIndex, text[j] == close, let number = Int(digits) else { return nil }
        return (number, text.index(after: j))
    }

    /// `text` with each placeholder (and the continuation marks it left) put back as the
    /// formula was written: for code, URLs and anything else that is not prose. An escaped
    /// tilde becomes `tilde`: `\~` as written in code, `~` where cmark reads escapes.
    static func restore(_ text: String, _ formulas: [MathFormula], tilde: String = "\\~") -> String {
        guard text.contains(open) || text.contains(continuation) || text.contains(escapedTilde) else { return text }
        var out = ""
        for piece in pieces(text) {
            switch piece {
            case .formula(let n) where n < formulas.count:
                out += formulas[n].source
            case .formula(let n):
                out += "\(open)\(n)\(close)"
            case .text(let s):
                // The line breaks are in the formula's source already.
                out += s.replacingAll("\n\(continuation)", with: "").filter { $0 != continuation }
                    .replacingAll(String(escapedTilde), with: tilde)
            }
        }
        return out
    }
}
