import Foundation

/// A unified diff of two outputs, line by line, with the numbers that drifted beyond the
/// tolerance marked under the new line (`^^^^`), so a report shows only what changed.
public enum TextDiff {
    enum Edit: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    public static func unified(expected: String, actual: String, comparator: Comparator, context: Int = 2) -> String {
        let a = lines(expected), b = lines(actual)
        let edits = script(a, b, comparator)
        var out = ["--- recorded", "+++ this run"]
        // Group the edits into hunks with `context` unchanged lines around each change.
        var i = 0
        while i < edits.count {
            if case .same = edits[i] { i += 1; continue }
            var start = i
            var back = 0
            while start > 0, back < context, case .same = edits[start - 1] { start -= 1; back += 1 }
            var end = i
            var trailing = 0
            while end < edits.count {
                if case .same = edits[end] {
                    if trailing == 2 * context { break }
                    trailing += 1
                } else {
                    trailing = 0
                }
                end += 1
            }
            end -= max(0, trailing - context)
            out += hunk(Array(edits[start..<end]), a, b, comparator)
            i = end
        }
        return out.joined(separator: "\n")
    }

    static func lines(_ s: String) -> [String] {
        var l = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }

    /// The edit script: a longest common subsequence of lines (lines that match within the
    /// tolerance count as the same) when the outputs are small enough, else line by line.
    static func script(_ a: [String], _ b: [String], _ c: Comparator) -> [Edit] {
        let n = a.count, m = b.count
        guard n * m <= 4_000_000 else {
            var edits: [Edit] = []
            for k in 0..<max(n, m) {
                if k < n, k < m, c.textsMatch(a[k], b[k]) { edits.append(.same(k, k)); continue }
                if k < n { edits.append(.removed(k)) }
                if k < m { edits.append(.added(k)) }
            }
            return edits
        }
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        let w = m + 1
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * w + j] = c.textsMatch(a[i], b[j]) ? table[(i + 1) * w + j + 1] + 1 : max(table[(i + 1) * w + j], table[i * w + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, c.textsMatch(a[i], b[j]) { edits.append(.same(i, j)); i += 1; j += 1 }
            else if j < m, i == n || table[i * w + j + 1] >= table[(i + 1) * w + j] { edits.append(.added(j)); j += 1 }
            else { edits.append(.removed(i)); i += 1 }
        }
        // Within a change, show removals before additions, as unified diffs do.
        return reorder(edits)
    }

    static func reorder(_ edits: [Edit]) -> [Edit] {
        var out: [Edit] = []
        var removed: [Edit] = [], added: [Edit] = []
        func flush() { out += removed + added; removed = []; added = [] }
        for e in edits {
            switch e {
            case .same: flush(); out.append(e)
            case .removed: removed.append(e)
            case .added: added.append(e)
            }
        }
        flush()
        return out
    }

    static func hunk(_ edits: [Edit], _ a: [String], _ b: [String], _ c: Comparator) -> [String] {
        var firstA = Int.max, firstB = Int.max, countA = 0, countB = 0
        for e in edits {
            switch e {
            case .same(let i, let j): firstA = min(firstA, i); firstB = min(firstB, j); countA += 1; countB += 1
            case .removed(let i): firstA = min(firstA, i); countA += 1
            case .added(let j): firstB = min(firstB, j); countB += 1
            }
        }
        var out = ["@@ -\(firstA == .max ? 0 : firstA + 1),\(countA) +\(firstB == .max ? 0 : firstB + 1),\(countB) @@"]
        var pendingRemoved: [Int] = []
        var pairIndex = 0
        for e in edits {
            switch e {
            case .same(let i, _):
                out.append(" " + a[i]); pendingRemoved = []; pairIndex = 0
            case .removed(let i):
                out.append("-" + a[i]); pendingRemoved.append(i)
            case .added(let j):
                out.append("+" + b[j])
                if pairIndex < pendingRemoved.count, let marks = c.driftedNumbers(a[pendingRemoved[pairIndex]], b[j]), !marks.isEmpty {
                    var line = Array(repeating: Character(" "), count: b[j].count)
                    for r in marks { for k in r where k < line.count { line[k] = "^" } }
                    out.append("?" + String(line).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression))
                }
                pairIndex += 1
            }
        }
        return out
    }
}
