/// Turns a lesson's Markdown into a `Lesson`. Parsing never throws: odd input still gives a
/// lesson, and problems with experiment options become diagnostics.
public enum LessonParser {
    public static func parse(file: String, source: String) -> Lesson {
        var segments: [Segment] = []
        var diagnostics: [LessonDiagnostic] = []
        var title: String?
        var pendingHTML = ""
        var pendingLine = 0
        var experimentCount = 0
        var seenIDs: [String: Int] = [:]
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)

        func flushProse() {
            if !pendingHTML.isEmpty { segments.append(.prose(html: pendingHTML, line: pendingLine)) }
            pendingHTML = ""
        }

        for block in CMarkParser.topLevelBlocks(source) {
            switch block.kind {
            case .codeBlock(let info, let fenced) where fenced && isExperiment(info):
                flushProse()
                experimentCount += 1
                let fenceText = block.startLine >= 1 && block.startLine <= lines.count ? String(lines[block.startLine - 1]) : ""
                let fenceIndent = fenceText.prefix(while: { $0 == " " }).count
                let infoColumn = infoStartColumn(fenceText)
                let (options, problems) = parseOptions(info, line: block.startLine, infoColumn: infoColumn, file: file)
                diagnostics += problems
                let id = options.id ?? "block-\(experimentCount)"
                if let other = seenIDs[id] {
                    diagnostics.append(LessonDiagnostic(file: file, line: block.startLine, column: infoColumn,
                        message: "duplicate experiment id '\(id)' (first used on line \(other))"))
                }
                seenIDs[id] = block.startLine
                segments.append(.experiment(ExperimentBlock(
                    id: id, options: options, code: block.text, fenceLine: block.startLine,
                    codeLine: block.startLine + 1, codeColumn: fenceIndent + 1)))
            case .codeBlock(let info, _):
                flushProse()
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                segments.append(.code(CodeBlock(language: language, code: block.text, line: block.startLine)))
            case .heading(let level):
                if title == nil, level == 1 { title = block.text }
                fallthrough
            case .other:
                if pendingHTML.isEmpty { pendingLine = block.startLine }
                pendingHTML += block.html
            }
        }
        flushProse()
        let fallback = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        return Lesson(file: file, source: source, title: title ?? fallback, segments: segments, diagnostics: diagnostics)
    }

    static func isExperiment(_ info: String) -> Bool {
        let word = info.split(separator: " ", maxSplits: 1).first ?? ""
        return word == "experiment" || word.hasPrefix("experiment{")
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

    /// Parses `experiment key=value ...`. Unknown keys and bad values are diagnostics that name
    /// the column of the offending word.
    static func parseOptions(_ info: String, line: Int, infoColumn: Int, file: String) -> (BlockOptions, [LessonDiagnostic]) {
        var options = BlockOptions()
        var problems: [LessonDiagnostic] = []
        var column = infoColumn
        let chars = Array(info)
        var i = 0
        var words: [(String, Int)] = []
        while i < chars.count {
            while i < chars.count, chars[i] == " " { i += 1 }
            let start = i
            while i < chars.count, chars[i] != " " { i += 1 }
            if start < i { words.append((String(chars[start..<i]), infoColumn + start)) }
        }
        for (word, col) in words.dropFirst() {
            column = col
            func problem(_ m: String) { problems.append(LessonDiagnostic(file: file, line: line, column: column, message: m)) }
            if word == "params" {
                options.params = true
                continue
            }
            guard let eq = word.firstIndex(of: "=") else {
                problem("experiment option '\(word)' needs a value, as in key=value; known options: \(BlockOptions.known.joined(separator: ", "))")
                continue
            }
            let key = String(word[..<eq])
            let value = String(word[word.index(after: eq)...])
            switch key {
            case "id":
                if value.isEmpty || !value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                    problem("experiment id must be letters, digits, '-' or '_'. Received: id=\(value)")
                } else {
                    options.id = value
                }
            case "timeout":
                if let t = Double(value), t > 0, t <= BlockOptions.maxTimeout { options.timeout = t } else {
                    problem("experiment timeout expects a positive number of seconds, at most \(Int(BlockOptions.maxTimeout)) (a day). Received: timeout=\(value)")
                }
            case "params":
                switch value {
                case "true": options.params = true
                case "false": options.params = false
                default: problem("experiment params expects true or false (or the bare word params). Received: params=\(value)")
                }
            case "echo":
                switch value {
                case "true": options.echo = true
                case "false": options.echo = false
                default: problem("experiment echo expects true or false. Received: echo=\(value)")
                }
            default:
                var m = "unknown experiment option '\(key)'"
                if let s = closest(key, BlockOptions.known) { m += "; did you mean '\(s)'?" }
                problem(m + " Known options: \(BlockOptions.known.joined(separator: ", "))")
            }
        }
        return (options, problems)
    }

    private static func closest(_ word: String, _ candidates: [String]) -> String? {
        candidates.first { c in
            let a = Array(word), b = Array(c)
            var prev = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var cur = [i] + [Int](repeating: 0, count: b.count)
                for j in 1...max(1, b.count) where !b.isEmpty {
                    cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                prev = cur
            }
            return prev[b.count] <= 2
        }
    }
}
