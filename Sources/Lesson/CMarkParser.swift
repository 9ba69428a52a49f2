import CCMark
#if canImport(Glibc)
import Glibc
#endif

/// The one type that touches libcmark. It parses CommonMark into plain Swift values and renders
/// Markdown fragments to HTML; no cmark pointer escapes it.
public enum CMarkParser {
    /// A top-level block of a CommonMark document as plain values.
    public struct Block: Sendable {
        public enum Kind: Sendable, Equatable {
            case heading(level: Int)
            case codeBlock(info: String, fenced: Bool)
            case other(String)
        }
        public var kind: Kind
        /// The block's own HTML, rendered by cmark (safe mode: raw HTML is omitted).
        public var html: String
        /// Text content: the literal of a code block, the plain text of a heading.
        public var text: String
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int
    }

    /// Parses `markdown` and returns its top-level blocks in order. Never fails: CommonMark
    /// gives every input a meaning.
    public static func topLevelBlocks(_ markdown: String) -> [Block] {
        guard let doc = parse(markdown) else { return [] }
        defer { cmark_node_free(doc) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)

        var blocks: [Block] = []
        var node = cmark_node_first_child(doc)
        while let n = node {
            let start = Int(cmark_node_get_start_line(n))
            let kind: Block.Kind
            var text = ""
            switch cmark_node_get_type(n) {
            case CMARK_NODE_HEADING:
                kind = .heading(level: Int(cmark_node_get_heading_level(n)))
                text = plainText(n)
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(n).map { String(cString: $0) } ?? ""
                // cmark 0.30 has no fencing accessor: a fenced block's first line starts with ``` or ~~~.
                let first = start - 1 < lines.count && start >= 1 ? lines[start - 1] : ""
                let trimmed = first.drop(while: { $0 == " " })
                let fenced = trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
                kind = .codeBlock(info: info, fenced: fenced)
                text = cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
            default:
                kind = .other(cmark_node_get_type_string(n).map { String(cString: $0) } ?? "block")
            }
            blocks.append(Block(
                kind: kind,
                html: renderHTML(n),
                text: text,
                startLine: start,
                startColumn: Int(cmark_node_get_start_column(n)),
                endLine: Int(cmark_node_get_end_line(n))))
            node = cmark_node_next(n)
        }
        return blocks
    }

    /// Renders a Markdown fragment to HTML with cmark's safe defaults.
    public static func html(_ markdown: String) -> String {
        guard let doc = parse(markdown) else { return "" }
        defer { cmark_node_free(doc) }
        return renderHTML(doc)
    }

    private static func parse(_ markdown: String) -> OpaquePointer? {
        var text = markdown
        return text.withUTF8 { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT)
                }
            }
        }
    }

    private static func renderHTML(_ node: OpaquePointer) -> String {
        guard let cstr = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(cstr) }
        return String(cString: cstr)
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            if let lit = cmark_node_get_literal(c) { out += String(cString: lit) }
            out += plainText(c)
            child = cmark_node_next(c)
        }
        return out
    }
}
