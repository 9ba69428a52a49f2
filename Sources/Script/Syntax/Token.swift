/// A lexical token with where it starts in the lesson.
struct Token {
    enum Kind: Equatable {
        case name
        case int(Int)
        case float(Double)
        /// A string literal's value; `formatted` for f-strings, whose text is still to be parsed.
        case string(String, formatted: Bool)
        case op
        case newline
        case indent
        case dedent
        case end
    }

    var kind: Kind
    var text: String
    var line: Int
    var column: Int
}
