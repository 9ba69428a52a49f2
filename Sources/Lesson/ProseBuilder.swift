/// Turns cmark's tree (of the lesson with its math hidden, see `MathPlaceholders`) into `Prose`:
/// placeholders become math, a paragraph that is a pipe table becomes a table, `~~` pairs become
/// strikethrough, and display math standing in a paragraph becomes a block of its own.
struct ProseBuilder {
    /// The lines cmark parsed (math hidden), for reading tables from a paragraph's source.
    let lines: [Substring]
    /// The formulas by placeholder number.
    let formulas: [MathFormula]
    /// The footnotes' labels by number, for writing references back where they are not prose.
    let footnoteLabels: [Int: String]
    /// The formulas that became math in the tree, in the order met.
    private(set) var math: [MathFormula] = []

    init(parsedText: String, formulas: [MathFormula], footnoteLabels: [Int: String] = [:]) {
        lines = parsedText.split(separator: "\n", omittingEmptySubsequences: false)
        self.formulas = formulas
        self.footnoteLabels = footnoteLabels
    }

    /// Text that is not prose (code, URLs) with its math and footnote references put back as written.
    func restored(_ text: String) -> String {
        FootnotePlaceholders.restore(MathPlaceholders.restore(text, formulas), labels: footnoteLabels)
    }

    /// A link's destination or title: its math as written, its escaped tildes unescaped (as
    /// cmark unescapes all others there).
    func restoredUnescaped(_ text: String) -> String {
        FootnotePlaceholders.restore(MathPlaceholders.restore(text, formulas, tilde: "~"), labels: footnoteLabels)
    }

    /// The prose of the footnotes that `FootnotePlaceholders` took out of the lesson; their
    /// formulas join `math`.
    mutating func footnotes(_ definitions: [FootnotePlaceholders.Definition]) -> [Footnote] {
        definitions.map { d in
            var inner = ProseBuilder(parsedText: d.markdown, formulas: formulas, footnoteLabels: footnoteLabels)
            let blocks = inner.blocks(CMarkParser.document(d.markdown))
            math += inner.math
            return Footnote(number: d.number, label: d.label, referenceCount: d.referenceCount, blocks: blocks)
        }
    }

    // MARK: Blocks

    mutating func blocks(_ node: CMarkNode) -> [Prose.Block] {
        switch node.kind {
        case .document, .item, .custom:
            return node.children.flatMap { blocks($0) }
        case .blockQuote:
            return [.blockQuote(node.children.flatMap { blocks($0) })]
        case .list(let ordered, let start, let tight):
            let items = node.children.map { item in
                item.kind == .item ? item.children.flatMap { blocks($0) } : blocks(item)
            }
            return [.list(ordered: ordered, start: start, tight: tight, items: items)]
        case .codeBlock(let info, let literal):
            let code = restored(literal)
            if info.split(separator: " ", maxSplits: 1).first == "math" {
                let formula = MathFormula(tex: code, display: true, line: node.startLine + 1,
                                          column: characterColumn(line: node.startLine, byteColumn: node.startColumn),
                                          source: code)
                math.append(formula)
                return [.math(formula)]
            }
            return [.codeBlock(info: restored(info), code: code)]
        case .htmlBlock:
            return [.html]
        case .thematicBreak:
            return [.thematicBreak]
        case .heading(let level):
            return [.heading(level: level, inlines(node.children))]
        case .paragraph:
            if let table = table(node) { return table }
            return paragraphs(inlines(node.children))
        case .text, .softBreak, .lineBreak, .htmlInline, .emphasis, .strong, .code, .link, .image:
            return paragraphs(inlines([node]))
        }
    }

    /// A paragraph's inlines as paragraphs, with display math at the top level lifted out
    /// between them (a `<p>` cannot hold a block). Nothing is left of a paragraph that only
    /// held line breaks.
    func paragraphs(_ inlines: [Prose.Inline]) -> [Prose.Block] {
        var result: [Prose.Block] = []
        var run: [Prose.Inline] = []
        func flush() {
            let trimmed = Self.trimmed(run)
            if !trimmed.isEmpty { result.append(.paragraph(trimmed)) }
            run = []
        }
        for inline in inlines {
            if case .math(let f) = inline, f.display {
                flush()
                result.append(.math(f))
            } else {
                run.append(inline)
            }
        }
        flush()
        return result
    }

    /// Without breaks and white space at either end.
    static func trimmed(_ inlines: [Prose.Inline]) -> [Prose.Inline] {
        var out = inlines
        func isBlank(_ i: Prose.Inline) -> Bool {
            switch i {
            case .softBreak, .lineBreak: true
            case .text(let s): s.allSatisfy(\.isWhitespace)
            case .code, .html, .emphasis, .strong, .strikethrough, .link, .image, .math, .footnoteReference: false
            }
        }
        while let first = out.first, isBlank(first) { out.removeFirst() }
        while let last = out.last, isBlank(last) { out.removeLast() }
        if case .text(let s)? = out.first { out[0] = .text(String(s.drop(while: \.isWhitespace))) }
        if case .text(let s)? = out.last { out[out.count - 1] = .text(String(s.reversed().drop(while: \.isWhitespace).reversed())) }
        return out
    }

    // MARK: Tables

