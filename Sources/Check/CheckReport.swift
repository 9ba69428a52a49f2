import Foundation

/// The check of one lesson: its blocks' results, or why it could not be checked.
public struct LessonCheck: Sendable {
    /// The lesson's file name, as records name it.
    public var lesson: String
    /// The lesson's path as the user gave it (for CI annotations).
    public var path: String
    public var blocks: [BlockCheck]
    /// Set when the lesson could not be checked (no record, unreadable, stopped from outside).
    public var failure: String?

    public init(lesson: String, path: String, blocks: [BlockCheck] = [], failure: String? = nil) {
        self.lesson = lesson
        self.path = path
        self.blocks = blocks
        self.failure = failure
    }

    public var drifted: Bool { blocks.contains { $0.status == .failed } }
}

/// What `check` prints and writes for people and for CI systems.
public enum CheckReport {
    public struct Counts: Equatable, Sendable {
        public var passed = 0, failed = 0, skipped = 0, errors = 0
    }

    public static func counts(_ lessons: [LessonCheck]) -> Counts {
        var c = Counts()
        for l in lessons {
            if l.failure != nil { c.errors += 1 }
            for b in l.blocks {
                switch b.status {
                case .passed: c.passed += 1
                case .failed: c.failed += 1
                case .skipped: c.skipped += 1
                }
            }
        }
        return c
    }

    /// The lines a person reads for one lesson: every drift with its diff, then a verdict.
    public static func text(_ l: LessonCheck) -> String {
        if let failure = l.failure { return "\(l.lesson): error: \(failure)" }
        var out = l.blocks.flatMap(\.drifts).map(\.description)
        let failed = l.blocks.filter { $0.status == .failed }.count
        out.append("\(l.lesson): " + (failed == 0 ? "ok" : "\(failed) block\(failed == 1 ? "" : "s") drifted"))
        return out.joined(separator: "\n")
    }

    /// The closing line CI runners read: blocks passed and failed (and skipped); lessons that
    /// could not be checked count as failed.
    public static func closingLine(_ c: Counts) -> String {
        var line = "\(c.passed) passed, \(c.failed + c.errors) failed"
        if c.skipped > 0 { line += ", \(c.skipped) skipped" }
        return line
    }

    /// JUnit XML: a test suite per lesson, a test case per block, failures carrying the diff.
    public static func junit(_ lessons: [LessonCheck]) -> String {
        let total = counts(lessons)
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<testsuites name=\"lectern check\" tests=\"\(total.passed + total.failed + total.skipped + total.errors)\" failures=\"\(total.failed)\" errors=\"\(total.errors)\" skipped=\"\(total.skipped)\">\n"
        for l in lessons {
            let c = counts([l])
            x += "  <testsuite name=\"\(xml(l.lesson))\" tests=\"\(l.blocks.count + (l.failure == nil ? 0 : 1))\" failures=\"\(c.failed)\" errors=\"\(c.errors)\" skipped=\"\(c.skipped)\" file=\"\(xml(l.path))\">\n"
            if let failure = l.failure {
                x += "    <testcase name=\"(lesson)\" classname=\"\(xml(l.lesson))\" file=\"\(xml(l.path))\">\n"
                x += "      <error message=\"\(xml(firstLine(failure)))\">\(xml(failure))</error>\n    </testcase>\n"
            }
            for b in l.blocks {
                x += "    <testcase name=\"\(xml(b.id))\" classname=\"\(xml(l.lesson))\" file=\"\(xml(l.path))\" line=\"\(b.line)\""
                switch b.status {
                case .passed:
                    x += "/>\n"
                case .skipped:
                    x += ">\n      <skipped message=\"check=false\"/>\n    </testcase>\n"
                case .failed:
                    let detail = b.drifts.map(\.description).joined(separator: "\n")
                    x += ">\n      <failure message=\"\(xml(b.drifts.first.map { "\($0.what) drifted" } ?? "drifted"))\">\(xml(detail))</failure>\n    </testcase>\n"
                }
            }
            x += "  </testsuite>\n"
        }
        return x + "</testsuites>\n"
    }

    /// GitHub Actions workflow commands: an error annotation at each drifted block's line.
    public static func githubAnnotations(_ lessons: [LessonCheck]) -> [String] {
        var out: [String] = []
        for l in lessons {
            if let failure = l.failure {
                out.append("::error file=\(property(l.path)),title=\(property("lectern check: \(l.lesson)"))::\(message(failure))")
            }
            for b in l.blocks where b.status == .failed {
                let detail = b.drifts.map { "\($0.what) drifted\n\($0.detail)" }.joined(separator: "\n")
                out.append("::error file=\(property(l.path)),line=\(b.line),title=\(property("block '\(b.id)' drifted"))::\(message(detail))")
            }
        }
        return out
    }

    /// Machine-readable results for other tools.
    public static func json(_ lessons: [LessonCheck]) throws -> Data {
        struct DriftOut: Encodable { var what: String; var detail: String; var files: [String] }
        struct BlockOut: Encodable { var id: String; var line: Int; var status: String; var drifts: [DriftOut] }
        struct LessonOut: Encodable { var lesson: String; var path: String; var error: String?; var blocks: [BlockOut] }
        struct Out: Encodable { var passed: Int; var failed: Int; var skipped: Int; var errors: Int; var lessons: [LessonOut] }
        let c = counts(lessons)
        let out = Out(passed: c.passed, failed: c.failed, skipped: c.skipped, errors: c.errors, lessons: lessons.map { l in
            LessonOut(lesson: l.lesson, path: l.path, error: l.failure, blocks: l.blocks.map { b in
                BlockOut(id: b.id, line: b.line, status: b.status.rawValue, drifts: b.drifts.map { DriftOut(what: $0.what, detail: $0.detail, files: $0.files) })
            })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(out)
    }

    static func firstLine(_ s: String) -> String { String(s.split(separator: "\n").first ?? "") }

    static func xml(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 has no place for other control characters.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "?" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func message(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        message(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
