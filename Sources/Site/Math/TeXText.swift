/// Text mode: `\text{...}` and friends become `mtext`, with `$...$` inside them as math.
extension TeXParser {
    static let textSymbols: [String: String] = [
        "{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "#": "#", "_": "_", " ": " ", "\\": " ",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
        "textbar": "|", "textless": "<", "textgreater": ">", "ldots": "…", "dots": "…",
        "textellipsis": "…", "textendash": "–", "textemdash": "—", "quad": "\u{2003}",
        "qquad": "\u{2003}\u{2003}", ",": "\u{2009}", ":": "\u{2005}", ";": "\u{2004}", "!": "",
        "S": "§", "P": "¶", "copyright": "©", "dag": "†", "ddag": "‡", "pounds": "£", "euro": "€",
        "textdegree": "°", "degree": "°", "ss": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
        "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "i": "ı", "j": "ȷ", "l": "ł", "L": "Ł",
        "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
    ]

    /// Accent commands of text mode and the combining marks they add.
    static let textAccents: [String: Unicode.Scalar] = [
        "'": "\u{301}", "`": "\u{300}", "^": "\u{302}", "~": "\u{303}", "\"": "\u{308}", "c": "\u{327}",
        "=": "\u{304}", ".": "\u{307}", "u": "\u{306}", "v": "\u{30C}", "H": "\u{30B}", "r": "\u{30A}",
    ]

    /// The argument of a text command; the current token follows the command.
    mutating func parseText(for command: TeXToken, style: String?) throws(TeXError) -> MathElement {
        try enter(at: command.offset)
        defer { depth -= 1 }
        skipSpaces()
        guard let first = peek, !first.isChar("}") else {
            throw TeXError(offset: command.offset, message: "missing argument for '\(describe(command))'")
        }
        let attributes = style.map { [("style", $0)] } ?? []
        var segments: [MathElement] = []
        var buffer = ""
        func flush(_ buffer: inout String, _ segments: inout [MathElement]) {
            guard !buffer.isEmpty else { return }
            segments.append(.mtext(Self.keepEdgeSpaces(buffer), attributes))
            buffer = ""
        }

        let braced = first.isChar("{")
        if braced { pos += 1 }
        var level = 0, closed = false, count = 0
        while let token = peek, braced || count == 0 {
            count += 1
            switch token.kind {
            case .space:
                if !buffer.hasSuffix(" ") { buffer.append(" ") }
                pos += 1
            case .char("{"):
                level += 1
                pos += 1
            case .char("}"):
                pos += 1
                if level == 0 {
                    closed = true
                } else {
                    level -= 1
                }
            case .char("$"):
                flush(&buffer, &segments)
                pos += 1
                segments += try inlineMath(opening: token)
            case .char("~"):
                buffer.append("\u{A0}")
                pos += 1
            case .char(let c):
                buffer.append(c)
                pos += 1
            case .command(let name):
                if let nested = Self.textStyles[name] {
                    flush(&buffer, &segments)
                    pos += 1
                    let combined = [style, nested ?? nil].compactMap { $0 }.joined(separator: "; ")
                    segments.append(try parseText(for: token, style: combined.isEmpty ? nil : combined))
                } else if let text = Self.textSymbols[name] {
                    pos += 1
                    buffer += text
                } else if let mark = Self.textAccents[name] {
                    pos += 1
                    buffer += try accented(mark, command: token)
                } else {
                    throw TeXError(offset: token.offset, message: "unknown TeX command '\\\(name)' in text")
                }
            }
            if closed { break }
        }
        if braced, !closed {
            throw TeXError(offset: first.offset, message: "unbalanced '{': no matching '}'")
        }
        flush(&buffer, &segments)
        if segments.isEmpty { return .mtext("", attributes) }
        return .row(segments)
    }

    /// Math between `$` signs inside text; the opening `$` has been read.
    mutating func inlineMath(opening: TeXToken) throws(TeXError) -> [MathElement] {
        let outer = display
        display = false
        defer { display = outer }
        let list = try parseList(closer: "$")
        guard let close = peek else {
            throw TeXError(offset: opening.offset, message: "unbalanced '$' in text: no closing '$'")
        }
        guard close.isChar("$") else { throw misplaced(close) }
        pos += 1
        return list
    }

    /// The letter after a text accent command (`\'e`, `\~{a}`) with the combining mark added.
    mutating func accented(_ mark: Unicode.Scalar, command: TeXToken) throws(TeXError) -> String {
        skipSpaces()
        var braced = false
        if let open = peek, open.isChar("{") {
            braced = true
            pos += 1
        }
        guard let token = peek, case .char(let base) = token.kind, base != "}" else {
            if braced, let close = peek, close.isChar("}") {
                pos += 1
                return String(Character(mark))
            }
            throw TeXError(offset: command.offset, message: "missing argument for '\(describe(command))'")
        }
        pos += 1
        if braced {
            guard let close = peek, close.isChar("}") else {
                throw TeXError(offset: command.offset, message: "accent '\(describe(command))' takes one letter")
            }
            pos += 1
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(base).unicodeScalars)
        scalars.append(mark)
        return String(scalars)
    }

    /// Leading and trailing spaces become no-break spaces so that the browser keeps them.
    static func keepEdgeSpaces(_ text: String) -> String {
        var chars = Array(text)
        var i = 0
        while i < chars.count, chars[i] == " " { chars[i] = "\u{A0}"; i += 1 }
        var j = chars.count - 1
        while j >= 0, chars[j] == " " { chars[j] = "\u{A0}"; j -= 1 }
        return String(chars)
    }
}
