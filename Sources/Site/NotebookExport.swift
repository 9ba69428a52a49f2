import Foundation
import Lesson
import Notebook

/// Turns a lesson and its record into a Jupyter notebook (nbformat 4.5), so a course can be
/// opened in Jupyter, Colab or VS Code with every output already in place.
///
/// The prose between experiment blocks becomes markdown cells holding the lesson's own Markdown
/// (shown code blocks stay in it as fenced code); each experiment block becomes a code cell with
/// its recorded outputs. Nothing runs and nothing is read from disk: the figures' PNG bytes are
/// handed in.
public enum NotebookExport {
    /// The notebook as the bytes of a `.ipynb` file: sorted keys, one-space indent, a final newline,
    /// the layout Jupyter writes. `figures` holds PNG bytes keyed by the path the record names
    /// (relative to the output folder); a figure missing from it is exported as its description.
    public static func notebook(_ lesson: Lesson, record: LessonRecord, figures: [String: Data]) -> Data {
        Data((document(lesson, record: record, figures: figures).serialized(indent: 1) + "\n").utf8)
    }

    /// The notebook as a JSON value.
    static func document(_ lesson: Lesson, record: LessonRecord, figures: [String: Data]) -> JSONText {
        let lines = sourceLines(lesson.source)
        var ids = CellIDs()
        var cells: [JSONText] = []
        var markdownCount = 0
        var executionCount = 0

        func addMarkdown(from first: Int, through last: Int) {
            guard let text = markdown(lines, from: first, through: last) else { return }
            markdownCount += 1
            cells.append(.object([
                "cell_type": .string("markdown"),
                "id": .string(ids.make("markdown-\(markdownCount)")),
                "metadata": .object([:]),
                "source": multiline(text),
            ]))
        }

        // Where each segment starts, so a block's end can never run past the next segment.
        let starts = lesson.segments.map(startLine)
        var cursor = lesson.frontMatter.lineCount + 1  // the front matter is no markdown cell
        var experimentIndex = 0
        for (index, segment) in lesson.segments.enumerated() {
            guard case .experiment(let block) = segment else { continue }
            addMarkdown(from: cursor, through: block.fenceLine - 1)
            let blockRecord = recordOf(block, at: experimentIndex, in: record)
            experimentIndex += 1
            var count: Int?
            if blockRecord != nil {
                executionCount += 1
                count = executionCount
            }
            cells.append(codeCell(block, record: blockRecord, count: count, id: ids.make(block.id), figures: figures))
            // The closing fence follows the code's lines; an unclosed fence runs to the end.
            let codeLines = block.code.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            let next = index + 1 < starts.count ? starts[index + 1] : lines.count + 1
            cursor = max(cursor, min(block.fenceLine + codeLines + 2, next))
        }
        addMarkdown(from: cursor, through: lines.count)

        var lectern: [String: JSONText] = ["lesson": .string(lesson.file)]
        if let parameters = record.parameters {
            lectern["parameters"] = .object(parameters.mapValues { .string($0) })
        }
        let metadata: JSONText = .object([
            "kernelspec": .object([
                "display_name": .string("Python 3"),
                "language": .string("python"),
                "name": .string("python3"),
            ]),
            "language_info": .object([
                "file_extension": .string(".py"),
                "mimetype": .string("text/x-python"),
                "name": .string("python"),
            ]),
            "title": .string(lesson.title),
            "lectern": .object(lectern),
        ])
        return .object([
            "cells": .array(cells),
            "metadata": metadata,
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
    }

    /// The record of a block: the one at its position when the ids agree (the usual case), else
    /// the first with its id; nil when the record predates the block.
    static func recordOf(_ block: ExperimentBlock, at index: Int, in record: LessonRecord) -> BlockRecord? {
        if index < record.blocks.count, record.blocks[index].id == block.id { return record.blocks[index] }
        return record.blocks.first { $0.id == block.id }
    }

    static func codeCell(_ block: ExperimentBlock, record: BlockRecord?, count: Int?,
                         id: String, figures: [String: Data]) -> JSONText {
        var metadata: [String: JSONText] = [:]
        var jupyter: [String: JSONText] = [:]
        if !block.options.echo { jupyter["source_hidden"] = .bool(true) }
        if !block.options.output { jupyter["outputs_hidden"] = .bool(true) }
        if !jupyter.isEmpty { metadata["jupyter"] = .object(jupyter) }
        // papermill's mark for the cell whose assignments a run may override.
        if block.options.params { metadata["tags"] = .array([.string("parameters")]) }
        var code = block.code
        if code.hasSuffix("\n") { code.removeLast() }
        let outputs = (record?.outputs ?? []).map { output(for: $0, count: count, figures: figures) }
        return .object([
            "cell_type": .string("code"),
            "execution_count": count.map { .int($0) } ?? .null,
            "id": .string(id),
            "metadata": .object(metadata),
            "outputs": .array(outputs),
            "source": multiline(code),
        ])
    }

    static func output(for output: OutputRecord, count: Int?, figures: [String: Data]) -> JSONText {
        switch output.kind {
        case .text:
            return .object([
                "output_type": .string("stream"),
                "name": .string("stdout"),
                "text": multiline(output.text),
            ])
        case .value:
            return .object([
                "output_type": .string("execute_result"),
                "execution_count": count.map { .int($0) } ?? .null,
                "data": .object(["text/plain": multiline(output.text)]),
                "metadata": .object([:]),
            ])
        case .figure:
            var data: [String: JSONText] = ["text/plain": multiline(output.text)]
            var metadata: [String: JSONText] = [:]
            if let file = output.file, let png = figures[file] {
                data["image/png"] = .string(png.base64EncodedString())
                if let width = output.width, let height = output.height {
                    metadata["image/png"] = .object(["width": .int(width), "height": .int(height)])
                }
            }
            return .object([
                "output_type": .string("display_data"),
                "data": .object(data),
                "metadata": .object(metadata),
            ])
        case .error:
            let (name, value) = errorParts(output.text)
            let traceback = output.text.split(separator: "\n", omittingEmptySubsequences: false).map { JSONText.string(String($0)) }
            return .object([
                "output_type": .string("error"),
                "ename": .string(name),
                "evalue": .string(value),
                "traceback": .array(traceback),
            ])
        }
    }

    /// The exception's class and message from an error report: the headline
    /// `lesson.md:3:1: error: ValueError: bad` gives `ValueError` and `bad`. A report without a
    /// class (an invalid option, a block that did not run) gives `Error` and its first line.
    static func errorParts(_ report: String) -> (name: String, value: String) {
        guard let message = ErrorReport.message(report) else {
            return ("Error", String(report.split(separator: "\n").first ?? ""))
        }
        if let colon = message.range(of: ": "), isExceptionName(message[..<colon.lowerBound]) {
            return (String(message[..<colon.lowerBound]), String(message[colon.upperBound...]))
        }
        return ("Error", message)
    }

    /// A Python class name, possibly dotted (`keras.errors.X`).
    static func isExceptionName(_ s: Substring) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// The lesson's lines, 1-based in use (`lines[n - 1]` is line n), without carriage returns.
    static func sourceLines(_ source: String) -> [Substring] {
        source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    static func startLine(_ segment: Segment) -> Int {
        switch segment {
        case .prose(let prose): return prose.line
        case .code(let block): return block.line
        case .experiment(let block): return block.fenceLine
        }
    }

    /// Lines `first...last` of the lesson without the blank lines around them, or nil if nothing
    /// but blank lines is left.
    static func markdown(_ lines: [Substring], from first: Int, through last: Int) -> String? {
        var lo = max(first, 1)
        var hi = min(last, lines.count)
        func blank(_ n: Int) -> Bool { lines[n - 1].allSatisfy(\.isWhitespace) }
        while lo <= hi, blank(lo) { lo += 1 }
        while hi >= lo, blank(hi) { hi -= 1 }
        guard lo <= hi else { return nil }
        return lines[(lo - 1)...(hi - 1)].joined(separator: "\n")
    }

    /// Text as nbformat's multi-line string: a list of lines, each keeping its newline.
    static func multiline(_ text: String) -> JSONText {
        var parts: [JSONText] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            current.append(scalar)
            if scalar == "\n" {
                parts.append(.string(String(current)))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { parts.append(.string(String(current))) }
        return .array(parts)
    }
}

/// Cell ids as nbformat 4.5 wants them (1 to 64 of `A-Z a-z 0-9 - _`), unique in the notebook
/// and the same on every export: made from the block's id or the markdown cell's number.
struct CellIDs {
    private var used: Set<String> = []

    mutating func make(_ base: String) -> String {
        var clean = String(base.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-"
        }.prefix(56))
        if clean.isEmpty { clean = "cell" }
        var id = clean
        var n = 1
        while used.contains(id) {
            n += 1
            id = "\(clean)-\(n)"
        }
        used.insert(id)
        return id
    }
}
