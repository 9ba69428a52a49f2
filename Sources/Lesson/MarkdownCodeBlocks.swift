/// Which characters of a Markdown document lie in code blocks: fenced (``` or ~~~, closed by a
/// fence of the same character at least as long, or by the end of the document) and indented
/// (four columns past the enclosing list item's content, not continuing a paragraph).
enum MarkdownCodeBlocks {
    /// Which lines lie in code blocks.
    static func lines(_ text: String, lineCount: Int) -> [Bool] {
        let chars = Array(text)
        let mask = mask(chars)
        var result = [Bool](repeating: false, count: lineCount)
        var line = 0, start = true
        for (i, c) in chars.enumerated() {
            if start, line < lineCount { result[line] = mask[i] }
            start = c.isNewline
            if c.isNewline { line += 1 }
        }
        return result
    }

    static func mask(_ chars: [Character]) -> [Bool] {
        var mask = [Bool](repeating: false, count: chars.count)
        var fence: (char: Character, length: Int)?
        var previousIsParagraph = false
        var inIndentedCode = false
        var contentIndent = 0
        var previousBlank = true

        var start = 0
        while start < chars.count {
            var end = start
            while end < chars.count, !chars[end].isNewline { end += 1 }
            let line = chars[start..<end]
            let lineEnd = min(end + 1, chars.count)  // including the line break
            func markCode() { for k in start..<lineEnd { mask[k] = true } }
            defer { start = end + 1 }

            let (indent, firstIndex) = Self.indentation(line)
            let blank = firstIndex == line.endIndex

            if let open = fence {
                markCode()
                if let close = Self.fenceMarker(line, from: firstIndex), close.char == open.char,
                   close.length >= open.length, line[(firstIndex + close.length)...].allSatisfy(\.isWhitespace) {
                    fence = nil
                }
                continue
            }
            if blank {
                if inIndentedCode { markCode() }
                previousIsParagraph = false
                previousBlank = true
                continue
            }
            if let open = Self.fenceMarker(line, from: firstIndex),
               open.char == "~" || !line[(firstIndex + open.length)...].contains("`") {
                fence = open
                inIndentedCode = false
                previousIsParagraph = false
                previousBlank = false
                markCode()
                continue
            }
            if indent >= contentIndent + 4, inIndentedCode || !previousIsParagraph {
                inIndentedCode = true
                previousBlank = false
                markCode()
                continue
            }
            inIndentedCode = false
            if let width = Self.listMarkerWidth(line, from: firstIndex) {
                contentIndent = indent + width
            } else if previousBlank, indent < contentIndent {
                contentIndent = 0
            }
            previousIsParagraph = true
            previousBlank = false
        }
        return mask
    }

    /// Columns of leading white space (tabs to the next multiple of four) and the first other character.
    static func indentation(_ line: ArraySlice<Character>) -> (Int, Int) {
        var column = 0
        var i = line.startIndex
        while i < line.endIndex {
            if line[i] == " " {
                column += 1
            } else if line[i] == "\t" {
                column += 4 - column % 4
            } else {
                break
            }
            i += 1
        }
        return (column, i)
    }

    /// A run of three or more backticks or tildes at `i`.
    static func fenceMarker(_ line: ArraySlice<Character>, from i: Int) -> (char: Character, length: Int)? {
        guard i < line.endIndex, line[i] == "`" || line[i] == "~" else { return nil }
        var j = i
        while j < line.endIndex, line[j] == line[i] { j += 1 }
        return j - i >= 3 ? (line[i], j - i) : nil
    }

    /// Width of a list marker (`-`, `*`, `+`, `1.`, `1)`) and the spaces after it, or nil.
    static func listMarkerWidth(_ line: ArraySlice<Character>, from i: Int) -> Int? {
        var j = i
        if j < line.endIndex, "-*+".contains(line[j]) {
            j += 1
        } else {
            while j < line.endIndex, j - i < 9, line[j].isASCII, line[j].isWholeNumber { j += 1 }
            guard j > i, j < line.endIndex, line[j] == "." || line[j] == ")" else { return nil }
            j += 1
        }
        guard j < line.endIndex, line[j] == " " || line[j] == "\t" else { return j == line.endIndex ? j - i + 1 : nil }
        var spaces = 0
        while j < line.endIndex, line[j] == " ", spaces < 5 {
            spaces += 1
            j += 1
        }
        if spaces == 0 { spaces = 1 }
        return (j - i - spaces) + (spaces > 4 ? 1 : spaces)
    }
}
