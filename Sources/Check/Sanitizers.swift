import Foundation
import Lesson

/// Replaces what legitimately differs from run to run before outputs are compared: the built-in
/// patterns (memory addresses, durations and ETAs, dates and times, Lectern's scratch folders)
/// and any the course or a block adds. The same replacement runs over the record and the new
/// run, as nbval's sanitize file does.
public struct Sanitizers: Sendable {
    struct Rule: @unchecked Sendable {
        var regex: NSRegularExpression
        var template: String
    }

    private var rules: [Rule]

    /// Patterns on by default.
    public static let builtIn: [Sanitizer] = [
        Sanitizer(pattern: #"0x[0-9a-fA-F]{6,16}"#, replacement: "0x<address>"),
        Sanitizer(pattern: #"\b\d+(?:\.\d+)?\s?(?:s|ms|us|µs|ns)/(?:step|epoch|sample)\b"#, replacement: "<time>/step"),
        Sanitizer(pattern: #"\b\d+s(?=\s+<time>/step)"#, replacement: "<time>"),
        Sanitizer(pattern: #"ETA:?\s*(?:\d+:)?\d+(?:\.\d+)?\s?(?:s|ms|min)?\b"#, replacement: "ETA: <time>"),
        Sanitizer(pattern: #"\b\d+(?:\.\d+)?\s?(?:ms|µs|us|ns)\b"#, replacement: "<duration>"),
        Sanitizer(pattern: #"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\b"#, replacement: "<date>"),
        Sanitizer(pattern: #"\b\d{2}:\d{2}:\d{2}(?:\.\d+)?\b"#, replacement: "<time>"),
        Sanitizer(pattern: #"(?:/[^\s'"/]+)*/lectern-[A-Za-z0-9_.-]*?-?[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f-]+)?(?:/[^\s'"]*)?"#, replacement: "<scratch>"),
    ]

    /// For a block that read the clock (Python's `time`): every decimal number, since any of them
    /// may be a time. Whole numbers (counts, epochs) are still compared.
    public static let clockReadings: [Sanitizer] = [
        Sanitizer(pattern: #"-?\b\d+\.\d*(?:[eE][-+]?\d+)?|-?\b\d+[eE][-+]?\d+"#, replacement: "<number>"),
    ]

    /// The built-in patterns plus `extra` (course-level, then the block's own).
    public init(extra: [Sanitizer] = [], builtIn: Bool = true) throws {
        rules = try Self.compile((builtIn ? Self.builtIn : []) + extra)
    }

    public func adding(_ extra: [Sanitizer]) throws -> Sanitizers {
        var copy = self
        copy.rules += try Self.compile(extra)
        return copy
    }

    static func compile(_ sanitizers: [Sanitizer]) throws -> [Rule] {
        try sanitizers.map {
            Rule(regex: try NSRegularExpression(pattern: $0.pattern), template: NSRegularExpression.escapedTemplate(for: $0.replacement))
        }
    }

    public func apply(_ text: String) -> String {
        var s = text
        for rule in rules {
            s = rule.regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: rule.template)
        }
        return s
    }

    /// Reads a course's sanitize file: one pattern a line, optionally `PATTERN => REPLACEMENT`;
    /// blank lines and lines starting with `#` are skipped.
    public static func readFile(_ url: URL) throws -> [Sanitizer] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var out: [Sanitizer] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.components(separatedBy: " => ")
            let s = Sanitizer(pattern: parts[0], replacement: parts.count > 1 ? parts.dropFirst().joined(separator: " => ") : "<sanitized>")
            do { _ = try NSRegularExpression(pattern: s.pattern) } catch {
                throw SanitizerError(description: "\(url.lastPathComponent):\(n + 1): not a valid regular expression: \(s.pattern)")
            }
            out.append(s)
        }
        return out
    }
}

public struct SanitizerError: Error, CustomStringConvertible {
    public var description: String
}
