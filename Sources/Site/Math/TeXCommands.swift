/// Commands with arguments: fractions, roots, accents, alphabets, text, delimiters, operators.
extension TeXParser {
    static let alphabets: [String: MathAlphabet] = [
        "mathrm": .roman, "mathup": .roman, "mathbf": .bold, "mathit": .italic, "mathnormal": .italic,
        "mathbb": .doubleStruck, "mathbbm": .doubleStruck, "mathds": .doubleStruck, "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur,
        "mathsf": .sansSerif, "mathtt": .monospace, "boldsymbol": .boldItalic, "bm": .boldItalic,
        "pmb": .boldItalic, "mathbfit": .boldItalic, "mathbfcal": .boldScript, "mathbffrak": .boldFraktur,
        "mathsfit": .sansSerifItalic, "mathbfsf": .sansSerifBold,
    ]

    static let textStyles: [String: String?] = [
        "text": nil, "textrm": nil, "textnormal": nil, "textup": nil, "mbox": nil, "hbox": nil,
        "textbf": "font-weight: bold", "textit": "font-style: italic", "emph": "font-style: italic",
        "textsl": "font-style: oblique", "textsf": "font-family: sans-serif",
        "texttt": "font-family: monospace",
    ]

    static let extensibleArrows: [String: String] = [
        "xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐",
        "xleftrightarrow": "↔", "xLeftrightarrow": "⇔", "xmapsto": "↦", "xhookrightarrow": "↪",
        "xhookleftarrow": "↩", "xlongequal": "=", "xtwoheadrightarrow": "↠",
    ]

    static let bigSizes: [String: String] = ["big": "1.2em", "Big": "1.623em", "bigg": "2.047em", "Bigg": "2.470em"]

    static let classCommands: [String: TeXAtom.Class] = [
        "mathord": .ord, "mathop": .op, "mathbin": .bin, "mathrel": .rel, "mathopen": .open,
        "mathclose": .close, "mathpunct": .punct, "mathinner": .inner,
    ]

