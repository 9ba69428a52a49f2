/// What a lesson produced, block by block, in the text form kept under `output/` and compared by
/// `lectern check`. Plain Codable values with stable key order, so records diff well.
public struct LessonRecord: Codable, Equatable, Sendable {
    public var format: Int = 1
    public var lesson: String
    public var blocks: [BlockRecord]

    public init(lesson: String, blocks: [BlockRecord]) {
        self.lesson = lesson
        self.blocks = blocks
    }
}

public struct BlockRecord: Codable, Equatable, Sendable {
    public var id: String
    /// Line of the block's opening fence in the lesson.
    public var line: Int
    public var outputs: [OutputRecord]

    public init(id: String, line: Int, outputs: [OutputRecord]) {
        self.id = id
        self.line = line
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
