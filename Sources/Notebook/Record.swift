/// What a lesson produced, block by block, in the text form kept under `output/` and compared by
/// `lectern check`. Plain Codable values with stable key order, so records diff well.
public struct LessonRecord: Codable, Equatable, Sendable {
    /// The format this Lectern writes; a record with a larger number was written by a newer one.
    public static let currentFormat = 2

    public var format: Int = LessonRecord.currentFormat
    public var lesson: String
    /// The lesson's first heading, so the index can be built from records alone.
    public var title: String?
    /// `--param name=value` overrides this run applied to the lesson's `params` block.
    public var parameters: [String: String]?
    public var blocks: [BlockRecord]

    public init(lesson: String, title: String? = nil, parameters: [String: String]? = nil, blocks: [BlockRecord]) {
        self.lesson = lesson
        self.title = title
        self.parameters = parameters
        self.blocks = blocks
    }

    /// Whether any block ended in an error it was not meant to raise.
    public var failed: Bool { !problems.isEmpty }

    /// The first line of each error the lesson was not meant to raise ("not run" notes left out).
    public var problems: [String] {
        blocks.flatMap { block -> [String] in
            guard block.errorExpected != true else { return [] }
            return block.outputs.compactMap { o in
                guard o.kind == .error, !o.text.hasPrefix("not run:") else { return nil }
                return ErrorReport.headline(o.text)
            }
        }
    }

    /// Every course file the lesson read, with its hash (see `BlockRecord.inputs`).
    public var inputs: [String: String] {
        blocks.reduce(into: [:]) { all, block in all.merge(block.inputs ?? [:]) { _, later in later } }
    }

    /// The figure files the record names, relative to the output folder.
    public var figureFiles: [String] {
        blocks.flatMap { $0.outputs.compactMap(\.file) }
    }
}

public struct BlockRecord: Codable, Equatable, Sendable {
    public var id: String
    /// Line of the block's opening fence in the lesson.
    public var line: Int
    /// The block's run key (see `BlockKeys`): equal keys mean the block would run the same again.
    /// Absent when the outcome was not the code's own (the process was stopped from outside),
    /// so the lesson runs again next time.
    public var key: String?
    /// The block has `error=expected` and raised, as it was meant to.
    public var errorExpected: Bool?
    /// The course files the block read (`open`, `np.loadtxt`, `np.load`): each path relative to
    /// the lesson's folder with the SHA-256 of the bytes read, or `absent` for a file it looked
    /// for and did not find. `render` runs the lesson again when any of them changed.
    public var inputs: [String: String]?
    /// The block read the clock (Python's `time`): `check` compares its text with decimal numbers masked.
    public var readsClock: Bool?
    public var outputs: [OutputRecord]

    /// The value `inputs` keeps for a file that was not there.
    public static let absentInput = "absent"

    public init(id: String, line: Int, key: String? = nil, errorExpected: Bool? = nil, inputs: [String: String]? = nil,
                readsClock: Bool? = nil, outputs: [OutputRecord]) {
        self.id = id
        self.line = line
        self.key = key
        self.errorExpected = errorExpected
        self.inputs = inputs
        self.readsClock = readsClock
        self.outputs = outputs
    }
}

/// One captured output. `kind` says which fields are set.
public struct OutputRecord: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Printed text (print, training logs, summary tables).
        case text
        /// The repr of a block's final bare expression.
        case value
        /// A figure: `text` describes what it plots, `file` and `sha256` identify its PNG.
        case figure
        /// An error, with `text` the full report (traceback, location, caret).
        case error
    }

    public var kind: Kind
    public var text: String
    public var file: String?
    public var width: Int?
    public var height: Int?
    public var sha256: String?

    public init(kind: Kind, text: String, file: String? = nil, width: Int? = nil, height: Int? = nil, sha256: String? = nil) {
        self.kind = kind
        self.text = text
        self.file = file
        self.width = width
        self.height = height
        self.sha256 = sha256
    }
}
