import Notebook

/// One difference between a lesson's record and a fresh run, with where it is.
public struct Drift: Sendable, CustomStringConvertible {
    public var lesson: String
    public var line: Int
    public var block: String
    public var what: String
    public var expected: String
    public var actual: String

    public var description: String {
        "\(lesson):\(line): block '\(block)': \(what)\n  expected: \(Drift.indent(expected))\n  actual:   \(Drift.indent(actual))"
    }

    static func indent(_ s: String) -> String {
        let trimmed = s.hasSuffix("\n") ? String(s.dropLast()) : s
        return trimmed.replacingOccurrences(of: "\n", with: "\n            ")
    }
}

/// Compares a fresh record with the recorded one.
public enum RecordCheck {
    public static func compare(expected: LessonRecord, actual: LessonRecord, comparator: Comparator = Comparator()) -> [Drift] {
        var drifts: [Drift] = []
        let lesson = actual.lesson
        let expectedByID = Dictionary(expected.blocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let actualIDs = Set(actual.blocks.map(\.id))
        for block in actual.blocks {
            guard let old = expectedByID[block.id] else {
                drifts.append(Drift(lesson: lesson, line: block.line, block: block.id, what: "block is new (not in the record)",
                                    expected: "(nothing)", actual: summary(block.outputs)))
                continue
            }
            let n = max(old.outputs.count, block.outputs.count)
            for i in 0..<n {
                let e = i < old.outputs.count ? old.outputs[i] : nil
                let a = i < block.outputs.count ? block.outputs[i] : nil
                if let d = compareOutput(e, a, comparator) {
                    drifts.append(Drift(lesson: lesson, line: block.line, block: block.id,
                                        what: "output \(i + 1) \(d)", expected: e.map(render) ?? "(nothing)", actual: a.map(render) ?? "(nothing)"))
                }
            }
        }
        for old in expected.blocks where !actualIDs.contains(old.id) {
            drifts.append(Drift(lesson: lesson, line: old.line, block: old.id, what: "block is gone (recorded but not in the lesson)",
                                expected: summary(old.outputs), actual: "(nothing)"))
        }
        return drifts
    }

    static func compareOutput(_ e: OutputRecord?, _ a: OutputRecord?, _ c: Comparator) -> String? {
        guard let e, let a else { return e == nil ? "is new" : "is missing" }
        if e.kind != a.kind { return "changed kind from \(e.kind.rawValue) to \(a.kind.rawValue)" }
        if !c.textsMatch(e.text, a.text) { return "(\(e.kind.rawValue)) differs" }
        if e.kind == .figure {
            if e.width != a.width || e.height != a.height { return "(figure) changed size" }
            if e.sha256 != a.sha256 { return "(figure) PNG changed (sha256 differs)" }
        }
        return nil
    }

    static func render(_ o: OutputRecord) -> String {
        o.kind == .figure ? "\(o.text) [\(o.file ?? "") sha256 \(o.sha256 ?? "")]" : o.text
    }

    static func summary(_ outputs: [OutputRecord]) -> String {
        outputs.map { "\($0.kind.rawValue): \(render($0))" }.joined(separator: "\n")
    }
}
