/// A lesson file as plain values: its prose, its shown code and its experiment blocks, in order.
public struct Lesson: Sendable {
    /// The name used in messages and output paths, e.g. `regularization.md`.
    public var file: String
    public var source: String
    public var title: String
    public var segments: [Segment]
    /// Problems found while reading the lesson (bad block options); reported before anything runs.
    public var diagnostics: [LessonDiagnostic]
    /// Every formula of the prose, in the order of the lesson, with where its TeX starts. The
    /// lesson does not read TeX: whoever converts it reports its errors at these places.
    public var math: [MathFormula]

    public init(file: String, source: String, title: String, segments: [Segment], diagnostics: [LessonDiagnostic],
                math: [MathFormula] = []) {
        self.file = file
        self.source = source
        self.title = title
        self.segments = segments
        self.diagnostics = diagnostics
        self.math = math
    }

    public var experiments: [ExperimentBlock] {
        segments.compactMap { if case .experiment(let b) = $0 { return b } else { return nil } }
    }

    /// The file name without `.md`, used for the page and record names.
    public var stem: String {
        file.lowercased().hasSuffix(".md") ? String(file.dropLast(3)) : file
    }
}

public enum Segment: Sendable {
    /// Prose (and any other Markdown that is not code): headings, paragraphs, lists, tables, math.
    case prose(Prose)
    /// A fenced or indented code block that is shown, not run.
    case code(CodeBlock)
    case experiment(ExperimentBlock)
}

public struct CodeBlock: Sendable {
    public var language: String
    public var code: String
    public var line: Int
}

/// A fenced block whose info string starts with `experiment`: code that runs.
public struct ExperimentBlock: Sendable {
    /// The block's id: its `id=` option, or `block-N` by position (1-based).
    public var id: String
    public var options: BlockOptions
    public var code: String
    /// Line of the opening fence in the lesson.
    public var fenceLine: Int
    /// Line and column of the first code line in the lesson: where the code's line 1, column 1 sits.
    public var codeLine: Int
    public var codeColumn: Int
}

/// The options written after `experiment` in the info string.
public struct BlockOptions: Sendable, Equatable {
    public var id: String?
    /// Wall-clock limit for the block, in seconds.
    public var timeout: Double = 120
    /// Whether the code is shown on the page (`echo=false` hides it, as in Quarto).
    public var echo: Bool = true
    /// The block holds the lesson's parameters: plain assignments that `--param name=value`
    /// overrides for one run, as papermill's and Quarto's parameter cells do.
    public var params: Bool = false
    /// Whether the page shows the block's outputs (`output=false` runs it and shows nothing).
    public var output: Bool = true
    /// Whether `lectern check` compares the block's outputs (`check=false`: timings and the like).
    public var check: Bool = true
    /// `error=expected`: the block is meant to raise; the lesson does not fail for it, and
    /// `check` compares the exception's type and message.
    public var expectsError: Bool = false
    /// Tolerances for numbers when `check` compares this block (command-line defaults otherwise).
    public var rtol: Double?
    public var atol: Double?
    /// Patterns replaced in the recorded and the new outputs before `check` compares them.
    public var sanitizers: [Sanitizer] = []

    public static let known = ["id", "timeout", "echo", "params", "output", "check", "error", "rtol", "atol", "sanitize", "replace"]
    /// The longest `timeout=` accepted: a day.
    public static let maxTimeout: Double = 86_400
    public init() {}
}

/// A regular expression whose matches `check` replaces before comparing (as nbval's sanitize
/// file does): memory addresses, timings, paths that differ from run to run.
public struct Sanitizer: Sendable, Equatable {
    public var pattern: String
    public var replacement: String

    public init(pattern: String, replacement: String = "<sanitized>") {
        self.pattern = pattern
        self.replacement = replacement
    }
}

/// A problem in a lesson file with where it is.
public struct LessonDiagnostic: Sendable, Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
