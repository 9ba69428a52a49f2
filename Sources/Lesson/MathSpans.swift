/// A TeX formula found in Markdown between dollar signs.
public struct MathSpan: Sendable, Equatable {
    /// The whole span, delimiters included.
    public var range: Range<String.Index>
    /// The TeX between the delimiters, as written.
    public var tex: String
    /// True for `$$...$$`.
    public var display: Bool
    /// Where `tex` starts in the Markdown (a `TeXError` offset counts Characters from here).
    public var texStart: String.Index

    public init(range: Range<String.Index>, tex: String, display: Bool, texStart: String.Index) {
        self.range = range
        self.tex = tex
        self.display = display
        self.texStart = texStart
    }
}

/// Finds math in Markdown by Pandoc's `tex_math_dollars` rules.
///
/// `$...$` is inline math when the opening `$` has a non-space character right after it and
/// the closing `$` has a non-space character right before it and no digit right after it, so
/// `$5 and $10` stays text. `$$...$$` is display math and may span lines. Neither may contain a
/// blank line. `\$` is a literal dollar. Code spans and fenced or indented code blocks hold no math.
public enum MathSpans {
    public static func find(in markdown: String) -> [MathSpan] {
        var scanner = Scanner(markdown)
        return scanner.spans()
    }

    struct Scanner {
        let text: String
        let chars: [Character]
        /// String index of every Character, plus the end index.
        let indices: [String.Index]
        /// For each Character: true when it lies in a code block (fenced or indented).
        var inCodeBlock: [Bool]

        init(_ text: String) {
            self.text = text
            chars = Array(text)
            var idx = Array(text.indices)
            idx.append(text.endIndex)
            indices = idx
            inCodeBlock = MarkdownCodeBlocks.mask(chars)
        }

        var count: Int { chars.count }

        mutating func spans() -> [MathSpan] {
            var result: [MathSpan] = []
            var i = 0
            while i < count {
                if inCodeBlock[i] {
                    i += 1
                    continue
                }
                let c = chars[i]
                if c == "\\" {
                    // A backslash escape: `\$` and `` \` `` are literal characters.
                    if i + 1 < count, !chars[i + 1].isLetter, !chars[i + 1].isNumber, !chars[i + 1].isNewline {
                        i += 2
                    } else {
                        i += 1
                    }
                } else if c == "`" {
                    i = skipCodeSpan(at: i)
                } else if c == "$" {
                    if i + 1 < count, chars[i + 1] == "$", let end = displayEnd(at: i) {
                        result.append(span(i, i + 2, end, end + 2, display: true))
                        i = end + 2
                    } else if let end = inlineEnd(at: i) {
                        result.append(span(i, i + 1, end, end + 1, display: false))
                        i = end + 1
                    } else {
                        i += 1
                    }
                } else {
                    i += 1
                }
            }
            return result
        }

        func span(_ start: Int, _ texStart: Int, _ texEnd: Int, _ end: Int, display: Bool) -> MathSpan {
            MathSpan(
                range: indices[start]..<indices[end], tex: String(text[indices[texStart]..<indices[texEnd]]),
                display: display, texStart: indices[texStart])
        }

        /// True when the line after the newline at `i` is blank (only spaces and tabs).
        func blankLineFollows(_ i: Int) -> Bool {
            var j = i + 1
            while j < count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            return j < count && chars[j].isNewline
        }

        /// The index of the closing `$$` of display math opened at `start`, or nil.
        func displayEnd(at start: Int) -> Int? {
            var j = start + 2
            var consumed = 0
            while j < count {
                if inCodeBlock[j] { return nil }
                if consumed > 0, chars[j] == "$", j + 1 < count, chars[j + 1] == "$" { return j }
                if chars[j].isNewline, blankLineFollows(j) { return nil }
                j += 1
                consumed += 1
            }
            return nil
        }

        /// The index of the closing `$` of inline math opened at `start`, or nil.
        func inlineEnd(at start: Int) -> Int? {
            var j = start + 1
            guard j < count, !chars[j].isWhitespace else { return nil }
            var consumed = 0
            while j < count {
                if inCodeBlock[j] { return nil }
                let c = chars[j]
                if c == "$", consumed > 0 {
                    if j + 1 < count, chars[j + 1].isASCII, chars[j + 1].isWholeNumber { return nil }
                    return j
                }
                if c == "\\" {
                    guard j + 1 < count else { return nil }
                    j = skipTextCommand(at: j) ?? j + 2
                } else if c.isWhitespace {
                    // A run of white space with at most one line break, not followed by the closing `$`.
                    var newlines = 0
                    while j < count, chars[j].isWhitespace {
                        if chars[j].isNewline {
                            newlines += 1
                            if newlines > 1 || blankLineFollows(j) { return nil }
                        }
                        j += 1
                    }
                    if j < count, chars[j] == "$" { return nil }
                } else {
                    j += 1
                }
                consumed += 1
            }
            return nil
        }

        /// After `\text{...}` with balanced braces (which may hold `$`), or nil when not that.
        func skipTextCommand(at i: Int) -> Int? {
            let word: [Character] = ["t", "e", "x", "t"]
            guard i + 5 < count, Array(chars[(i + 1)...(i + 4)]) == word, chars[i + 5] == "{" else { return nil }
            var level = 0
            var j = i + 5
            while j < count {
                if chars[j] == "{" { level += 1 }
                if chars[j] == "}" {
                    level -= 1
                    if level == 0 { return j + 1 }
                }
                if chars[j].isNewline, blankLineFollows(j) { return nil }
                j += 1
            }
            return nil
        }

        /// After the code span whose opening backticks start at `i`; after the backticks alone
        /// when no run of the same length closes it (they are then literal).
        func skipCodeSpan(at i: Int) -> Int {
            var j = i
            while j < count, chars[j] == "`" { j += 1 }
            let length = j - i
            var k = j
            while k < count {
                if inCodeBlock[k] { return j }
                if chars[k].isNewline, blankLineFollows(k) { return j }
                if chars[k] == "`" {
                    var e = k
                    while e < count, chars[e] == "`" { e += 1 }
                    if e - k == length { return e }
                    k = e
                } else {
                    k += 1
                }
            }
            return j
        }
    }
}
