import Lesson

/// Renders a lesson's prose to HTML, a visitor over `Prose`: CommonMark's elements as cmark
/// writes them (raw HTML omitted, unsafe link schemes emptied), headings with GitHub's ids and a
/// link to themselves, tables, `<del>`, and math as MathML. One renderer per page, so that heading
/// ids are unique on it; the errors of formulas that do not convert collect in `problems`, and the
/// headings, for the table of contents, in `headings`. `@fig-label` in the text becomes a link to
/// the figure.
struct ProseHTML {
    let file: String
    private var slugs: PageSlugs
    private let figures: FigureNumbers
    private(set) var problems: [LessonDiagnostic] = []
    private(set) var headings: [Navigation.Heading] = []
    /// Links written as their text alone (for headings in the table of contents, itself links).
    private var flatLinks = false
    /// Inside a link's text, where a web address is not linked again.
    private var linkDepth = 0

    /// The prose of `lesson`'s page: its heading ids are those `PageSlugs(lesson)` gives.
    init(lesson: Lesson, figures: FigureNumbers) {
        file = lesson.file
        slugs = PageSlugs(lesson)
        self.figures = figures
    }

    mutating func blocks(_ blocks: [Prose.Block], tight: Bool = false) -> String {
        var out = ""
        for b in blocks { out += block(b, tight: tight) }
        return out
    }

    mutating func block(_ block: Prose.Block, tight: Bool = false) -> String {
        switch block {
        case .paragraph(let content):
            return tight ? inlines(content) + "\n" : "<p>" + inlines(content) + "</p>\n"
        case .heading(let level, let content):
            let slug = slugs.id(for: Prose.Inline.plainText(content))
            let id = HTML.escape(slug)
            let html = inlines(content)
            headings.append(Navigation.Heading(level: level, id: slug, html: flattened(content)))
            return "<h\(level) id=\"\(id)\">\(html) <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
        case .blockQuote(let content):
            if let (kind, title, rest) = Self.admonition(content) {
                return "<div class=\"admonition \(kind.lowercased())\" role=\"note\">\n<p class=\"admonition-title\">\(HTML.escape(title))</p>\n"
                    + blocks(rest) + "</div>\n"
            }
            return "<blockquote>\n" + blocks(content) + "</blockquote>\n"
        case .list(let ordered, let start, let tight, let items):
            let tag = ordered ? "ol" : "ul"
            var out = ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
            for item in items {
                var inner = blocks(item, tight: tight)
                // A tight item's text sits right after <li>, as cmark writes it.
                if tight, inner.hasSuffix("\n"), case .paragraph? = item.last { inner.removeLast() }
                let startsWithText = if tight, case .paragraph? = item.first { true } else { item.isEmpty }
                out += (startsWithText ? "<li>" : "<li>\n") + inner + "</li>\n"
            }
            return out + "</\(tag)>\n"
        case .codeBlock(let info, let code):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            return PageRenderer.codeHTML(code, language: language, classes: "code")
        case .html:
            return "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            return "<hr />\n"
        case .table(let table):
            return self.table(table)
        case .math(let formula):
            return math(formula, block: true)
        }
    }

    mutating func table(_ table: Prose.Table) -> String {
        func cell(_ tag: String, _ column: Int, _ content: [Prose.Inline], into out: inout String) {
            let style = switch column < table.alignments.count ? table.alignments[column] : .none {
            case .none: ""
            case .left: " style=\"text-align:left\""
            case .center: " style=\"text-align:center\""
            case .right: " style=\"text-align:right\""
            }
            out += "<\(tag)\(style)>" + inlines(content) + "</\(tag)>\n"
        }
        var out = "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n"
        for (i, content) in table.header.enumerated() { cell("th", i, content, into: &out) }
        out += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>\n"
                for (i, content) in row.enumerated() { cell("td", i, content, into: &out) }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table></div>\n"
    }

    /// A heading's content for the table of contents: links as their text, and the formulas'
    /// problems not counted twice.
    mutating func flattened(_ content: [Prose.Inline]) -> String {
        let (savedProblems, savedFlat) = (problems, flatLinks)
        flatLinks = true
        let html = inlines(content)
        (problems, flatLinks) = (savedProblems, savedFlat)
        return html
    }

    /// Adjacent text nodes as one, so that a reference split by cmark (at `_`) reads whole.
    static func mergingText(_ inlines: [Prose.Inline]) -> [Prose.Inline] {
        var out: [Prose.Inline] = []
        for inline in inlines {
            if case .text(let b) = inline, case .text(let a)? = out.last {
                out[out.count - 1] = .text(a + b)
            } else {
                out.append(inline)
            }
        }
        return out
    }