    mutating func structureAtom(_ name: String, _ token: TeXToken) throws(TeXError) -> TeXAtom? {
        if let alphabet = Self.alphabets[name] {
            pos += 1
            let saved = font
            font = alphabet
            defer { font = saved }
            return TeXAtom(try argument(for: token), .ord)
        }
        if let style = Self.textStyles[name] {
            pos += 1
            return TeXAtom(try parseText(for: token, style: style), .ord)
        }
        if let accent = TeXSymbols.accents[name] {
            pos += 1
            let base = try argument(for: token)
            let mark = MathElement.mo(accent.mark, [("stretchy", accent.stretchy ? "true" : "false")])
            return TeXAtom(MathElement("mover", [("accent", "true")], children: [base, mark]), .ord)
        }
        if let mark = TeXSymbols.underAccents[name] {
            pos += 1
            let base = try argument(for: token)
            let line = MathElement.mo(mark, [("stretchy", "true")])
            return TeXAtom(MathElement("munder", [("accentunder", "true")], children: [base, line]), .ord)
        }
        if let (mark, over) = TeXSymbols.braces[name] {
            pos += 1
            let base = try argument(for: token)
            let brace = MathElement.mo(mark, [("stretchy", "true")])
            return TeXAtom(MathElement(over ? "mover" : "munder", children: [base, brace]), .ord, limits: .always)
        }
        if let arrow = Self.extensibleArrows[name] {
            return try extensibleArrow(arrow, token)
        }
        if let cls = Self.classCommands[name] {
            pos += 1
            let body = try argument(for: token)
            return TeXAtom(body, cls, limits: cls == .op ? .display : .never)
        }
        if let size = bigSize(name) {
            pos += 1
            guard let symbol = try delimiter(after: token) else { return TeXAtom(.mspace("0em"), .none) }
            let mo = MathElement.mo(symbol, [("minsize", size.0), ("maxsize", size.0), ("stretchy", "true"), ("symmetric", "true")])
            let cls: TeXAtom.Class = size.1 == "l" ? .open : size.1 == "r" ? .close : size.1 == "m" ? .rel
                : Self.delimiterAtom(symbol).cls
            return TeXAtom(mo, cls)
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
            return try fraction(name, token)
        case "sqrt":
            return try root(token)
        case "left":
            return try leftRight(token)
        case "begin":
            return try environment(token)
        case "operatorname", "operatornamewithlimits":
            pos += 1
            var limits = name == "operatornamewithlimits"
            if let next = peek, next.isChar("*") { pos += 1; limits = true }
            let saved = font
            font = .roman
            defer { font = saved }
            return TeXAtom(try argument(for: token), .op, limits: limits ? .display : .never, isFunction: true)
        case "overset", "underset", "stackrel":
            pos += 1
            let saved = display
            display = false
            let script = try argument(for: token)
            display = saved
            var base = try argument(for: token)
            if name == "stackrel", base.tag == "mo" { base.setAttribute("stretchy", "false") }
            let tag = name == "underset" ? "munder" : "mover"
            let cls: TeXAtom.Class = name == "stackrel" || base.tag == "mo" ? .rel : .ord
            return TeXAtom(MathElement(tag, children: [base, script]), cls)
        case "not":
            try enter(at: token.offset)
            defer { depth -= 1 }
            pos += 1
            guard var atom = try parseAtom(), let text = atom.node.text else {
                throw TeXError(offset: token.offset, message: "missing argument for '\\not'")
            }
            atom.node.text = Self.negations[text] ?? text + "\u{338}"
            return atom
        case "bmod":
            pos += 1
            return TeXAtom(.mo("mod", [("lspace", "0.2222em"), ("rspace", "0.2222em")]), .bin)
        case "pmod", "pod":
            pos += 1
            let arg = try argument(for: token)
            var nodes: [MathElement] = [.mspace(display ? "1em" : "0.4444em"), .mo("(", [("stretchy", "false")])]
            if name == "pmod" { nodes += [.mi("mod"), .mspace("0.3333em")] }
            nodes += [arg, .mo(")", [("stretchy", "false")])]
            return TeXAtom(.mrow(nodes), .ord)
        case "mod":
            pos += 1
            return TeXAtom(.mrow([.mspace(display ? "1em" : "0.6667em"), .mi("mod"), .mspace("0.3333em")]), .none)
        case "phantom", "hphantom", "vphantom", "smash":
            pos += 1
            let arg = try argument(for: token)
            let phantom = name == "smash" ? arg : MathElement("mphantom", children: [arg])
            switch name {
            case "hphantom", "smash":
                return TeXAtom(MathElement("mpadded", [("height", "0"), ("depth", "0")], children: [phantom]), .ord)
            case "vphantom": return TeXAtom(MathElement("mpadded", [("width", "0")], children: [phantom]), .ord)
            default: return TeXAtom(phantom, .ord)
            }
        case "mathstrut":
            pos += 1
            let strut = MathElement("mphantom", children: [.mo("(", [("stretchy", "false")])])
            return TeXAtom(MathElement("mpadded", [("width", "0")], children: [strut]), .ord)
        case "boxed", "fbox":
            pos += 1
            let arg = name == "fbox" ? try parseText(for: token, style: nil) : try argument(for: token)
            return TeXAtom(MathElement("mrow", [("style", "border: 0.06em solid; padding: 0.2em")], children: [arg]), .ord)
        case "textcolor", "colorbox":
            pos += 1
            let color = try readRawArgument(for: token)
            let arg = name == "colorbox" ? try parseText(for: token, style: nil) : try argument(for: token)
            let attribute = name == "colorbox" ? "mathbackground" : "mathcolor"
            return TeXAtom(MathElement("mstyle", [(attribute, color)], children: [arg]), .ord)
        case "hspace", "kern", "mkern", "mskip", "hskip", "mspace":
            pos += 1
            if let next = peek, next.isChar("*") { pos += 1 }
            return TeXAtom(Self.space(try dimension(for: token)), .none)
        case "substack":
            pos += 1
            skipSpaces()
            guard let open = peek, open.isChar("{") else {
                throw TeXError(offset: token.offset, message: "missing argument for '\\substack'")
            }
            try enter(at: open.offset)
            defer { depth -= 1 }
            pos += 1
            let rows = try parseRows(cellDisplay: false)
            try expectClosingBrace(open)
            return TeXAtom(table(rows, attributes: [], style: { _, _ in ["padding: 0"] }), .ord)
        case "hline", "hdashline":
            throw TeXError(offset: token.offset, message: "misplaced '\\\(name)': only at the start of an array row")
        default:
            throw TeXError(offset: token.offset, message: "unknown TeX command '\\\(name)'")
        }
    }

