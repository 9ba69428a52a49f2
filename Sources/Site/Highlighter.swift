/// Python-ish syntax highlighting for experiment code: keywords, strings, numbers, comments,
/// and called names, wrapped in spans; everything else escaped as is.
public enum Highlighter {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield", "nonlocal",
    ]

    public static func python(_ code: String) -> String {
        let chars = Array(code)
        var out = ""
        var i = 0
        func span(_ cls: String, _ text: String) { out += "<span class=\"\(cls)\">\(HTML.escape(text))</span>" }
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                span("com", String(chars[i..<j]))
                i = j
            } else if c == "\"" || c == "'" {
                let triple = i + 2 < chars.count && chars[i + 1] == c && chars[i + 2] == c
                var j = i + (triple ? 3 : 1)
                while j < chars.count {
                    if chars[j] == "\\" { j += 2; continue }
                    if triple {
                        if j + 2 < chars.count, chars[j] == c, chars[j + 1] == c, chars[j + 2] == c { j += 3; break }
                    } else if chars[j] == c || chars[j] == "\n" { j += 1; break }
                    j += 1
                }
                j = min(j, chars.count)
                span("str", String(chars[i..<j]))
                i = j
            } else if c.isNumber && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_")) {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "e" || chars[j] == "_"
                        || ((chars[j] == "-" || chars[j] == "+") && j > i && chars[j - 1] == "e") { j += 1 }
                span("num", String(chars[i..<j]))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let word = String(chars[i..<j])
                // A string prefix such as f'...' or r"..." belongs to the string.
                if j < chars.count, (chars[j] == "'" || chars[j] == "\""), word.count <= 2,
                   word.lowercased().allSatisfy({ "rbfu".contains($0) }) {
                    out += HTML.escape(word)
                } else if keywords.contains(word) {
                    span("kw", word)
                } else if j < chars.count, chars[j] == "(" {
                    span("fn", word)
                } else {
                    out += HTML.escape(word)
                }
                i = j
            } else {
                out += HTML.escape(String(c))
                i += 1
            }
        }
        return out
    }
}
