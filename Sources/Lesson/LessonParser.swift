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
}
