/// Turns block source into tokens, Python's way: INDENT/DEDENT from leading whitespace, newlines
/// ignored inside brackets and after a backslash, comments dropped. Locations are the lesson's.
/// In tolerant mode (for highlighting) it never throws: it also records every piece of source
/// it reads, comments included, with its range, and marks what it cannot read as invalid.
struct Lexer {
    let file: String
    let chars: [Character]
    let firstLine: Int
    let columnOffset: Int
    let tolerant: Bool
    private(set) var pieces: [SourceToken] = []
    private var i = 0
    private var line = 0
    private var lineStart = 0
    private var depth = 0
    private var indents = [0]
    private var tokens: [Token] = []
    private var atLineStart = true

    init(_ source: String, file: String, firstLine: Int, column: Int, tolerant: Bool = false) {
        self.file = file
        self.chars = Array(source)
        self.firstLine = firstLine
        self.columnOffset = column - 1
        self.tolerant = tolerant
    }

    private mutating func piece(_ kind: SourceToken.Kind, from start: Int) {
        if tolerant && i > start { pieces.append(SourceToken(kind: kind, range: start..<i)) }
    }

    /// Runs one step of the lexer; in tolerant mode an error marks what the step read (at
    /// least one character) as invalid and lexing goes on after it.
    private mutating func recovering(from start: Int, _ step: (inout Lexer) throws -> Void) throws {
        do {
            try step(&self)
        } catch {
            guard tolerant else { throw error }
            i = max(min(i, chars.count), min(start + 1, chars.count))
            pieces.removeAll { $0.range.lowerBound >= start }
            piece(.invalid, from: start)
        }
    }

    private var column: Int { i - lineStart + 1 + columnOffset }

    func error(_ message: String, line l: Int? = nil, column c: Int? = nil) -> ScriptError {
        ScriptError(kind: "SyntaxError", message: message,
                    location: SourceLocation(file: file, line: firstLine + (l ?? line), column: c ?? (i - lineStart + 1 + columnOffset)))
    }

    private mutating func add(_ kind: Token.Kind, _ text: String, line l: Int, column c: Int) {
        tokens.append(Token(kind: kind, text: text, line: firstLine + l, column: c))
    }

