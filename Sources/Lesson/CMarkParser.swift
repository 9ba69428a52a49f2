import CCMark
#if canImport(Glibc)
import Glibc
#endif

/// The one type that touches libcmark. It parses CommonMark and copies cmark's tree into
/// `CMarkNode` values; no cmark pointer escapes it.
enum CMarkParser {
    /// Deeper nodes are flattened to their text, so that walking the tree (here and in every
    /// renderer) stays far from the stack's end whatever a lesson nests.
    static let maxDepth = 200

    /// The document node of `markdown`. Never fails: CommonMark gives every input a meaning.
    static func document(_ markdown: String) -> CMarkNode {
        let empty = CMarkNode(kind: .document, children: [], startLine: 1, startColumn: 1, endLine: 1)
        guard let doc = parse(markdown) else { return empty }
        defer { cmark_node_free(doc) }
        return copy(doc, depth: 0)
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

    private static func copy(_ n: OpaquePointer, depth: Int) -> CMarkNode {
        let kind = self.kind(n)
        var children: [CMarkNode] = []
        if depth >= maxDepth, cmark_node_first_child(n) != nil {
            let text = CMarkNode(kind: .text(flatText(n)), children: [], startLine: 0, startColumn: 0, endLine: 0)
            children = kind.isBlock && kind != .paragraph && !kind.isHeading
                ? [CMarkNode(kind: .paragraph, children: [text], startLine: 0, startColumn: 0, endLine: 0)] : [text]
        } else {
            var child = cmark_node_first_child(n)
            while let c = child {
                children.append(copy(c, depth: depth + 1))
                child = cmark_node_next(c)
            }
        }
        return CMarkNode(
            kind: kind, children: children,
            startLine: Int(cmark_node_get_start_line(n)), startColumn: Int(cmark_node_get_start_column(n)),
            endLine: Int(cmark_node_get_end_line(n)))
    }

    private static func kind(_ n: OpaquePointer) -> CMarkNode.Kind {
        func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        let type = cmark_node_get_type(n)
        // cmark's node types are a C enum, which Swift cannot switch over exhaustively.
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(n) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(n)), tight: cmark_node_get_list_tight(n) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(n)), literal: string(cmark_node_get_literal(n)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(n)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(n)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(n)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(n)), title: string(cmark_node_get_title(n)))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(n)), title: string(cmark_node_get_title(n)))
        default: return .custom  // custom nodes: the parser never makes them
        }
    }

    /// The literal text under `n`, gathered with cmark's iterator (no recursion).
    private static func flatText(_ n: OpaquePointer) -> String {
        guard let iter = cmark_iter_new(n) else { return "" }
        defer { cmark_iter_free(iter) }
        var out = ""
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter), cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK,
               let literal = cmark_node_get_literal(node) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }
}