    static let negations: [String: String] = [
        "=": "≠", "∈": "∉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "∼": "≁", "≡": "≢", "<": "≮",
        ">": "≯", "≤": "≰", "≥": "≱", "∃": "∄", "∣": "∤", "∥": "∦", "≈": "≉", "≅": "≇", "≃": "≄",
        "∋": "∌", "≺": "⊀", "≻": "⊁", "→": "↛", "←": "↚", "↔": "↮", "⇒": "⇏", "⇐": "⇍", "⇔": "⇎",
    ]

    /// `\big`, `\Bigl`, `\biggr`...: the size and the l/r/m suffix.
    func bigSize(_ name: String) -> (String, Character?)? {
        if let size = Self.bigSizes[name] { return (size, nil) }
        guard let last = name.last, "lrm".contains(last), let size = Self.bigSizes[String(name.dropLast())] else {
            return nil
        }
        return (size, last)
    }

    mutating func fraction(_ name: String, _ token: TeXToken) throws(TeXError) -> TeXAtom {
        pos += 1
        let outer = display
        display = false
        let num = try argument(for: token)
        let den = try argument(for: token)
        display = outer
        let binomial = name.hasSuffix("binom")
        var node = MathElement("mfrac", binomial ? [("linethickness", "0")] : [], children: [num, den])
        if binomial {
            node = .mrow([.mo("("), node, .mo(")")])
        }
        if (name == "dfrac" || name == "cfrac" || name == "dbinom") && !outer {
            node = MathElement("mstyle", [("displaystyle", "true"), ("scriptlevel", "0")], children: [node])
        } else if (name == "tfrac" || name == "tbinom") && outer {
            node = MathElement("mstyle", [("displaystyle", "false"), ("scriptlevel", "0")], children: [node])
        }
        return TeXAtom(node, .inner)
    }

    mutating func root(_ token: TeXToken) throws(TeXError) -> TeXAtom {
        pos += 1
        skipSpaces()
        var index: MathElement?
        if let open = peek, open.isChar("[") {
            try enter(at: open.offset)
            pos += 1
            let outer = display
            display = false
            let list = try parseList(closer: "]")
            display = outer
            depth -= 1
            guard let close = peek else {
                throw TeXError(offset: open.offset, message: "unbalanced '[': no matching ']' for the root's index")
            }
            guard close.isChar("]") else { throw misplaced(close) }
            pos += 1
            index = .row(list)
        }
        let radicand = try argument(for: token)
        if let index { return TeXAtom(MathElement("mroot", children: [radicand, index]), .ord) }
        return TeXAtom(MathElement("msqrt", children: [radicand]), .ord)
    }

    mutating func extensibleArrow(_ arrow: String, _ token: TeXToken) throws(TeXError) -> TeXAtom {
        pos += 1
        let outer = display
        display = false
        defer { display = outer }
        var below: MathElement?
        skipSpaces()
        if let open = peek, open.isChar("[") {
            try enter(at: open.offset)
            pos += 1
            let list = try parseList(closer: "]")
            depth -= 1
            guard let close = peek, close.isChar("]") else {
                throw TeXError(offset: open.offset, message: "unbalanced '[': no matching ']'")
            }
            pos += 1
            below = .row(list)
        }
        let above = try argument(for: token)
        func padded(_ label: MathElement) -> MathElement { .mrow([.mspace("0.2778em"), label, .mspace("0.2778em")]) }
        let mo = MathElement.mo(arrow, [("stretchy", "true")])
        if let below {
            return TeXAtom(MathElement("munderover", children: [mo, padded(below), padded(above)]), .rel)
        }
        return TeXAtom(MathElement("mover", children: [mo, padded(above)]), .rel)
    }

