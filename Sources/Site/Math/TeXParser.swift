/// A recursive-descent reader of TeX math tokens that builds MathML elements. It tracks the
/// current style (display or not) to place limits the way TeX does, and the current alphabet.
struct TeXParser {
    static let maxDepth = 200

    let tokens: [TeXToken]
    let length: Int
    var pos = 0
    var depth = 0
    /// True in display style (limits go under/over big operators).
    var display: Bool
    /// The alphabet of `\mathbf`, `\mathrm`...; nil for TeX's default (italic letters).
    var font: MathAlphabet?

    init(_ tex: String, display: Bool) throws(TeXError) {
        let source = Array(tex)
        tokens = try TeXLexer.tokens(source)
        length = source.count
        self.display = display
    }

    // MARK: Tokens

    var peek: TeXToken? { pos < tokens.count ? tokens[pos] : nil }

    /// Offset for errors at the current position (the formula's length at its end).
    var here: Int { peek?.offset ?? length }

    mutating func skipSpaces() {
        while pos < tokens.count, tokens[pos].kind == .space { pos += 1 }
    }

    /// The next token that is not white space, without consuming anything.
    func peekNonSpace() -> TeXToken? {
        var i = pos
        while i < tokens.count, tokens[i].kind == .space { i += 1 }
        return i < tokens.count ? tokens[i] : nil
    }

    /// Enters one level of nesting (a group, an argument, a script, `\left`, an environment).
    mutating func enter(at offset: Int) throws(TeXError) {
        depth += 1
        if depth > Self.maxDepth { throw TeXError(offset: offset, message: "formula nested too deeply") }
    }

    func isTerminator(_ token: TeXToken, closer: Character?) -> Bool {
        switch token.kind {
        case .char(let c): return c == "}" || c == "&" || c == closer
        case .command(let name):
            return name == "\\" || name == "cr" || name == "newline" || name == "end" || name == "right"
                || name == "middle"
        case .space: return false
        }
    }

    /// Throws the error that fits a token that ended a list where it does not belong.
    func misplaced(_ token: TeXToken?) -> TeXError {
        guard let token else { return TeXError(offset: length, message: "unexpected end of formula") }
        switch token.kind {
        case .char("}"): return TeXError(offset: token.offset, message: "unbalanced '}': no matching '{'")
        case .char("&"): return TeXError(offset: token.offset, message: "misplaced '&' outside an environment")
        case .command("right"): return TeXError(offset: token.offset, message: "'\\right' without matching '\\left'")
        case .command("middle"): return TeXError(offset: token.offset, message: "'\\middle' without matching '\\left'")
        case .command("end"):
            let name = pos < tokens.count && tokens[pos] == token ? environmentName(after: pos) : nil
            let described = name.map { "'\\end{\($0)}' without matching '\\begin{\($0)}'" }
            return TeXError(offset: token.offset, message: described ?? "'\\end' without matching '\\begin'")
        case .command(let name):
            return TeXError(offset: token.offset, message: "misplaced '\\\(name)'")
        case .char(let c): return TeXError(offset: token.offset, message: "unexpected '\(c)'")
        case .space: return TeXError(offset: token.offset, message: "unexpected space")
        }
    }

    /// The `{name}` after the token at `index`, without reading it.
    func environmentName(after index: Int) -> String? {
        var i = index + 1
        while i < tokens.count, tokens[i].kind == .space { i += 1 }
        guard i < tokens.count, tokens[i].isChar("{") else { return nil }
        var name = ""
        i += 1
        while i < tokens.count, case .char(let c) = tokens[i].kind, c != "}" {
            name.append(c)
            i += 1
        }
        return i < tokens.count && tokens[i].isChar("}") ? name : nil
    }

    // MARK: Formula, rows and lists

