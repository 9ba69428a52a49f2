import Foundation
import Lesson
import Notebook

/// One lesson to run in a child process, with everything the run depends on.
public struct LessonJob: Sendable {
    public var lesson: Lesson
    public var seed: UInt64
    public var parameters: [String: String]
    /// The whole child process is held to this many MiB; so is any one array or list it builds.
    public var memoryLimitMiB: Int
    /// Whether the child reports printed text as it happens (`lectern run`).
    public var streamText: Bool
    /// The lesson's folder: the child runs a copy of the lesson elsewhere, and reads the
    /// course's files (`open`, `np.loadtxt`) from here.
    public var courseFolder: URL?

    public init(lesson: Lesson, seed: UInt64, parameters: [String: String] = [:], memoryLimitMiB: Int, streamText: Bool = false,
                courseFolder: URL? = nil) {
        self.lesson = lesson
        self.seed = seed
        self.parameters = parameters
        self.memoryLimitMiB = memoryLimitMiB
        self.streamText = streamText
        self.courseFolder = courseFolder
    }

    /// The arguments of `lectern _child` for this job.
    func childArguments(work: URL) -> [String] {
        var args = ["_child", "--work", work.path, "--name", lesson.file, "--seed", String(seed),
                    "--memory-limit", String(memoryLimitMiB)]
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) { args += ["--param", "\(name)=\(value)"] }
        if streamText { args.append("--stream-text") }
        if let courseFolder { args += ["--course-folder", courseFolder.standardizedFileURL.path] }
        return args
    }
}

/// What came back from a lesson's child process, validated: the record, where its figures are
/// waiting to be installed, and how the process ended.
public struct ChildOutcome: Sendable {
    public var record: LessonRecord
    /// The folder holding the figure PNGs under the paths the record names.
    public var figureFolder: URL
    /// One line per problem (block errors, a stop from outside), as `render` prints them.
    public var problems: [String]
    /// The child was killed or crashed: the record ends at the block that was running.
    public var stopped: Bool
    public var seconds: Double
    public var peakMemoryMiB: Int
    /// Where the child's time went (code, engine, figures), when it finished normally.
    public var timing: (code: Double, engine: Double, figures: Double)?

    public var failed: Bool { !problems.isEmpty }
}

/// Why a child was stopped from outside.
enum StopReason: Sendable, Equatable {
    case memory(limitMiB: Int)
    case time(block: String, seconds: Double)
}
