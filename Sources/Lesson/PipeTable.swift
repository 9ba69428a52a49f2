/// GitHub's pipe tables (GFM's table extension) read from the lines of a paragraph: a header
/// row, a delimiter row (`---`, `:--`, `:-:`, `--:`) with as many cells, and body rows. Cells are
/// split at unescaped pipes; `\|` is a pipe inside a cell. The cells stay Markdown text here.
enum PipeTable {
    struct Layout: Equatable {
        /// Lines of the paragraph before the header row (they stay a paragraph).
        var leadingLines: Int
        var alignments: [Prose.Table.Alignment]
        var header: [String]
        /// Each row padded or cut to the header's number of cells.
        var rows: [[String]]
    }

    /// The table in `lines`, or nil when they do not hold one.
    static func layout(_ lines: [String]) -> Layout? {
        guard lines.count >= 2 else { return nil }
        for d in 1..<lines.count {
            guard let alignments = alignments(lines[d]) else { continue }
            let header = cells(lines[d - 1])
            // A row without a pipe is a table row only once a table has started.
            guard header.count == alignments.count, hasPipe(lines[d - 1]) || hasPipe(lines[d]) else { continue }
            let rows = lines[(d + 1)...].map { line in
                let row = cells(line)
                return row.count >= header.count
                    ? Array(row.prefix(header.count)) : row + Array(repeating: "", count: header.count - row.count)
            }
            return Layout(leadingLines: d - 1, alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// The alignments of a delimiter row, or nil when `line` is not one.
    static func alignments(_ line: String) -> [Prose.Table.Alignment]? {
        var result: [Prose.Table.Alignment] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":") && cell.count > 1
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }

    /// The cells of a row: split at unescaped pipes, an outer pipe at either end dropped, each
    /// cell trimmed, `\|` read as `|`.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var chars = Array(line.trimmingSpaces())
        if chars.first == "|" { chars.removeFirst() }
        var i = 0
        var closed = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "|" {
                cell.append("|")
                i += 2
            } else if c == "|" {
                cells.append(cell.trimmingSpaces())
                cell = ""
                i += 1
                closed = i == chars.count
            } else {
                cell.append(c)
                i += 1
            }
        }
        if !closed { cells.append(cell.trimmingSpaces()) }
        return cells
    }

    /// Whether `line` has a pipe that is not escaped.
    static func hasPipe(_ line: String) -> Bool {
        var previous: Character = " "
        for c in line {
            if c == "|", previous != "\\" { return true }
            previous = c
        }
        return false
    }
}
