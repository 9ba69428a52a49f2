/// Turns a lesson's Markdown into a `Lesson`. Parsing never throws: odd input still gives a
/// lesson, and problems with its front matter and experiment options become diagnostics.
public enum LessonParser {
    public static func parse(file: String, source rawSource: String) -> Lesson {
        // Windows (CRLF) and old Mac (CR) line endings read as LF: the same blocks run.
        let source = rawSource.contains("\r")
            ? rawSource.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : rawSource
        var segments: [Segment] = []
        let (front, frontProblems) = FrontMatter.parse(source, file: file)
        var diagnostics = frontProblems
        // The front matter's lines read as blank lines from here on: every line keeps its number.
        let body = FrontMatter.blanked(source, lineCount: front.lineCount)
        var title: String?
        var pending: [Prose.Block] = []
        var pendingLine = 0
        var experimentCount = 0
        var seenIDs: [String: Int] = [:]
        var seenLabels: [String: Int] = [:]
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // Math is found before cmark reads the lesson, so that `_` and `*` in a formula are
        // never emphasis; each formula waits behind a placeholder that keeps every line's number.
        let (mathless, formulas) = MathPlaceholders.substitute(body)
        // Footnote definitions leave blank lines and references placeholders (cmark would read
        // a definition as a link definition).
        let (footnoteless, definitions) = FootnotePlaceholders.substitute(mathless)
        // MyST's `:::{note}` fences read as GitHub's `> [!NOTE]` quotes.
        let parsed = ColonFences.rewrite(footnoteless)
        var prose = ProseBuilder(parsedText: parsed, formulas: formulas,
                                 footnoteLabels: Dictionary(uniqueKeysWithValues: definitions.map { ($0.number, $0.label) }))

        func flushProse() {
            if !pending.isEmpty { segments.append(.prose(Prose(blocks: pending, line: pendingLine))) }
            pending = []
        }
        func appendProse(_ blocks: [Prose.Block], line: Int) {
            if pending.isEmpty { pendingLine = line }
            pending += blocks
        }

        for node in CMarkParser.document(parsed).children {
            switch node.kind {
            case .codeBlock(let info, let literal):
                let fenceText = node.startLine >= 1 && node.startLine <= lines.count ? String(lines[node.startLine - 1]) : ""
                let opening = fenceText.drop(while: { $0 == " " })
                let fenced = opening.hasPrefix("```") || opening.hasPrefix("~~~")
                let code = prose.restored(literal)
                if fenced && isExperiment(info) {
                    flushProse()
                    experimentCount += 1
                    let fenceIndent = fenceText.prefix(while: { $0 == " " }).count
                    let infoColumn = infoStartColumn(fenceText)
                    let parsedOptions = parseOptions(info, line: node.startLine, infoColumn: infoColumn, file: file,
                                                     defaults: front.defaults)
                    var options = parsedOptions.0
                    diagnostics += parsedOptions.1
                    let (optionLines, cellProblems) = cellOptions(code, line: node.startLine + 1, column: fenceIndent + 1,
                                                                  file: file, into: &options)
                    diagnostics += cellProblems
                    let id = options.id ?? "block-\(experimentCount)"
                    if let other = seenIDs[id] {
                        diagnostics.append(LessonDiagnostic(file: file, line: node.startLine, column: infoColumn,
                            message: "duplicate experiment id '\(id)' (first used on line \(other))"))
                    }
                    seenIDs[id] = node.startLine
                    if let label = options.label {
                        if let other = seenLabels[label] {
                            diagnostics.append(LessonDiagnostic(file: file, line: node.startLine, column: infoColumn,
                                message: "duplicate figure label '\(label)' (first used on line \(other))"))
                        }
                        seenLabels[label] = node.startLine
                    }
                    segments.append(.experiment(ExperimentBlock(
                        id: id, options: options, code: code, fenceLine: node.startLine,
                        codeLine: node.startLine + 1, codeColumn: fenceIndent + 1, optionLineCount: optionLines)))
                } else if let problem = nearExperiment(info) {
                    diagnostics.append(LessonDiagnostic(file: file, line: node.startLine, column: infoStartColumn(fenceText), message: problem))
                    flushProse()
                    segments.append(.code(CodeBlock(language: "experiment", code: code, line: node.startLine)))
                } else if info.split(separator: " ", maxSplits: 1).first == "math" {
                    appendProse(prose.blocks(node), line: node.startLine)
                } else {
                    flushProse()
                    let language = info.split(separator: " ").first.map(String.init) ?? ""
                    segments.append(.code(CodeBlock(language: language, code: code, line: node.startLine)))
                }
            case .heading(let level):
                let blocks = prose.blocks(node)
                if title == nil, level == 1, case .heading(_, let text)? = blocks.first {
                    title = Prose.Inline.plainText(text)
                }
                appendProse(blocks, line: node.startLine)
            case .document, .blockQuote, .item, .htmlBlock, .paragraph, .thematicBreak, .list,
                 .text, .softBreak, .lineBreak, .htmlInline, .emphasis, .strong, .code, .link, .image, .custom:
                for line in nestedExperiments(node) {
                    diagnostics.append(LessonDiagnostic(file: file, line: line, column: 1, message:
                        "an experiment block inside a list item or a quote does not run; put its fence at the start of a line, outside the list or quote"))
                }
                appendProse(prose.blocks(node), line: node.startLine)
            }
        }
        flushProse()
        let footnotes = prose.footnotes(definitions)
        // A label is an anchor on the page, as a block's id is: the two may not meet.
        for (label, line) in seenLabels.sorted(by: { $0.value < $1.value }) where seenIDs[label] != nil {
            diagnostics.append(LessonDiagnostic(file: file, line: line, column: 1,
                message: "figure label '\(label)' is also an experiment id (line \(seenIDs[label] ?? line)); the page needs them different"))
        }
        let fallback = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        let math = prose.math.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return Lesson(file: file, source: source, title: front.title ?? title ?? fallback, segments: segments,
                      diagnostics: diagnostics, math: math, frontMatter: front,
                      figureReferences: figureReferences(body), footnotes: footnotes)
    }

    static func isExperiment(_ info: String) -> Bool {
        let word = info.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
        return word == "experiment" || word.hasPrefix("experiment{")
    }

    /// A problem with an info string that was surely meant to start an experiment block: the word
    /// followed by a space that is not an ordinary one (a no-break space from a word processor).
    static func nearExperiment(_ info: String) -> String? {
        guard info.hasPrefix("experiment"), let next = info.dropFirst("experiment".count).first,
              next != " ", next != "\t", next.isWhitespace else { return nil }
        let code = String(next.unicodeScalars.first!.value, radix: 16, uppercase: true)
        return "the character after 'experiment' is U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), not an ordinary space, so this block would not run; type a plain space"
    }

    /// Lines of experiment fences nested in a list or quote (walked without recursion).
    static func nestedExperiments(_ node: CMarkNode) -> [Int] {
        var lines: [Int] = []
        var stack = node.children
        while let n = stack.popLast() {
            if case .codeBlock(let info, _) = n.kind, isExperiment(info) { lines.append(n.startLine) }
            stack += n.children
        }
        return lines.sorted()
    }

    /// Column (1-based) where the info string begins on the fence line.
    static func infoStartColumn(_ fence: String) -> Int {
        let chars = Array(fence)
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        let fenceChar = i < chars.count ? chars[i] : "`"
        while i < chars.count, chars[i] == fenceChar { i += 1 }
        while i < chars.count, chars[i] == " " { i += 1 }
        return i + 1
    }
}
