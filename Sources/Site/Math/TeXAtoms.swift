/// Reading one atom: a character, a symbol command, or a command with arguments.
extension TeXParser {
    /// One atom without its scripts; nil when the token produces nothing (`\nonumber`).
    /// `single` reads one digit only (an argument or script such as `x^23`).
    mutating func parseAtom(single: Bool = false) throws(TeXError) -> TeXAtom? {
        skipSpaces()
        guard let token = peek else { return nil }
        switch token.kind {
        case .space:
            pos += 1
            return nil
        case .char(let c):
            return try charAtom(c, token, single: single)
        case .command(let name):
            return try commandAtom(name, token)
        }
    }

    // MARK: Characters

    mutating func charAtom(_ c: Character, _ token: TeXToken, single: Bool) throws(TeXError) -> TeXAtom {
        if c == "{" { return TeXAtom(.row(try parseGroup()), .ord) }
        pos += 1
        switch c {
        case "~": return TeXAtom(.mtext("\u{A0}"), .none)
        case "(", "[": return TeXAtom(.mo(String(c), [("stretchy", "false")]), .open)
        case ")", "]": return TeXAtom(.mo(String(c), [("stretchy", "false")]), .close)
        case "|": return TeXAtom(.mo("|", Self.ordinaryOperator + [("stretchy", "false")]), .ord)
        case "/": return TeXAtom(.mo("/", Self.ordinaryOperator + [("stretchy", "false")]), .ord)
        case "!": return TeXAtom(.mo("!"), .close)
        case "$", "#", "^", "_", "&", "}", "'", "\\":
            throw TeXError(offset: token.offset, message: "unexpected '\(c)'")
        default: break
        }
        if let text = TeXSymbols.binaryChars[c] { return TeXAtom(.mo(text), .bin) }
        if TeXSymbols.relationChars.contains(c) { return TeXAtom(.mo(String(c)), .rel) }
        if TeXSymbols.punctuationChars.contains(c) { return TeXAtom(.mo(String(c)), .punct) }
        if TeXSymbols.ordinaryChars.contains(c) {
            if c == ".", !single, let next = peek, case .char(let d) = next.kind, d.isASCII, d.isWholeNumber {
                pos -= 1
                return number(single: false)
            }
            return TeXAtom(.mo(String(c), Self.ordinaryOperator), .ord)
        }
        if c.isASCII, c.isWholeNumber {
            pos -= 1
            return number(single: single)
        }
        if c.isLetter {
            if font == .roman, !single {
                // Upright text such as \mathrm{softmax} or \operatorname{argmin} stays one word.
                var word = String(c)
                while let next = peek, case .char(let d) = next.kind, d.isLetter {
                    word.append(d)
                    pos += 1
                }
                return TeXAtom(.mi(word, normal: word.count == 1), .ord)
            }
            return TeXAtom(letter(c), .ord)
        }
        if c.isNumber { return TeXAtom(.mn(String(c)), .ord) }
        // Any other symbol typed directly (≤, →, ∑...): the class of its TeX command if known.
        let text = String(c)
        if Self.relationSymbols.contains(text) { return TeXAtom(.mo(text), .rel) }
        if Self.binarySymbols.contains(text) { return TeXAtom(.mo(text), .bin) }
        if let op = Self.bigOperatorSymbols[text] { return TeXAtom(.mo(text), .op, limits: op ? .display : .never) }
        return TeXAtom(.mo(text), .ord)
    }

