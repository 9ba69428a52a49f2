/// A piece of source as the highlighter sees it: what kind of token it is and which characters
/// (offsets into the source's `Character`s) it covers. Spaces, newlines and indentation lie
/// between pieces.
public struct SourceToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case keyword
        case name
        case number
        /// A string literal with its prefix (`f'...'`, `r"..."`).
        case string
        case comment
        case `operator`
        /// Characters the lexer could not read (an unterminated string, a stray `$`).
        case invalid
    }

    public var kind: Kind
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// The pieces of `source` in order, read by the interpreter's own lexer in its tolerant
    /// mode: it never throws, so any text, however broken, can be highlighted.
    public static func scan(_ source: String) -> [SourceToken] {
        var lexer = Lexer(source, file: "", firstLine: 1, column: 1, tolerant: true)
        _ = try? lexer.tokenize()
        return lexer.pieces
    }
}
