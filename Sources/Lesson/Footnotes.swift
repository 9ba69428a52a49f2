/// A footnote as GitHub writes it: `[^label]` in prose points to a definition `[^label]: text`
/// standing at the start of a line anywhere in the lesson. Footnotes are numbered by their first
/// reference; a definition nothing refers to is left out, and a reference to no definition stays
/// text, as on GitHub.
public struct Footnote: Sendable, Equatable {
    /// 1, 2, ... in the order of the first references.
    public var number: Int
    public var label: String
    /// How many times the prose refers to it (each reference gets an anchor to come back to).
    public var referenceCount: Int
    public var blocks: [Prose.Block]

    public init(number: Int, label: String, referenceCount: Int, blocks: [Prose.Block]) {
        self.number = number
        self.label = label
        self.referenceCount = referenceCount
        self.blocks = blocks
    }
}

/// Takes footnotes out of a lesson before cmark reads it, since cmark (without GitHub's
/// extensions) would read `[^1]: text` as a link definition and drop it. Definitions become blank
/// lines, so every other line keeps its number; each reference becomes a placeholder of
/// private-use characters that `ProseBuilder` turns into `Prose.Inline.footnoteReference`.
enum FootnotePlaceholders {
    static let open: Character = "\u{F0005}"
    static let close: Character = "\u{F0006}"

    struct Definition: Equatable {
        var number: Int
        var label: String
        var referenceCount: Int
        /// The definition's Markdown, its continuation lines unindented.
        var markdown: String
    }

    /// `text` without its definitions and with its references as placeholders; the referenced
    /// definitions by number.
    static func substitute(_ text: String) -> (text: String, definitions: [Definition]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let code = MarkdownCodeBlocks.lines(text, lineCount: lines.count)
        // 1. Where the definitions are: label, first line, last line.
        var found: [(label: String, key: String, first: Int, last: Int)] = []
        var n = 0
        while n < lines.count {
            guard !code[n], let (label, _) = definitionStart(lines[n]) else { n += 1; continue }
            var last = n
            var k = n + 1
            while k < lines.count, !code[k] || lines[k].hasPrefix("    ") {
                let line = lines[k]
                if line.allSatisfy(\.isWhitespace) {
                    // A blank line continues the definition only when an indented line follows.
                    var next = k + 1
                    while next < lines.count, lines[next].allSatisfy(\.isWhitespace) { next += 1 }
                    guard next < lines.count, lines[next].hasPrefix("    ") else { break }
                    last = next
                    k = next + 1
                } else if line.hasPrefix("    ") || (k == last + 1 && continuesParagraph(line)) {
                    last = k
                    k += 1
                } else {
                    break
                }
            }
            if !found.contains(where: { $0.key == label.lowercased() }) {
                found.append((label, label.lowercased(), n, last))
            }
            n = last + 1
        }
        guard !found.isEmpty else { return (text, []) }
        var isDefinitionLine = [Bool](repeating: false, count: lines.count)
        for d in found { for k in d.first...d.last { isDefinitionLine[k] = true } }

        // 2. References, numbered in the order met (definitions' own text included).
        var numbers: [String: Int] = [:]
        var counts: [Int] = []
        for k in lines.indices where !code[k] || isDefinitionLine[k] {
            // A definition's own `[^label]:` is no reference.
            let skip = found.first(where: { $0.first == k }).flatMap { _ in definitionStart(lines[k])?.1 }
            lines[k] = replacingReferences(in: lines[k], from: skip) { label in
                let key = label.lowercased()
                guard found.contains(where: { $0.key == key }) else { return nil }
                if numbers[key] == nil {
                    counts.append(0)
                    numbers[key] = counts.count
                }
                let number = numbers[key] ?? counts.count
                counts[number - 1] += 1
                return "\(open)\(number):\(counts[number - 1])\(close)"
            }
        }

        // 3. The definitions' Markdown, then blank lines where they stood.
        var definitions: [Definition] = []
        for d in found {
            guard let number = numbers[d.key] else { continue }
            var body: [Substring] = []
            for k in d.first...d.last {
                let line = lines[k][...]
                if k == d.first, let colon = line.range(of: "]:") {
                    body.append(line[colon.upperBound...].drop(while: { $0 == " " || $0 == "\t" }))
                } else {
                    body.append(line.hasPrefix("    ") ? line.dropFirst(4) : line)
                }
            }
            definitions.append(Definition(number: number, label: d.label, referenceCount: counts[number - 1],
                                          markdown: body.joined(separator: "\n")))
        }
        for k in lines.indices where isDefinitionLine[k] { lines[k] = "" }
        return (lines.joined(separator: "\n"), definitions.sorted { $0.number < $1.number })
    }

