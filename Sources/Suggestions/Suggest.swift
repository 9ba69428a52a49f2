/// "Did you mean ...?" for every message that names something unknown: a block option, a YAML
/// key, a lesson file, a figure label, a Python name or keyword, a Keras string name. One rule
/// everywhere: the candidate with the fewest edits (an adjacent swap counts as one, case is
/// ignored), if it is within 1 edit for words of up to three letters and within a third of the
/// word's length (at least 2) for longer ones; the first such candidate wins a tie.
public enum Suggest {
    /// Words longer than this get no suggestion (a lesson controls their length; the table is
    /// quadratic in it).
    static let longestWord = 64

    public static func closest(to word: String, in candidates: [String]) -> String? {
        guard word.count <= longestWord else { return nil }
        let limit = word.count <= 3 ? 1 : max(2, word.count / 3)
        let lowered = word.lowercased()
        var best: (candidate: String, edits: Int)?
        for c in candidates where c != word && c.count <= longestWord {
            let d = distance(lowered, c.lowercased())
            if d <= limit, d < (best?.edits ?? Int.max) { best = (c, d) }
        }
        return best?.candidate
    }

    /// Edit distance counting an adjacent transposition as one edit ("modle" → "model"), kept in
    /// three rows.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
