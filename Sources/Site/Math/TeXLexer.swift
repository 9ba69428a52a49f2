/// A problem in a TeX formula, located by the Character offset of the offending token.
public struct TeXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Character offset into the TeX source where the problem is.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "TeX error at character \(offset): \(message)" }
}

/// One token of TeX source: a control sequence, a single character, or a run of white space.
struct TeXToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `\name` (letters) or a control symbol such as `\{`, `\,` or `\\` (name is that one character).
        case command(String)
        /// Any other character, including the special ones `{ } ^ _ & ~ ' $ #`.
        case char(Character)
        /// A run of white space (TeX collapses it to one space).
        case space
    }

    var kind: Kind
    /// Character offset of the token's first character in the source.
    var offset: Int

    func isChar(_ c: Character) -> Bool { kind == .char(c) }
    func isCommand(_ name: String) -> Bool { kind == .command(name) }
}

/// Splits TeX source into tokens, following TeX's reading rules: a control word is `\` and the
/// letters after it, white space after a control word is skipped, `%` starts a comment.
enum TeXLexer {
    static func tokens(_ source: [Character]) throws(TeXError) -> [TeXToken] {
        var tokens: [TeXToken] = []
        var i = 0
        let n = source.count
        while i < n {
            let c = source[i]
            if c == "\\" {
                let start = i
                i += 1
                guard i < n else { throw TeXError(offset: start, message: "stray '\\' at the end of the formula") }
                if isLetter(source[i]) {
                    var name = ""
                    while i < n, isLetter(source[i]) {
                        name.append(source[i])
                        i += 1
                    }
                    tokens.append(TeXToken(kind: .command(name), offset: start))
                    while i < n, source[i].isWhitespace { i += 1 }
                } else {
                    // A control symbol; `\` followed by a line break or tab is a control space.
                    let symbol: Character = source[i].isWhitespace ? " " : source[i]
                    tokens.append(TeXToken(kind: .command(String(symbol)), offset: start))
                    i += 1
                }
            } else if c == "%" {
                while i < n, !source[i].isNewline { i += 1 }
            } else if c.isWhitespace {
                let start = i
                while i < n, source[i].isWhitespace { i += 1 }
                tokens.append(TeXToken(kind: .space, offset: start))
            } else {
                tokens.append(TeXToken(kind: .char(c), offset: i))
                i += 1
            }
        }
        return tokens
    }

    /// TeX's letters for control words: ASCII letters only.
    static func isLetter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (a >= 65 && a <= 90) || (a >= 97 && a <= 122)
    }
}
