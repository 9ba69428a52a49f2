/// `\begin{...}` ... `\end{...}`: matrices, cases, alignments and arrays as `mtable`.
extension TeXParser {
    struct Row {
        var cells: [[MathElement]] = []
        var lineAbove = false
        var lineBelow = false
    }

    enum Layout {
        case matrix(open: String?, close: String?)
        case cases(open: String?, close: String?)
        case aligned
        case gathered
        case array(aligns: [Character], lines: Set<Int>)
    }

    static let environments: [String: (layout: Layout, display: Bool)] = [
        "matrix": (.matrix(open: nil, close: nil), false), "smallmatrix": (.matrix(open: nil, close: nil), false),
        "pmatrix": (.matrix(open: "(", close: ")"), false), "bmatrix": (.matrix(open: "[", close: "]"), false),
        "Bmatrix": (.matrix(open: "{", close: "}"), false), "vmatrix": (.matrix(open: "|", close: "|"), false),
        "Vmatrix": (.matrix(open: "‖", close: "‖"), false),
        "cases": (.cases(open: "{", close: nil), false), "dcases": (.cases(open: "{", close: nil), true),
        "rcases": (.cases(open: nil, close: "}"), false),
        "aligned": (.aligned, true), "align": (.aligned, true), "align*": (.aligned, true),
        "split": (.aligned, true), "alignedat": (.aligned, true), "alignat": (.aligned, true),
        "alignat*": (.aligned, true), "eqnarray": (.aligned, true), "eqnarray*": (.aligned, true),
        "flalign": (.aligned, true), "flalign*": (.aligned, true),
        "gathered": (.gathered, true), "gather": (.gathered, true), "gather*": (.gathered, true),
        "equation": (.gathered, true), "equation*": (.gathered, true), "multline": (.gathered, true),
        "multline*": (.gathered, true),
        "array": (.array(aligns: [], lines: []), false), "subarray": (.array(aligns: [], lines: []), false),
        "darray": (.array(aligns: [], lines: []), true),
    ]

    /// The current token is `\begin`.
    mutating func environment(_ begin: TeXToken) throws(TeXError) -> TeXAtom {
        try enter(at: begin.offset)
        pos += 1
        defer { depth -= 1 }
        let name = try readRawArgument(for: begin)
        guard let entry = Self.environments[name] else {
            throw TeXError(offset: begin.offset, message: "unknown environment '\(name)'")
        }
        var layout = entry.layout
        let cellDisplay = entry.display
        if name.hasPrefix("alignat") || name == "alignedat" { _ = try readRawArgument(for: begin) }
        if case .array = layout {
            layout = try columnSpec(try readRawArgument(for: begin), at: begin)
        }
        let rows = try parseRows(cellDisplay: cellDisplay)
        guard let end = peek else {
            throw TeXError(offset: begin.offset, message: "'\\begin{\(name)}' without matching '\\end{\(name)}'")
        }
        guard end.isCommand("end") else { throw misplaced(end) }
        pos += 1
        let endName = try readRawArgument(for: end)
        guard endName == name else {
            throw TeXError(offset: end.offset, message: "'\\end{\(endName)}' does not match '\\begin{\(name)}'")
        }
        let displayAttribute = cellDisplay ? [("displaystyle", "true")] : []
        switch layout {
        case .matrix(let open, let close):
            let scriptlevel = name == "smallmatrix" ? [("scriptlevel", "1")] : []
            let t = table(rows, attributes: scriptlevel, style: { _, _ in [] })
            return TeXAtom(Self.fenced(t, open, close), .inner)
        case .cases(let open, let close):
            let t = table(rows, attributes: displayAttribute, style: { _, _ in [Self.alignLeft] })
            return TeXAtom(Self.fenced(t, open, close), .inner)
        case .aligned:
            let t = table(rows, attributes: displayAttribute) { _, column in
                column % 2 == 0 ? [Self.alignRight, "padding-right: 0"] : [Self.alignLeft, "padding-left: 0"]
            }
            return TeXAtom(t, .inner)
        case .gathered:
            return TeXAtom(table(rows, attributes: displayAttribute, style: { _, _ in [] }), .inner)
        case .array(let aligns, let lines):
            let count = aligns.count
            let t = table(rows, attributes: displayAttribute) { _, column in
                var style: [String] = []
                let align = column < count ? aligns[column] : "c"
                if align == "l" { style.append(Self.alignLeft) }
                if align == "r" { style.append(Self.alignRight) }
                if lines.contains(column) { style.append("border-left: 0.06em solid") }
                if column == count - 1, lines.contains(count) { style.append("border-right: 0.06em solid") }
                return style
            }
            return TeXAtom(t, .inner)
        }
    }

