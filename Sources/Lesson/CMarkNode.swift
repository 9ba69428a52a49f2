/// A node of cmark's document tree as a plain value, exactly as cmark parsed it: `ProseBuilder`
/// then adds what plain CommonMark lacks (tables, strikethrough, math).
struct CMarkNode: Sendable {
    enum Kind: Sendable, Equatable {
        case document, blockQuote, item, htmlBlock, paragraph, thematicBreak
        case list(ordered: Bool, start: Int, tight: Bool)
        case codeBlock(info: String, literal: String)
        case heading(level: Int)
        case text(String)
        case softBreak, lineBreak, htmlInline, emphasis, strong
        case code(String)
        case link(url: String, title: String)
        case image(url: String, title: String)
        /// A custom node, which parsing never produces.
        case custom

        var isBlock: Bool {
            switch self {
            case .document, .blockQuote, .item, .htmlBlock, .paragraph, .thematicBreak, .list, .codeBlock, .heading: true
            case .text, .softBreak, .lineBreak, .htmlInline, .emphasis, .strong, .code, .link, .image, .custom: false
            }
        }

        var isHeading: Bool {
            if case .heading = self { true } else { false }
        }
    }

    var kind: Kind
    var children: [CMarkNode]
    /// Where cmark says the node starts and ends (lines 1-based; the column counts UTF-8 bytes).
    var startLine: Int
    var startColumn: Int
    var endLine: Int
}