    mutating func parseFormula() throws(TeXError) -> MathElement {
        var rows: [[MathElement]] = []
        while true {
            let list = try parseList()
            rows.append(list)
            guard let token = peek else { break }
            if case .command(let name) = token.kind, name == "\\" || name == "cr" || name == "newline" {
                pos += 1
                skipOptionalBracket()
                continue
            }
            throw misplaced(token)
        }
        if rows.count > 1, rows.last?.isEmpty == true { rows.removeLast() }
        if rows.count == 1 { return MathElement.mrow(rows[0]) }
        // Line breaks at the top level: one centred row each, like `gather`.
        let mtrs = rows.map { MathElement("mtr", children: [MathElement("mtd", children: $0)]) }
        return MathElement("mtable", [("displaystyle", display ? "true" : "false")], children: mtrs)
    }

    /// Skips a `[dimension]` such as `[2pt]` after `\\` (a row starting with `[x]` stays).
    mutating func skipOptionalBracket() {
        guard let next = peekNonSpace(), next.isChar("[") else { return }
        var i = pos
        while i < tokens.count, tokens[i].kind == .space { i += 1 }
        var text = ""
        i += 1
        while i < tokens.count, !tokens[i].isChar("]") {
            guard case .char(let c) = tokens[i].kind else { return }
            text.append(c)
            i += 1
        }
        let number = text.dropLast(2)
        guard i < tokens.count, text.count > 2, text.suffix(2).allSatisfy(\.isLetter),
              !number.isEmpty, number.allSatisfy({ "+-.0123456789".contains($0) }) else { return }
        pos = i + 1
    }

    /// Parses atoms until a terminator (`}`, `&`, `\\`, `\end`, `\right`, `\middle`, the end, or
    /// `closer`), which is left unread. Style and alphabet changes end with the list.
    mutating func parseList(closer: Character? = nil) throws(TeXError) -> [MathElement] {
        let savedDisplay = display, savedFont = font
        defer { display = savedDisplay; font = savedFont }
        var out: [MathElement] = []
        var previous: TeXAtom.Class?
        /// Style switches (`\displaystyle`, `\color`): where they start in `out` and the attributes.
        var switches: [(index: Int, attributes: [(String, String)])] = []
        var fraction: (index: Int, token: TeXToken)?

        while true {
            skipSpaces()
            guard let token = peek, !isTerminator(token, closer: closer) else { break }
            if case .command(let name) = token.kind {
                if Self.styleSwitches[name] != nil || name == "color", depth + switches.count >= Self.maxDepth {
                    // Each switch wraps the rest of the list in one more `mstyle`.
                    throw TeXError(offset: token.offset, message: "formula nested too deeply")
                }
                if let style = Self.styleSwitches[name] {
                    pos += 1
                    display = style.display
                    switches.append((out.count, style.attributes))
                    continue
                }
                if let alphabet = Self.fontSwitches[name] {
                    pos += 1
                    font = alphabet
                    continue
                }
                if name == "color" {
                    pos += 1
                    let color = try readRawArgument(for: token)
                    switches.append((out.count, [("mathcolor", color)]))
                    continue
                }
                if ["over", "choose", "atop", "brace", "brack"].contains(name) {
                    if fraction != nil {
                        throw TeXError(offset: token.offset, message: "ambiguous '\\\(name)': only one per group")
                    }
                    pos += 1
                    fraction = (out.count, token)
                    previous = nil
                    continue
                }
            }
            var atom: TeXAtom
            if token.isChar("^") || token.isChar("_") || token.isChar("'") {
                atom = TeXAtom(MathElement.mrow([]), .ord)
            } else {
                guard let parsed = try parseAtom() else { continue }
                atom = parsed
            }
            if atom.cls != .none { atom = try parseScripts(atom) }
            if atom.cls == .bin, atom.node.tag == "mo",
               previous == nil || [.bin, .op, .rel, .open, .punct].contains(previous!) {
                atom.node.setAttribute("form", "prefix")
                atom.cls = .ord
            }
            if atom.isFunction {
                if let p = previous, [.ord, .close, .inner].contains(p) { out.append(.mspace("0.1667em")) }
                out.append(atom.node)
                out.append(functionApplication())
            } else {
                out.append(atom.node)
            }
            if atom.cls != .none { previous = atom.cls }
        }

        guard let f = fraction else { return Self.applySwitches(out, switches) }
        let num = Self.applySwitches(Array(out[..<f.index]), switches.filter { $0.index < f.index })
        let den = Self.applySwitches(
            Array(out[f.index...]), switches.filter { $0.index >= f.index }.map { ($0.index - f.index, $0.attributes) })
        return [makeFraction(num: num, den: den, token: f.token)]
    }

