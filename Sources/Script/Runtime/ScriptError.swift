// The one "did you mean" rule, for the modules that bind to the language too.
@_exported import Suggestions
/// A place in a lesson file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// An error raised while lexing, parsing or running lesson code. Host code throws it without a
/// location (`ScriptError.value("...")`); the interpreter fills in where it happened and the
/// traceback through `def` calls.
public struct ScriptError: Error, CustomStringConvertible, @unchecked Sendable {
    /// Python's exception class name: SyntaxError, NameError, TypeError, ValueError, ...
    public var kind: String
    public var message: String
    public var location: SourceLocation?
    /// The text of the offending source line, for the caret display.
    public var sourceLine: String?
    /// Outermost call first: where each active `def` was called from.
    public var traceback: [TracebackEntry] = []
    /// The Python exception value, when user code raised one (for `except E as e`).
    public var payload: Value?

    public init(kind: String, message: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public static func type(_ m: String) -> ScriptError { ScriptError(kind: "TypeError", message: m) }
    public static func value(_ m: String) -> ScriptError { ScriptError(kind: "ValueError", message: m) }
    public static func index(_ m: String) -> ScriptError { ScriptError(kind: "IndexError", message: m) }
    public static func key(_ m: String) -> ScriptError { ScriptError(kind: "KeyError", message: m) }
    public static func attribute(_ m: String) -> ScriptError { ScriptError(kind: "AttributeError", message: m) }
    public static func name(_ m: String) -> ScriptError { ScriptError(kind: "NameError", message: m) }
    public static func runtime(_ m: String) -> ScriptError { ScriptError(kind: "RuntimeError", message: m) }
    public static func notImplemented(_ m: String) -> ScriptError { ScriptError(kind: "NotImplementedError", message: m) }
    public static func zeroDivision(_ m: String) -> ScriptError { ScriptError(kind: "ZeroDivisionError", message: m) }
    public static func importError(_ m: String) -> ScriptError { ScriptError(kind: "ImportError", message: m) }

    /// One line: `lesson.md:12:5: error: NameError: name 'modle' is not defined`.
    public var headline: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)error: \(kind): \(message)"
    }

    /// The full report: traceback, headline, the source line and a caret under the column.
    public var description: String {
        var lines: [String] = []
        if !traceback.isEmpty {
            lines.append("Traceback (most recent call last):")
            // Python shows a line repeated more than three times once, then how often it repeats.
            var previous = "", repeats = 0
            func flush() { if repeats > 3 { lines.append("  [Previous line repeated \(repeats - 3) more times]") } }
            for t in traceback {
                let line = "  \(t.location): in \(t.function)"
                if line == previous {
                    repeats += 1
                    if repeats <= 3 { lines.append(line) }
                    continue
                }
                flush()
                previous = line
                repeats = 1
                lines.append(line)
            }
            flush()
        }
        lines.append(headline)
        if let src = sourceLine, let loc = location {
            lines.append("    " + src)
            lines.append("    " + String(repeating: " ", count: max(0, loc.column - 1)) + "^")
        }
        return lines.joined(separator: "\n")
    }
}

public struct TracebackEntry: Sendable {
    public var function: String
    public var location: SourceLocation
    public init(function: String, location: SourceLocation) {
        self.function = function
        self.location = location
    }
}