    mutating func inlines(_ inlines: [Prose.Inline]) -> String {
        var out = ""
        for piece in Self.gluingMath(Self.mergingText(inlines)) {
            switch piece {
            case .inline(let inline):
                out += self.inline(inline)
            case .glued(let group):
                out += "<span class=\"nowrap\">" + group.map { self.inline($0) }.joined() + "</span>"
            }
        }
        return out
    }

    /// An inline, or inline math with the text touching it on either side (no space between).
    enum Piece {
        case inline(Prose.Inline)
        case glued([Prose.Inline])
    }

    /// Chromium may break a line right before or after a `<math>` (an atomic inline), leaving a
    /// period or a parenthesis alone at the start of a line: inline math and the text touching
    /// it (no space between) are kept together.
    static func gluingMath(_ inlines: [Prose.Inline]) -> [Piece] {
        func isInlineMath(_ i: Prose.Inline?) -> Bool {
            if case .math(let f)? = i { !f.display } else { false }
        }
        var pieces: [Piece] = []
        for inline in inlines {
            // The math the previous piece ends with, as a group to extend.
            var group: [Prose.Inline]? = nil
            switch pieces.last {
            case .glued(let g)? where isInlineMath(g.last): group = g
            case .inline(let i)? where isInlineMath(i): group = [i]
            case .glued?, .inline?, nil: break
            }
            if isInlineMath(inline) {
                // A group's text is the whole text node that touched its math: nothing but
                // that text stands between the group and this math.
                if case .glued(let g)? = pieces.last {
                    pieces[pieces.count - 1] = .glued(g + [inline])
                    continue
                }
                if let g = group {
                    pieces[pieces.count - 1] = .glued(g + [inline])
                    continue
                }
                if case .inline(.text(let s))? = pieces.last {
                    let touching = String(s.reversed().prefix { !$0.isWhitespace }.reversed())
                    if !touching.isEmpty {
                        pieces[pieces.count - 1] = .inline(.text(String(s.dropLast(touching.count))))
                        pieces.append(.glued([.text(touching), inline]))
                        continue
                    }
                }
            } else if case .text(let s) = inline, let g = group {
                let touching = String(s.prefix { !$0.isWhitespace })
                if !touching.isEmpty {
                    pieces[pieces.count - 1] = .glued(g + [.text(touching)])
                    if touching.count < s.count { pieces.append(.inline(.text(String(s.dropFirst(touching.count))))) }
                    continue
                }
            }
            pieces.append(.inline(inline))
        }
        return pieces
    }

    mutating func inline(_ inline: Prose.Inline) -> String {
        switch inline {
        case .text(let s):
            guard !flatLinks, linkDepth == 0 else { return figures.linkingReferences(s) }
            var out = ""
            var last = s.startIndex
            for r in Self.webAddresses(in: s) {
                out += figures.linkingReferences(String(s[last..<r.lowerBound]))
                let address = String(s[r])
                let href = address.hasPrefix("www.") ? "http://" + address : address
                out += "<a href=\"\(HTML.href(href))\">\(HTML.escape(address))</a>"
                last = r.upperBound
            }
            return out + figures.linkingReferences(String(s[last...]))
        case .softBreak:
            return "\n"
        case .lineBreak:
            return "<br />\n"
        case .code(let s):
            return "<code>" + HTML.escape(s) + "</code>"
        case .html:
            return "<!-- raw HTML omitted -->"
        case .emphasis(let c):
            return "<em>" + inlines(c) + "</em>"
        case .strong(let c):
            return "<strong>" + inlines(c) + "</strong>"
        case .strikethrough(let c):
            return "<del>" + inlines(c) + "</del>"
        case .link(let destination, let title, let c):
            if flatLinks { return inlines(c) }
            let titled = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            linkDepth += 1
            defer { linkDepth -= 1 }
            return "<a href=\"\(HTML.href(destination))\"\(titled)>" + inlines(c) + "</a>"
        case .image(let source, let title, let alt):
            let titled = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
            return "<img src=\"\(HTML.href(source))\" alt=\"\(HTML.escape(Prose.Inline.plainText(alt)))\"\(titled) />"
        case .math(let formula):
            return math(formula, block: false)
        case .footnoteReference(let number, let occurrence):
            if flatLinks { return "<sup>\(number)</sup>" }
            return "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(Self.footnoteReferenceID(number, occurrence))\" role=\"doc-noteref\" aria-label=\"Footnote \(number)\">\(number)</a></sup>"
        }
    }

    mutating func math(_ formula: MathFormula, block: Bool) -> String {
        let (html, problem) = MathHTML.html(formula, file: file, block: block)
        if let problem { problems.append(problem) }
        return html
    }
}