    /// Wraps what follows each style switch in an `mstyle`, innermost last.
    static func applySwitches(_ nodes: [MathElement], _ switches: [(index: Int, attributes: [(String, String)])]) -> [MathElement] {
        var out = nodes
        for s in switches.reversed() {
            let inner = Array(out[s.index...])
            out.removeSubrange(s.index...)
            out.append(MathElement("mstyle", s.attributes, children: inner))
        }
        return out
    }

    static let styleSwitches: [String: (display: Bool, attributes: [(String, String)])] = [
        "displaystyle": (true, [("displaystyle", "true"), ("scriptlevel", "0")]),
        "textstyle": (false, [("displaystyle", "false"), ("scriptlevel", "0")]),
        "scriptstyle": (false, [("displaystyle", "false"), ("scriptlevel", "1")]),
        "scriptscriptstyle": (false, [("displaystyle", "false"), ("scriptlevel", "2")]),
    ]

    static let fontSwitches: [String: MathAlphabet?] = [
        "rm": .roman, "bf": .bold, "it": .italic, "cal": .script, "sf": .sansSerif, "tt": .monospace,
        "mit": nil,
    ]

    /// `a \over b` and friends: everything before over everything after.
    func makeFraction(num numNodes: [MathElement], den denNodes: [MathElement], token: TeXToken) -> MathElement {
        let num = MathElement.row(numNodes), den = MathElement.row(denNodes)
        guard case .command(let name) = token.kind else { return num }
        switch name {
        case "over": return MathElement("mfrac", children: [num, den])
        case "atop": return MathElement("mfrac", [("linethickness", "0")], children: [num, den])
        default:
            let (open, close) = name == "choose" ? ("(", ")") : name == "brace" ? ("{", "}") : ("[", "]")
            return MathElement.mrow([
                .mo(open), MathElement("mfrac", [("linethickness", "0")], children: [num, den]), .mo(close),
            ])
        }
    }

    /// The invisible function application after a function name, with TeX's thin space when an
    /// ordinary symbol follows (`\sin x`) and none before a delimiter or operator (`\sin(x)`).
    func functionApplication() -> MathElement {
        if let next = peekNonSpace(), !isTerminator(next, closer: nil), !Self.noSpaceAfterFunction(next) {
            return .mo("\u{2061}", [("rspace", "0.1667em")])
        }
        return .mo("\u{2061}")
    }

    static func noSpaceAfterFunction(_ token: TeXToken) -> Bool {
        switch token.kind {
        case .char(let c):
            return "([,;.:=<>+-*!/)]".contains(c)
        case .command(let name):
            if name.hasPrefix("big") || name.hasPrefix("Big") || name == "left" { return true }
            if let d = TeXSymbols.delimiterCommands[name], TeXSymbols.opening.contains(d) { return true }
            return TeXSymbols.binary[name] != nil || TeXSymbols.relation[name] != nil
                || TeXSymbols.spaces[name] != nil || name == "quad" || name == "qquad"
        case .space: return false
        }
    }

    // MARK: Scripts

