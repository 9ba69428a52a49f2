import Lesson

/// Renders a lesson's prose to HTML, a visitor over `Prose`: CommonMark's elements as cmark
/// writes them (raw HTML omitted, unsafe link schemes emptied), headings with GitHub's ids and a
/// link to themselves, tables, `<del>`, and math as MathML. One renderer per page, so that heading
/// ids are unique on it; the errors of formulas that do not convert collect in `problems`.
struct ProseHTML {
    let file: String
    private var slugger: Slugger
    private(set) var problems: [LessonDiagnostic] = []

    /// `taken`: ids the page already uses (experiment blocks), which no heading may take.
    init(file: String, taken: [String] = []) {
        self.file = file
        slugger = Slugger(taken: taken)
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
            let id = HTML.escape(slugger.id(for: Prose.Inline.plainText(content)))
            return "<h\(level) id=\"\(id)\">\(inlines(content)) <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
        case .blockQuote(let content):
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

    mutating func inlines(_ inlines: [Prose.Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s):
                out += HTML.escape(s)
            case .softBreak:
                out += "\n"
            case .lineBreak:
                out += "<br />\n"
            case .code(let s):
                out += "<code>" + HTML.escape(s) + "</code>"
            case .html:
                out += "<!-- raw HTML omitted -->"
            case .emphasis(let c):
                out += "<em>" + self.inlines(c) + "</em>"
            case .strong(let c):
                out += "<strong>" + self.inlines(c) + "</strong>"
            case .strikethrough(let c):
                out += "<del>" + self.inlines(c) + "</del>"
            case .link(let destination, let title, let c):
                out += "<a href=\"\(HTML.href(destination))\"" + (title.isEmpty ? "" : " title=\"\(HTML.escape(title))\"") + ">"
                out += self.inlines(c) + "</a>"
            case .image(let source, let title, let alt):
                out += "<img src=\"\(HTML.href(source))\" alt=\"\(HTML.escape(Prose.Inline.plainText(alt)))\""
                out += (title.isEmpty ? "" : " title=\"\(HTML.escape(title))\"") + " />"
            case .math(let formula):
                out += math(formula, block: false)
            }
        }
        return out
    }

    mutating func math(_ formula: MathFormula, block: Bool) -> String {
        let (html, problem) = MathHTML.html(formula, file: file, block: block)
        if let problem { problems.append(problem) }
        return html
    }
}