    /// The label of a definition starting `line` (at most three spaces in), and the index after `]:`.
    static func definitionStart(_ line: String) -> (String, String.Index)? {
        let rest = line.drop(while: { $0 == " " })
        guard line.count - rest.count <= 3, rest.hasPrefix("[^"), let end = rest.firstIndex(of: "]") else { return nil }
        let label = rest[rest.index(rest.startIndex, offsetBy: 2)..<end]
        let after = rest.index(after: end)
        guard !label.isEmpty, label.count <= 100, !label.contains(where: { $0.isWhitespace || $0 == "[" }),
              after < rest.endIndex, rest[after] == ":" else { return nil }
        return (String(label), rest.index(after: after))
    }

    /// Whether a line right after a definition's text goes on with it (lazily, as a paragraph's
    /// line would) rather than start a block of its own.
    static func continuesParagraph(_ line: String) -> Bool {
        let rest = line.drop(while: { $0 == " " })
        if definitionStart(line) != nil { return false }
        for start in ["#", "```", "~~~", ">", "- ", "* ", "+ ", "|", "---", "***", "___"] where rest.hasPrefix(start) {
            return false
        }
        if let dot = rest.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot > rest.startIndex,
           rest[dot] == "." || rest[dot] == ")" { return false }
        return true
    }

    /// `line` with each `[^label]` outside code spans (and not escaped) replaced by what
    /// `replacement` gives for its label; a nil answer leaves the reference as written.
    static func replacingReferences(in line: String, from start: String.Index?,
                                    _ replacement: (String) -> String?) -> String {
        guard line.contains("[^") else { return line }
        var out = String(line[..<(start ?? line.startIndex)])
        var i = start ?? line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "\\" {
                let next = line.index(after: i)
                out.append(c)
                if next < line.endIndex { out.append(line[next]); i = line.index(after: next) } else { i = next }
                continue
            }
            if c == "`" {
                let end = afterCodeSpan(line, at: i)
                out += line[i..<end]
                i = end
                continue
            }
            if line[i...].hasPrefix("[^"), let close = line[i...].firstIndex(of: "]") {
                let label = String(line[line.index(i, offsetBy: 2)..<close])
                if !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "[" }), let text = replacement(label) {
                    out += text
                    i = line.index(after: close)
                    continue
                }
            }
            out.append(c)
            i = line.index(after: i)
        }
        return out
    }

    /// After the code span opening at `i` (its closing run of as many backticks on the same
    /// line), or after the opening backticks alone when nothing closes them.
    static func afterCodeSpan(_ line: String, at i: String.Index) -> String.Index {
        var j = i
        while j < line.endIndex, line[j] == "`" { j = line.index(after: j) }
        let run = line.distance(from: i, to: j)
        var k = j
        while k < line.endIndex {
            guard line[k] == "`" else { k = line.index(after: k); continue }
            var e = k
            while e < line.endIndex, line[e] == "`" { e = line.index(after: e) }
            if line.distance(from: k, to: e) == run { return e }
            k = e
        }
        return j
    }

    enum Piece: Equatable {
        case text(String)
        case reference(number: Int, occurrence: Int)
    }

    /// Splits text at its reference placeholders.
    static func pieces(_ text: String) -> [Piece] {
        guard text.contains(open) else { return [.text(text)] }
        var out: [Piece] = []
        var rest = text[...]
        while let o = rest.firstIndex(of: open) {
            guard let c = rest[o...].firstIndex(of: close) else { break }
            let parts = rest[rest.index(after: o)..<c].split(separator: ":")
            guard parts.count == 2, let number = Int(parts[0]), let occurrence = Int(parts[1]) else { break }
            if o > rest.startIndex { out.append(.text(String(rest[..<o]))) }
            out.append(.reference(number: number, occurrence: occurrence))
            rest = rest[rest.index(after: c)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// `text` with its reference placeholders written back as `[^label]` (for code and URLs).
    static func restore(_ text: String, labels: [Int: String]) -> String {
        guard text.contains(open) else { return text }
        return pieces(text).map { piece in
            switch piece {
            case .text(let s): s
            case .reference(let number, _): "[^\(labels[number] ?? String(number))]"
            }
        }.joined()
    }
}
