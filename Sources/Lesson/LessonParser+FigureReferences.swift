extension LessonParser {
    /// Every `@fig-label` in the prose of `source`, with its line and column: outside code blocks
    /// and code spans, and not inside a word (so `me@fig-tree.org` is no reference).
    static func figureReferences(_ source: String, startingAt firstLine: Int = 1) -> [FigureReference] {
        let chars = Array(source)
        let inCode = MarkdownCodeBlocks.mask(chars)
        var references: [FigureReference] = []
        var line = 1, column = 1
        var backticks = 0  // code spans open on this line: an odd count of backtick runs
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isNewline {
                line += 1
                column = 1
                backticks = 0
                i += 1
                continue
            }
            if c == "`", !inCode[i] {
                var j = i
                while j < chars.count, chars[j] == "`" { j += 1 }
                backticks += 1
                column += j - i
                i = j
                continue
            }
            if c == "@", !inCode[i], backticks % 2 == 0, line >= firstLine,
               i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_") {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" { j += 1 }
                var label = String(chars[(i + 1)..<j])
                while label.hasSuffix("-") { label.removeLast() }
                if label.hasPrefix("fig-"), label.count > 4 {
                    references.append(FigureReference(label: label, line: line, column: column))
                }
            }
            column += 1
            i += 1
        }
        return references
    }
}
