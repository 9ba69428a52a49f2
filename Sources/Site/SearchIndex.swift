import Lesson

/// The course's search index: every lesson's prose split into sections at its headings, as plain
/// text, with the anchor each heading gets on the page. It is written as a script that assigns
/// one global (`window.LECTERN_SEARCH`) rather than as JSON, because a page opened from `file://`
/// may not fetch() a file beside it but may load a script; `searchScript` then searches it in the
/// browser, with no server.
public enum SearchIndex {
    /// The file the index is written to, beside the pages.
    public static let indexFileName = "search-index.js"
    /// The file `searchScript` is written to, beside the pages.
    public static let scriptFileName = "search.js"
    /// The global the index assigns and `searchScript` reads.
    public static let globalName = "LECTERN_SEARCH"

    /// One lesson in the index.
    public struct Entry: Sendable, Equatable {
        /// The page's file name as a relative URL (`01-intro.html`).
        public var page: String
        public var title: String
        public var sections: [Section]
    }

    /// A heading and the prose under it, up to the next heading of any level.
    public struct Section: Sendable, Equatable {
        /// The heading's plain text; empty for prose before the lesson's first heading.
        public var heading: String
        /// 1 to 6; 0 for prose before the first heading.
        public var level: Int
        /// The heading's anchor on the page (see `Slug`); empty for prose before the first heading.
        public var slug: String
        /// The prose without markup, whitespace collapsed. Code blocks are left out.
        public var text: String
    }

    /// The lesson's sections: every heading starts one, with the id the page gives it (the same
    /// walk as the page's, through `PageSlugs`); the prose under it is its text. Code is left out.
    public static func entry(_ lesson: Lesson) -> Entry {
        var sections: [Section] = []
        var slugs = PageSlugs(lesson)
        var current = Section(heading: "", level: 0, slug: "", text: "")
        func close() {
            if current.level > 0 || !current.text.isEmpty { sections.append(current) }
        }
        func add(_ text: String) {
            let t = collapseWhitespace(text)
            if !t.isEmpty { current.text += (current.text.isEmpty ? "" : " ") + t }
        }
        func walk(_ blocks: [Prose.Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let content):
                    close()
                    let heading = collapseWhitespace(Prose.Inline.plainText(content))
                    current = Section(heading: heading, level: level, slug: slugs.id(for: heading), text: "")
                case .paragraph(let content):
                    add(Prose.Inline.plainText(content))
                case .blockQuote(let content):
                    walk(content)
                case .list(_, _, _, let items):
                    for item in items { walk(item) }
                case .table(let table):
                    for row in [table.header] + table.rows { add(row.map(Prose.Inline.plainText).joined(separator: " ")) }
                case .math(let formula):
                    add(formula.source)
                case .codeBlock, .html, .thematicBreak:
                    continue
                }
            }
        }
        for segment in lesson.segments {
            if case .prose(let prose) = segment { walk(prose.blocks) }
        }
        close()
        return Entry(page: HTML.percentEncodePath(lesson.stem) + ".html", title: lesson.title, sections: sections)
    }

    /// The text of `search-index.js` for these lessons, in their order: one line per lesson.
    public static func script(_ lessons: [Lesson]) -> String {
        script(entries: lessons.map(entry))
    }

    public static func script(entries: [Entry]) -> String {
        var out = "// The search index of a Lectern site, read by \(scriptFileName). Written by lectern; do not edit.\n"
        out += "window.\(globalName) = [\n"
        for (i, entry) in entries.enumerated() {
            out += json(entry).serialized(indent: nil) + (i + 1 < entries.count ? ",\n" : "\n")
        }
        out += "];\n"
        return out
    }

    static func json(_ entry: Entry) -> JSONText {
        .object([
            "page": .string(entry.page),
            "title": .string(entry.title),
            "sections": .array(entry.sections.map { section in
                .object([
                    "heading": .string(section.heading),
                    "level": .int(section.level),
                    "slug": .string(section.slug),
                    "text": .string(section.text),
                ])
            }),
        ])
    }


    private static func entity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }

    static func collapseWhitespace(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The search box with the two scripts it needs, for a page of the site to include once
    /// (anywhere in `<body>`; the scripts are deferred). The page also needs `searchStyles`.
    public static func searchBoxHTML() -> String {
        """
        <div class="lectern-search" role="search">
        <input type="search" class="lectern-search-input" placeholder="Search the lessons" aria-label="Search the lessons" autocomplete="off" spellcheck="false">
        <ol class="lectern-search-results" aria-live="polite"></ol>
        </div>
        <script src="\(indexFileName)" defer></script>
        <script src="\(scriptFileName)" defer></script>

        """
    }
}