    static let ordinaryOperator = [("lspace", "0"), ("rspace", "0")]
    static let relationSymbols = Set(TeXSymbols.relation.values)
    static let binarySymbols = Set(TeXSymbols.binary.values)
    static let bigOperatorSymbols = Dictionary(
        TeXSymbols.bigOperators.values.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })

    /// Digits with at most one decimal point followed by a digit: `0.001` is one `mn`.
    mutating func number(single: Bool) -> TeXAtom {
        var text = ""
        func digit(_ i: Int) -> Bool {
            guard i < tokens.count, case .char(let d) = tokens[i].kind else { return false }
            return d.isASCII && d.isWholeNumber
        }
        if single {
            if case .char(let d) = tokens[pos].kind { text.append(d) }
            pos += 1
        } else {
            var seenPoint = false
            while pos < tokens.count, case .char(let d) = tokens[pos].kind {
                if d.isASCII, d.isWholeNumber {
                    text.append(d)
                } else if d == ".", !seenPoint, digit(pos + 1) {
                    seenPoint = true
                    text.append(d)
                } else {
                    break
                }
                pos += 1
            }
        }
        return TeXAtom(.mn(font.map { $0.map(text) } ?? text), .ord)
    }

    static func isUpperGreek(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return v >= 0x391 && v <= 0x3A9
    }

    /// A letter or letter-like symbol in the current alphabet.
    func letter(_ c: Character) -> MathElement {
        guard let font else { return .mi(String(c), normal: Self.isUpperGreek(c) || c == "∇") }
        switch font {
        case .roman: return .mi(String(c), normal: true)
        case .italic: return .mi(String(c))
        case .boldItalic where Self.isUpperGreek(c): return .mi(String(MathAlphabet.bold.map(c)))
        default:
            let mapped = font.map(c)
            if mapped == c { return .mi(String(c), normal: Self.isUpperGreek(c) || c == "∇") }
            return .mi(String(mapped))
        }
    }

    // MARK: Commands

    mutating func commandAtom(_ name: String, _ token: TeXToken) throws(TeXError) -> TeXAtom? {
        if let width = TeXSymbols.spaces[name] {
            pos += 1
            return TeXAtom(Self.space(width), .none)
        }
        if let c = TeXSymbols.greek[name] {
            pos += 1
            return TeXAtom(letter(c), .ord)
        }
        if let symbol = TeXSymbols.ordinary[name] {
            pos += 1
            if symbol.count == 1, let c = symbol.first { return TeXAtom(letter(c), .ord) }
            return TeXAtom(.mi(symbol), .ord)
        }
        if let (symbol, limits) = TeXSymbols.bigOperators[name] {
            pos += 1
            return TeXAtom(.mo(symbol), .op, limits: limits ? .display : .never)
        }
        if let (text, limits) = TeXSymbols.functions[name] {
            pos += 1
            var word = text, takesLimits = limits
            if name == "arg", let next = peekNonSpace(), next.isCommand("min") || next.isCommand("max") {
                // \arg\min and \arg\max: one operator whose limits go under it.
                skipSpaces()
                pos += 1
                word = next.isCommand("min") ? "arg min" : "arg max"
                takesLimits = true
            }
            word = String(word.map { $0 == " " ? "\u{2009}" : $0 })
            return TeXAtom(.mi(word), .op, limits: takesLimits ? .display : .never, isFunction: true)
        }
        if let symbol = TeXSymbols.relation[name] {
            pos += 1
            return TeXAtom(.mo(symbol), .rel)
        }
        if let symbol = TeXSymbols.binary[name] {
            pos += 1
            return TeXAtom(.mo(symbol), .bin)
        }
        if let symbol = TeXSymbols.dots[name] {
            pos += 1
            return TeXAtom(.mo(symbol), .inner)
        }
        if let symbol = TeXSymbols.delimiterCommands[name] {
            pos += 1
            return Self.delimiterAtom(symbol)
        }
        switch name {
        case "colon":
            pos += 1
            return TeXAtom(.mo(":", [("lspace", "0"), ("rspace", "0.1667em")]), .punct)
        case "%", "$", "#", "&", "_":
            pos += 1
            return TeXAtom(.mi(name), .ord)
        case " ":
            pos += 1
            return TeXAtom(.mtext("\u{A0}"), .none)
        case "prime":
            pos += 1
            return TeXAtom(.mo("′"), .ord)
        case "nonumber", "notag", "limits", "nolimits", "allowbreak", "relax", "strut":
            pos += 1
            return nil
        case "label", "tag":
            pos += 1
            _ = try readRawArgument(for: token)
            return nil
        default:
            return try structureAtom(name, token)
        }
    }

    /// A bare delimiter: no stretching, with TeX's class.
    static func delimiterAtom(_ symbol: String) -> TeXAtom {
        if TeXSymbols.opening.contains(symbol) { return TeXAtom(.mo(symbol, [("stretchy", "false")]), .open) }
        if TeXSymbols.closing.contains(symbol) { return TeXAtom(.mo(symbol, [("stretchy", "false")]), .close) }
        return TeXAtom(.mo(symbol, ordinaryOperator + [("stretchy", "false")]), .ord)
    }

    /// Horizontal space; negative widths pull the next item closer through a negative margin,
    /// since MathML Core's `mspace` has no negative width.
    static func space(_ width: String) -> MathElement {
        if width.hasPrefix("-") { return MathElement("mspace", [("style", "margin-left: \(width)")]) }
        return .mspace(width)
    }
}
