/// A MathML element: a tag, its attributes in the order they are written, and either children
/// or text (token elements such as `mi`, `mo`, `mn`, `mtext`).
struct MathElement: Sendable, Equatable {
    var tag: String
    var attributes: [Attribute]
    var children: [MathElement]
    var text: String?

    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }

    init(_ tag: String, _ attributes: [(String, String)] = [], children: [MathElement] = [], text: String? = nil) {
        self.tag = tag
        self.attributes = attributes.map { Attribute(name: $0.0, value: $0.1) }
        self.children = children
        self.text = text
    }

    static func mi(_ text: String, normal: Bool = false) -> MathElement {
        MathElement("mi", normal ? [("mathvariant", "normal")] : [], text: text)
    }

    static func mn(_ text: String) -> MathElement { MathElement("mn", text: text) }

    static func mo(_ text: String, _ attributes: [(String, String)] = []) -> MathElement {
        MathElement("mo", attributes, text: text)
    }

    static func mtext(_ text: String, _ attributes: [(String, String)] = []) -> MathElement {
        MathElement("mtext", attributes, text: text)
    }

    static func mspace(_ width: String) -> MathElement { MathElement("mspace", [("width", width)]) }

    /// The nodes as one element: the node itself when there is exactly one, else an `mrow`.
    static func row(_ nodes: [MathElement]) -> MathElement {
        nodes.count == 1 ? nodes[0] : MathElement("mrow", children: nodes)
    }

    /// An `mrow` even around a single node (for fenced groups whose stretching needs the row).
    static func mrow(_ nodes: [MathElement]) -> MathElement { MathElement("mrow", children: nodes) }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    mutating func setAttribute(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append(Attribute(name: name, value: value))
        }
    }
}

/// Serializes `MathElement` trees as MathML markup, escaping `&`, `<`, `>` (and `"` in attributes).
enum MathMLWriter {
    static func write(_ root: MathElement, display: Bool) -> String {
        var out = display ? "<math display=\"block\">" : "<math>"
        if root.tag == "mrow", root.attributes.isEmpty {
            for child in root.children { write(child, into: &out) }
        } else {
            write(root, into: &out)
        }
        out += "</math>"
        return out
    }

    static func write(_ element: MathElement, into out: inout String) {
        out += "<" + element.tag
        for attribute in element.attributes {
            out += " " + attribute.name + "=\"" + escape(attribute.value, quotes: true) + "\""
        }
        if let text = element.text {
            out += ">" + escape(text, quotes: false) + "</" + element.tag + ">"
        } else if element.children.isEmpty, element.tag == "mspace" {
            out += "/>"
        } else {
            out += ">"
            for child in element.children { write(child, into: &out) }
            out += "</" + element.tag + ">"
        }
    }

    static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