    mutating func tokenize() throws -> [Token] {
        while i < chars.count {
            if atLineStart && depth == 0 {
                do { try handleIndentation() } catch { if !tolerant { throw error } }
                if i >= chars.count { break }
            }
            let c = chars[i]
            if c == "\n" {
                if depth == 0, let last = tokens.last, last.kind != .newline {
                    add(.newline, "\n", line: line, column: column)
                }
                i += 1
                line += 1
                lineStart = i
                // Inside brackets a line break continues the line: its indentation means nothing,
                // even once the bracket closes further along it.
                atLineStart = depth == 0
                continue
            }
            if c == " " || c == "\t" || c == "\r" || c == "\u{0C}" { i += 1; continue }
            if c == "#" {
                skipComment()
                continue
            }
            let start = i
            let startColumn = column
            if c == "\\" {
                try recovering(from: start) { l in
                    var j = l.i + 1
                    while j < l.chars.count, l.chars[j] == " " || l.chars[j] == "\r" { j += 1 }
                    guard j < l.chars.count, l.chars[j] == "\n" else { throw l.error("unexpected character after line continuation character") }
                    l.i = j + 1
                    l.line += 1
                    l.lineStart = l.i
                }
                continue
            }
            if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let word = String(chars[start..<i])
                if i < chars.count, chars[i] == "'" || chars[i] == "\"", word.count <= 2,
                   word.lowercased().allSatisfy({ "rfbu".contains($0) }) {
                    let lower = word.lowercased()
                    try recovering(from: start) { l in
                        if lower.contains("b") && !l.tolerant { throw l.error("bytes literals are not supported", column: startColumn) }
                        try l.string(raw: lower.contains("r"), formatted: lower.contains("f"), startColumn: startColumn)
                        l.piece(.string, from: start)
                    }
                    continue
                }
                add(.name, word, line: line, column: startColumn)
                piece(Parser.keywords.contains(word) ? .keyword : .name, from: start)
                continue
            }
            if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                try recovering(from: start) { l in
                    try l.number(startColumn)
                    l.piece(.number, from: start)
                }
                continue
            }
            if c == "'" || c == "\"" {
                try recovering(from: start) { l in
                    try l.string(raw: false, formatted: false, startColumn: startColumn)
                    l.piece(.string, from: start)
                }
                continue
            }
            try recovering(from: start) { l in
                try l.op(startColumn)
                l.piece(.operator, from: start)
            }
        }
        if let last = tokens.last, last.kind != .newline { add(.newline, "", line: line, column: column) }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, "", line: line, column: column)
        }
        add(.end, "", line: line, column: column)
        return tokens
    }

    private mutating func handleIndentation() throws {
        var width = 0
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\t" {
            width = chars[j] == "\t" ? (width / 8 + 1) * 8 : width + 1
            j += 1
        }
        // Blank and comment-only lines do not affect indentation.
        if j >= chars.count || chars[j] == "\n" || chars[j] == "#" || chars[j] == "\r" {
            i = j
            if j < chars.count, chars[j] == "#" { skipComment() }
            return
        }
        i = j
        atLineStart = false
        if width > indents[indents.count - 1] {
            indents.append(width)
            add(.indent, "", line: line, column: column)
        } else {
            while width < indents[indents.count - 1] {
                indents.removeLast()
                add(.dedent, "", line: line, column: column)
            }
            if width != indents[indents.count - 1] {
                throw error("unindent does not match any outer indentation level")
            }
        }
    }

    private mutating func skipComment() {
        let start = i
        while i < chars.count, chars[i] != "\n" { i += 1 }
        piece(.comment, from: start)
    }

    private mutating func number(_ startColumn: Int) throws {
        let start = i
        if chars[i] == "0", i + 1 < chars.count, "xXoObB".contains(chars[i + 1]) {
            let radix: Int = "xX".contains(chars[i + 1]) ? 16 : "oO".contains(chars[i + 1]) ? 8 : 2
            i += 2
            let digitsStart = i
            while i < chars.count, chars[i].isHexDigit || chars[i] == "_" { i += 1 }
            guard let v = Int(String(chars[digitsStart..<i]).replacingOccurrences(of: "_", with: ""), radix: radix) else {
                throw error("invalid number literal", column: startColumn)
            }
            add(.int(v), String(chars[start..<i]), line: line, column: startColumn)
            return
        }
        var isFloat = false
        while i < chars.count, chars[i].isNumber || chars[i] == "_" { i += 1 }
        if i < chars.count, chars[i] == "." {
            isFloat = true
            i += 1
            while i < chars.count, chars[i].isNumber || chars[i] == "_" { i += 1 }
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if j < chars.count, chars[j].isNumber {
                isFloat = true
                i = j
                while i < chars.count, chars[i].isNumber { i += 1 }
            }
        }
        if i < chars.count, chars[i] == "j" || chars[i] == "J" {
            if tolerant { i += 1; return }
            throw error("complex numbers are not supported", column: startColumn)
        }
        let text = String(chars[start..<i]).replacingOccurrences(of: "_", with: "")
        if isFloat {
            guard let v = Double(text) else { throw error("invalid number literal", column: startColumn) }
            add(.float(v), text, line: line, column: startColumn)
        } else if let v = Int(text) {
            add(.int(v), text, line: line, column: startColumn)
        } else if let v = Double(text) {
            // Larger than 64 bits: kept as a float rather than failing.
            add(.float(v), text, line: line, column: startColumn)
        } else {
            throw error("invalid number literal", column: startColumn)
        }
    }

    private mutating func string(raw: Bool, formatted: Bool, startColumn: Int) throws {
        let quote = chars[i]
        let startLine = line
        let triple = i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote
        i += triple ? 3 : 1
        var value = ""
        while true {
            guard i < chars.count else {
                throw error(triple ? "unterminated triple-quoted string literal" : "unterminated string literal",
                            line: startLine, column: startColumn)
            }
            let c = chars[i]
            if c == quote {
                if !triple { i += 1; break }
                if i + 2 < chars.count, chars[i + 1] == quote, chars[i + 2] == quote { i += 3; break }
            }
            if c == "\n" {
                guard triple else { throw error("unterminated string literal", line: startLine, column: startColumn) }
                line += 1
                lineStart = i + 1
            }
            if c == "\\" && i + 1 < chars.count {
                let n = chars[i + 1]
                if raw || formatted {
                    // f-strings keep escapes for the second pass, which also reads the braces.
                    if formatted && !raw {
                        if let e = Lexer.escape(n) {
                            value.append(e)
                        } else {
                            value.append("\\")
                            value.append(n)
                            if n == "\n" { line += 1; lineStart = i + 2 }
                        }
                    } else {
                        value.append("\\")
                        value.append(n)
                    }
                    i += 2
                    continue
                }
                if n == "\n" { i += 2; line += 1; lineStart = i; continue }
                if let e = Lexer.escape(n) { value.append(e); i += 2; continue }
                if n == "x" || n == "u", let scalar = hexEscape(n == "x" ? 2 : 4) { value.append(Character(scalar)); continue }
                value.append("\\")
                i += 1
                continue
            }
            value.append(c)
            i += 1
        }
        add(.string(value, formatted: formatted), String(quote), line: startLine, column: startColumn)
    }

    private mutating func hexEscape(_ n: Int) -> Unicode.Scalar? {
        guard i + 2 + n <= chars.count, let v = UInt32(String(chars[(i + 2)..<(i + 2 + n)]), radix: 16),
              let s = Unicode.Scalar(v) else { return nil }
        i += 2 + n
        return s
    }

    static func escape(_ c: Character) -> Character? {
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "0": return "\0"
        case "\\": return "\\"
        case "'": return "'"
        case "\"": return "\""
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        default: return nil
        }
    }

    static let threeCharOps = ["**=", "//=", ">>=", "<<=", "...", "!="]
    static let twoCharOps = ["**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "->", "<<", ">>", ":="]
    static let oneCharOps: Set<Character> = ["+", "-", "*", "/", "%", "@", "<", ">", "=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "&", "|", "^", "~"]

    private mutating func op(_ startColumn: Int) throws {
        for length in [3, 2] where i + length <= chars.count {
            let s = String(chars[i..<(i + length)])
            if (length == 3 ? Lexer.threeCharOps : Lexer.twoCharOps).contains(s) {
                i += length
                add(.op, s, line: line, column: startColumn)
                return
            }
        }
        let c = chars[i]
        guard Lexer.oneCharOps.contains(c) else {
            if c == "!" { throw error("invalid syntax: '!' is not an operator; use 'not'") }
            throw error("invalid character '\(c)' (U+\(String(c.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)))")
        }
        if "([{".contains(c) {
            depth += 1
            // CPython's tokenizer stops at 200 open brackets; so do we, before any recursion.
            if depth > 200 { throw error("too many nested parentheses") }
        }
        if ")]}".contains(c) { depth = max(0, depth - 1) }
        i += 1
        add(.op, String(c), line: line, column: startColumn)
    }
}