    /// Reads `^`, `_`, primes, `\limits` and `\nolimits` after an atom and attaches the scripts.
    mutating func parseScripts(_ base: TeXAtom) throws(TeXError) -> TeXAtom {
        var atom = base
        var sub: MathElement?, sup: MathElement?, primes = 0
        while true {
            skipSpaces()
            guard let token = peek else { break }
            if token.isCommand("limits") { pos += 1; atom.limits = .always; continue }
            if token.isCommand("nolimits") { pos += 1; atom.limits = .never; continue }
            if token.isChar("'") {
                if sup != nil { throw TeXError(offset: token.offset, message: "double superscript: prime after '^'") }
                primes += 1
                pos += 1
                continue
            }
            if token.isChar("^") {
                if sup != nil { throw TeXError(offset: token.offset, message: "double superscript") }
                pos += 1
                sup = try parseScriptArgument(after: token)
                continue
            }
            if token.isChar("_") {
                if sub != nil { throw TeXError(offset: token.offset, message: "double subscript") }
                pos += 1
                sub = try parseScriptArgument(after: token)
                continue
            }
            break
        }
        if primes > 0 {
            let marks = ["′", "″", "‴", "⁗"]
            let prime = MathElement.mo(primes <= 4 ? marks[primes - 1] : String(repeating: "′", count: primes))
            sup = sup.map { MathElement.mrow([prime, $0]) } ?? prime
        }
        if sub == nil, sup == nil { return atom }
        let underOver = atom.limits == .always || (atom.limits == .display && display)
        if underOver, atom.limits == .always, !display, atom.node.tag == "mo" {
            atom.node.setAttribute("movablelimits", "false")
        }
        let tags = underOver ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (sub, sup) {
        case let (b?, p?): atom.node = MathElement(tags.2, children: [atom.node, b, p])
        case let (b?, nil): atom.node = MathElement(tags.0, children: [atom.node, b])
        case let (nil, p?): atom.node = MathElement(tags.1, children: [atom.node, p])
        default: break
        }
        return atom
    }

    /// A script: a group or a single token, set in script style.
    mutating func parseScriptArgument(after token: TeXToken) throws(TeXError) -> MathElement {
        let saved = display
        display = false
        defer { display = saved }
        let what = token.isChar("^") ? "superscript" : "subscript"
        return try parseArgument(what: "missing \(what) after '\(token.isChar("^") ? "^" : "_")'", at: token.offset)
    }

    // MARK: Arguments and groups

    /// A command argument: `{...}` or a single token (one digit, one letter, one command).
    mutating func parseArgument(what message: String, at offset: Int) throws(TeXError) -> MathElement {
        skipSpaces()
        guard let token = peek, !isTerminator(token, closer: nil),
              !token.isChar("^"), !token.isChar("_"), !token.isChar("'") else {
            throw TeXError(offset: offset, message: message)
        }
        if token.isChar("{") { return MathElement.row(try parseGroup()) }
        try enter(at: token.offset)
        defer { depth -= 1 }
        guard let atom = try parseAtom(single: true) else { throw TeXError(offset: offset, message: message) }
        return atom.node
    }

    mutating func argument(for command: TeXToken) throws(TeXError) -> MathElement {
        guard case .command(let name) = command.kind else { return .mrow([]) }
        return try parseArgument(what: "missing argument for '\\\(name)'", at: command.offset)
    }

    /// `{` list `}`; the current token is the `{`.
    mutating func parseGroup() throws(TeXError) -> [MathElement] {
        let open = tokens[pos]
        try enter(at: open.offset)
        pos += 1
        defer { depth -= 1 }
        let list = try parseList()
        try expectClosingBrace(open)
        return list
    }

    mutating func expectClosingBrace(_ open: TeXToken) throws(TeXError) {
        guard let token = peek else {
            throw TeXError(offset: open.offset, message: "unbalanced '{': no matching '}'")
        }
        guard token.isChar("}") else { throw misplaced(token) }
        pos += 1
    }

    /// The raw text of a `{...}` argument (environment names, colours, column specs, dimensions).
    mutating func readRawArgument(for command: TeXToken) throws(TeXError) -> String {
        skipSpaces()
        guard let open = peek, open.isChar("{") else {
            throw TeXError(offset: command.offset, message: "missing argument for '\(describe(command))'")
        }
        pos += 1
        var text = "", level = 0
        while let token = peek {
            pos += 1
            switch token.kind {
            case .char("{"): level += 1; text.append("{")
            case .char("}"):
                if level == 0 { return text }
                level -= 1
                text.append("}")
            case .char(let c): text.append(c)
            case .space: text.append(" ")
            case .command(let name): text += "\\" + name
            }
        }
        throw TeXError(offset: open.offset, message: "unbalanced '{': no matching '}'")
    }

    func describe(_ token: TeXToken) -> String {
        switch token.kind {
        case .command(let name): return "\\" + name
        case .char(let c): return String(c)
        case .space: return " "
        }
    }
}
