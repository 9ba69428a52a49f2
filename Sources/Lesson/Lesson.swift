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
    /// The YAML block at the top of the lesson, if any (an empty `FrontMatter` otherwise).
    public var frontMatter: FrontMatter
    /// Every `@fig-…` in the prose, in the order of the lesson, with where it stands. Whoever
    /// numbers the figures reports the ones that name no figure.
    public var figureReferences: [FigureReference]
    /// The footnotes the prose refers to, by number; the page shows them at its end.
    public var footnotes: [Footnote]

    public init(file: String, source: String, title: String, segments: [Segment], diagnostics: [LessonDiagnostic],
                math: [MathFormula] = [], frontMatter: FrontMatter = FrontMatter(), figureReferences: [FigureReference] = [],
                footnotes: [Footnote] = []) {
        self.file = file
        self.source = source
        self.title = title
        self.segments = segments
        self.diagnostics = diagnostics
        self.math = math
        self.frontMatter = frontMatter
        self.figureReferences = figureReferences
        self.footnotes = footnotes
    }

    /// The lesson's one-line summary for the index (`description:` in the front matter).
    public var description: String? { frontMatter.description }

    /// The figure labels of the lesson's blocks, in order.
    public var figureLabels: [String] { experiments.compactMap(\.options.label) }

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
    /// How many `#| key: value` lines open the code (Quarto's cell options). They run as the
    /// comments they are; the page does not show them.
    public var optionLineCount: Int = 0

    /// The code as the page shows it: without the `#|` option lines.
    public var shownCode: String {
        guard optionLineCount > 0 else { return code }
        return code.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(optionLineCount).joined(separator: "\n")
    }
}

/// `@fig-loss` in a lesson's prose: a reference to the figure labelled `fig-loss`.
public struct FigureReference: Sendable, Equatable {
    public var label: String
    public var line: Int
    public var column: Int

    public init(label: String, line: Int, column: Int) {
        self.label = label
        self.line = line
        self.column = column
    }
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
    /// The caption of the block's figure (`caption="Loss curve"`, or `#| fig-cap:` in the code):
    /// the page shows it under the figure as "Figure N: Loss curve".
    public var caption: String?
    /// The figure's name for references from the prose (`label=fig-loss`, or `#| label:`):
    /// `@fig-loss` becomes a link "Figure N" to it.
    public var label: String?

    public static let known = ["id", "timeout", "echo", "params", "output", "check", "error", "rtol", "atol", "sanitize", "replace",
                               "caption", "label"]

    /// Whether `s` can name a figure: `fig-` and then letters, digits, `-` or `_`.
    public static func isFigureLabel<S: StringProtocol>(_ s: S) -> Bool {
        s.hasPrefix("fig-") && s.count > 4 && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
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
