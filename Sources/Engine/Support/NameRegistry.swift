/// Helpers shared by the registries that map Keras' string names to values.
enum NameRegistry {
    /// The error for an unknown name: suggests the closest known one and lists them all.
    static func unknown(_ kind: String, _ name: String, known: [String]) -> EngineError {
        var message = "Unknown \(kind) '\(name)'."
        if let suggestion = closest(to: name, in: known) {
            message += " Did you mean '\(suggestion)'?"
        }
        message += " Known \(kind)s: \(known.joined(separator: ", "))."
        return EngineError(message)
    }

    /// The known name with the smallest edit distance, if it is close enough to be a typo.
    static func closest(to name: String, in known: [String]) -> String? {
        let lowered = name.lowercased()
        let scored = known.map { ($0, editDistance(lowered, $0.lowercased())) }
        guard let (candidate, distance) = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return distance <= max(2, lowered.count / 3) ? candidate : nil
    }

    /// Levenshtein distance with one row of memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
    }
}
