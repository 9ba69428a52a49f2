import Foundation

/// How long each lesson took the last time it ran, kept in the output folder beside the records
/// (`.lectern/times/STEM`, seconds as text) so that `--shard` can balance lessons by cost. Kept
/// apart from the records because a time is never the same twice, while a record is.
public struct RunTimes {
    let folder: URL

    public init(_ output: OutputFolder) {
        self.init(outputURL: output.url)
    }

    /// For reading only, without taking the folder's lock (`check`).
    public init(outputURL: URL) {
        folder = outputURL.appendingPathComponent(".lectern/times")
    }

    /// The order to start lessons in when several run at once: longest first (by their last run
    /// time; unknown ones first of all, as they may be long), so that a long lesson does not
    /// start last and leave the other cores idle at the end.
    public func longestFirst(_ stems: [String]) -> [Int] {
        let times = stems.map { seconds($0) ?? .infinity }
        return stems.indices.sorted { times[$0] != times[$1] ? times[$0] > times[$1] : $0 < $1 }
    }

    public func seconds(_ stem: String) -> Double? {
        let file = folder.appendingPathComponent(stem)
        guard OutputFolder.isRegularFile(file),
              let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Keeps `seconds` for `stem`, unless the kept time is within a quarter of it: a re-run that
    /// took about as long leaves the file alone.
    public func record(_ stem: String, seconds: Double, in output: OutputFolder) throws {
        if let old = self.seconds(stem), abs(old - seconds) <= 0.25 * max(old, seconds) { return }
        try output.write(String(format: "%.2f\n", seconds), to: ".lectern/times/\(stem)")
    }
}

/// Splits lessons into `count` shards of about equal run time: longest first, each to the shard
/// with the least time so far (ties to the lower shard), so the split is the same on every machine
/// that has the same records. Lessons with no known time count as the median of the known ones.
public enum Shards {
    public static func select(_ stems: [String], times: [String: Double], shard: Int, of count: Int) -> Set<String> {
        let known = times.values.sorted()
        let fallback = known.isEmpty ? 1 : known[known.count / 2]
        let ordered = stems.map { ($0, times[$0] ?? fallback) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var load = [Double](repeating: 0, count: count)
        var mine = Set<String>()
        for (stem, cost) in ordered {
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 } ?? 0
            load[target] += cost
            if target == shard - 1 { mine.insert(stem) }
        }
        return mine
    }

    /// Reads `i/n` (1-based) as `--shard` takes it.
    public static func parse(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1000, i >= 1, i <= n else { return nil }
        return (i, n)
    }
}