    /// `\left` delim ... [`\middle` delim ...] `\right` delim, as one `mrow` whose fences stretch.
    mutating func leftRight(_ token: TeXToken) throws(TeXError) -> TeXAtom {
        try enter(at: token.offset)
        pos += 1
        defer { depth -= 1 }
        var nodes: [MathElement] = []
        if let open = try delimiter(after: token) { nodes.append(.mo(open, [("stretchy", "true")])) }
        while true {
            nodes += try parseList()
            guard let next = peek else {
                throw TeXError(offset: token.offset, message: "'\\left' without matching '\\right'")
            }
            if next.isCommand("middle") {
                pos += 1
                if let middle = try delimiter(after: next) {
                    nodes.append(.mo(middle, [("stretchy", "true"), ("lspace", "0.0556em"), ("rspace", "0.0556em")]))
                }
                continue
            }
            guard next.isCommand("right") else {
                throw TeXError(offset: token.offset, message: "'\\left' without matching '\\right'")
            }
            pos += 1
            if let close = try delimiter(after: next) { nodes.append(.mo(close, [("stretchy", "true")])) }
            return TeXAtom(.mrow(nodes), .inner)
        }
    }

    /// The delimiter after `\left`, `\right`, `\big`...; nil for the empty delimiter `.`.
    mutating func delimiter(after command: TeXToken) throws(TeXError) -> String? {
        skipSpaces()
        let name = describe(command)
        guard let token = peek else {
            throw TeXError(offset: command.offset, message: "missing delimiter after '\(name)'")
        }
        switch token.kind {
        case .char(let c) where TeXSymbols.delimiterChars.contains(c):
            pos += 1
            switch c {
            case ".": return nil
            case "<": return "⟨"
            case ">": return "⟩"
            default: return String(c)
            }
        case .command(let d):
            if let symbol = TeXSymbols.delimiterCommands[d] {
                pos += 1
                return symbol
            }
        default: break
        }
        throw TeXError(offset: token.offset, message: "'\(describe(token))' is not a delimiter (after '\(name)')")
    }

    /// A dimension such as `{1em}`, `-3mu` or `2pt`, as a CSS length in em.
    mutating func dimension(for command: TeXToken) throws(TeXError) -> String {
        skipSpaces()
        var text = ""
        if let open = peek, open.isChar("{") {
            text = try readRawArgument(for: command)
        } else {
            while let token = peek, case .char(let c) = token.kind, "+-.,0123456789".contains(c) {
                text.append(c)
                pos += 1
            }
            for _ in 0..<2 {
                guard let token = peek, case .char(let c) = token.kind, c.isLetter else { break }
                text.append(c)
                pos += 1
            }
        }
        let trimmed = text.filter { !$0.isWhitespace }
        let unit = String(trimmed.suffix(2))
        let perEm: [String: Double] = ["em": 1, "ex": 0.431, "mu": 1.0 / 18, "pt": 0.1, "px": 0.0625,
                                       "pc": 1.2, "cm": 2.845, "mm": 0.2845, "in": 7.227]
        guard let scale = perEm[unit], let value = Double(String(trimmed.dropLast(2)).replacingComma()) else {
            throw TeXError(offset: command.offset, message: "invalid dimension '\(text)' for '\(describe(command))'")
        }
        return Self.em(value * scale)
    }

    /// A length in em with at most four decimals.
    static func em(_ value: Double) -> String {
        let rounded = (value * 10000).rounded() / 10000
        var text = String(rounded)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text + "em"
    }
}

extension String {
    fileprivate func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