    /// The blocks of a paragraph whose lines hold a pipe table, or nil.
    mutating func table(_ node: CMarkNode) -> [Prose.Block]? {
        guard node.startLine >= 1, node.endLine >= node.startLine, node.endLine <= lines.count else { return nil }
        // Container markers (`>`, list indentation) before each line's text are not the table's.
        let text = (node.startLine...node.endLine).map { n -> String in
            let line = lines[n - 1]
            let skip = node.startColumn - 1
            if n == node.startLine { return Self.droppingBytes(skip, of: line) }
            var dropped = 0
            var rest = line[...]
            while dropped < skip, let c = rest.first, c == " " || c == "\t" || c == ">" {
                rest = rest.dropFirst()
                dropped += 1
            }
            return String(rest)
        }
        guard text.contains(where: { $0.contains("|") }), let layout = PipeTable.layout(text) else { return nil }
        var result: [Prose.Block] = []
        if layout.leadingLines > 0 {
            result += paragraphs(fragment(text[0..<layout.leadingLines].joined(separator: "\n")))
        }
        let header = layout.header.map { fragment($0) }
        let rows = layout.rows.map { $0.map { fragment($0) } }
        result.append(.table(Prose.Table(alignments: layout.alignments, header: header, rows: rows)))
        return result
    }

    /// Inline Markdown parsed on its own (a table cell, the lines before a table): behind a
    /// private mark and a space, so that nothing at its start can open a block.
    mutating func fragment(_ markdown: String) -> [Prose.Inline] {
        guard !markdown.allSatisfy(\.isWhitespace) else { return [] }
        let mark: Character = "\u{F0003}"
        let doc = CMarkParser.document("\(mark) " + markdown)
        guard let paragraph = doc.children.first, paragraph.kind == .paragraph else { return [.text(markdown)] }
        var children = paragraph.children
        if case .text(let s)? = children.first?.kind, s.first == mark {
            children[0].kind = .text(String(s.dropFirst(s.dropFirst().first == " " ? 2 : 1)))
        }
        return Self.trimmed(inlines(children))
    }

    // MARK: Inlines

    mutating func inlines(_ nodes: [CMarkNode]) -> [Prose.Inline] {
        var out: [Prose.Inline] = []
        for node in nodes {
            switch node.kind {
            case .text(let s):
                for piece in MathPlaceholders.pieces(s) {
                    switch piece {
                    case .text(let t):
                        for part in FootnotePlaceholders.pieces(t) {
                            switch part {
                            case .text(let text): out.append(.text(text))
                            case .reference(let number, let occurrence):
                                out.append(.footnoteReference(number: number, occurrence: occurrence))
                            }
                        }
                    case .formula(let n) where n < formulas.count:
                        math.append(formulas[n])
                        out.append(.math(formulas[n]))
                    case .formula(let n):
                        out.append(.text("\(MathPlaceholders.open)\(n)\(MathPlaceholders.close)"))
                    }
                }
            case .softBreak: out.append(.softBreak)
            case .lineBreak: out.append(.lineBreak)
            case .code(let s): out.append(.code(restored(s)))
            case .htmlInline, .htmlBlock: out.append(.html)
            case .emphasis: out.append(.emphasis(inlines(node.children)))
            case .strong: out.append(.strong(inlines(node.children)))
            case .link(let url, let title):
                out.append(.link(destination: restoredUnescaped(url), title: restoredUnescaped(title), inlines(node.children)))
            case .image(let url, let title):
                out.append(.image(source: restoredUnescaped(url), title: restoredUnescaped(title), alt: inlines(node.children)))
            case .document, .blockQuote, .item, .paragraph, .thematicBreak, .list, .codeBlock, .heading, .custom:
                out += inlines(node.children)
            }
        }
        // An escaped tilde is still its private mark here, so `\~~` opens nothing.
        let struck = Strikethrough.apply(Self.withoutContinuations(out)).map { inline -> Prose.Inline in
            guard case .text(let s) = inline, s.contains(MathPlaceholders.escapedTilde) else { return inline }
            return .text(s.replacingAll(String(MathPlaceholders.escapedTilde), with: "~"))
        }
        return Strikethrough.merged(struck)
    }

    /// Drops the lines a multi-line formula left behind: the break before each continuation
    /// mark and the mark itself.
    static func withoutContinuations(_ inlines: [Prose.Inline]) -> [Prose.Inline] {
        let mark = MathPlaceholders.continuation
        var out: [Prose.Inline] = []
        for inline in inlines {
            guard case .text(let s) = inline, s.contains(mark) else {
                out.append(inline)
                continue
            }
            if s.first == mark, let last = out.last, last == .softBreak || last == .lineBreak { out.removeLast() }
            let rest = s.filter { $0 != mark }
            if !rest.isEmpty { out.append(.text(rest)) }
        }
        return out
    }

    /// `line` without the Characters that fill its first `count` UTF-8 bytes.
    static func droppingBytes(_ count: Int, of line: Substring) -> String {
        var bytes = 0
        var i = line.startIndex
        while i < line.endIndex, bytes < count {
            bytes += line[i].utf8.count
            i = line.index(after: i)
        }
        return String(line[i...])
    }

    /// The column in Characters of a cmark column (which counts UTF-8 bytes) on line `line`.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return byteColumn }
        let text = lines[line - 1].utf8
        let prefix = text.prefix(max(0, byteColumn - 1))
        return Substring(prefix).count + 1
    }
}