    /// Cell alignment. Chromium places a cell's (block-level) MathML children by the legacy
    /// `-webkit-` values only; other browsers skip those and keep the standard value before them.
    static let alignLeft = "text-align: left; text-align: -webkit-left"
    static let alignRight = "text-align: right; text-align: -webkit-right"

    static func fenced(_ table: MathElement, _ open: String?, _ close: String?) -> MathElement {
        guard open != nil || close != nil else { return table }
        var nodes: [MathElement] = []
        if let open { nodes.append(.mo(open)) }
        nodes.append(table)
        if let close { nodes.append(.mo(close)) }
        return .mrow(nodes)
    }

    /// An array's column spec such as `{c|lr}`: alignments and where vertical lines are.
    func columnSpec(_ spec: String, at begin: TeXToken) throws(TeXError) -> Layout {
        var aligns: [Character] = [], lines = Set<Int>()
        let chars = Array(spec)
        var i = 0
        func skipGroup(_ i: inout Int) {
            guard i < chars.count, chars[i] == "{" else { return }
            var level = 0
            while i < chars.count {
                if chars[i] == "{" { level += 1 }
                if chars[i] == "}" { level -= 1; if level == 0 { i += 1; return } }
                i += 1
            }
        }
        while i < chars.count {
            let c = chars[i]
            i += 1
            switch c {
            case "l", "c", "r": aligns.append(c)
            case "|": lines.insert(aligns.count)
            case "p", "m", "b", "X":
                aligns.append("l")
                skipGroup(&i)
            case "@", "!", ">", "<": skipGroup(&i)
            case " ": break
            default:
                throw TeXError(offset: begin.offset, message: "unsupported array column '\(c)' in '\(spec)'")
            }
        }
        return .array(aligns: aligns, lines: lines)
    }

    /// Rows split by `\\` and cells by `&`, up to a token that ends neither (left unread).
    mutating func parseRows(cellDisplay: Bool) throws(TeXError) -> [Row] {
        let outer = display
        defer { display = outer }
        var rows: [Row] = []
        var row = Row()
        while true {
            if row.cells.isEmpty {
                skipSpaces()
                while let token = peek, token.isCommand("hline") || token.isCommand("hdashline") {
                    row.lineAbove = true
                    pos += 1
                    skipSpaces()
                }
            }
            display = cellDisplay
            row.cells.append(try parseList())
            guard let token = peek else { break }
            if token.isChar("&") {
                pos += 1
                continue
            }
            if case .command(let name) = token.kind, name == "\\" || name == "cr" || name == "newline" {
                pos += 1
                skipOptionalBracket()
                rows.append(row)
                row = Row()
                continue
            }
            break
        }
        rows.append(row)
        if rows.count > 1, let last = rows.last, last.cells.count == 1, last.cells[0].isEmpty {
            rows.removeLast()
            if last.lineAbove { rows[rows.count - 1].lineBelow = true }
        }
        return rows
    }

    /// An `mtable`; `style` gives each cell's CSS declarations by row and column.
    func table(_ rows: [Row], attributes: [(String, String)], style: (Int, Int) -> [String]) -> MathElement {
        var mtrs: [MathElement] = []
        for (r, row) in rows.enumerated() {
            var mtds: [MathElement] = []
            for (c, cell) in row.cells.enumerated() {
                var declarations = style(r, c)
                if row.lineAbove { declarations.append("border-top: 0.06em solid") }
                if row.lineBelow { declarations.append("border-bottom: 0.06em solid") }
                let attrs = declarations.isEmpty ? [] : [("style", declarations.joined(separator: "; "))]
                mtds.append(MathElement("mtd", attrs, children: cell))
            }
            mtrs.append(MathElement("mtr", children: mtds))
        }
        return MathElement("mtable", attributes, children: mtrs)
    }
}
