/// A run of prose in a lesson as a tree of plain values: CommonMark's blocks and inlines as
/// cmark parsed them, plus what cmark alone does not know: pipe tables, strikethrough and math.
/// Renderers (the site's HTML, an export) are visitors over it.
public struct Prose: Sendable, Equatable {
    public var blocks: [Block]
    /// Line in the lesson where the run starts.
    public var line: Int

    public init(blocks: [Block], line: Int) {
        self.blocks = blocks
        self.line = line
    }

    public indirect enum Block: Sendable, Equatable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        case blockQuote([Block])
        /// `start` is the first number of an ordered list; a tight list's items hold their text
        /// without paragraph breaks.
        case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
        /// A code block that is shown (nested ones, and top-level ones when a renderer walks
        /// a whole document). Top-level code blocks of a lesson are `Segment.code` instead.
        case codeBlock(info: String, code: String)
        /// Raw HTML: never rendered (cmark's safe mode), kept so a renderer can say it was omitted.
        case html
        case thematicBreak
        case table(Table)
        /// Display math standing on its own: `$$...$$` as a paragraph of its own, or a ```` ```math ```` block.
        case math(MathFormula)
    }

    public indirect enum Inline: Sendable, Equatable {
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        /// Raw inline HTML: never rendered (cmark's safe mode).
        case html
        case emphasis([Inline])
        case strong([Inline])
        /// `~~text~~`.
        case strikethrough([Inline])
        case link(destination: String, title: String, [Inline])
        case image(source: String, title: String, alt: [Inline])
        /// `$...$`, or `$$...$$` inside a line of text.
        case math(MathFormula)
        /// `[^label]`: the footnote's number, and which of its references this is (1, 2, ...).
        case footnoteReference(number: Int, occurrence: Int)
    }

    /// A GitHub-style pipe table. Every row has as many cells as the header.
    public struct Table: Sendable, Equatable {
        public enum Alignment: Sendable, Equatable {
            case none, left, center, right
        }
        public var alignments: [Alignment]
        public var header: [[Inline]]
        public var rows: [[[Inline]]]

        public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
            self.alignments = alignments
            self.header = header
            self.rows = rows
        }
    }
}

extension Prose.Inline {
    /// The text a reader sees, with math as its TeX between dollars: for titles, slugs and alt text.
    public static func plainText(_ inlines: [Prose.Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
                out += plainText(c)
            case .math(let formula): out += formula.source
            case .footnoteReference: break
            }
        }
        return out
    }
}
