import Suggestions
/// The course file, `lectern.yml` in the lessons' folder: what the course is called, by whom, and
/// its lessons grouped in parts, in order.
///
/// ```yaml
/// title: Regularizing deep networks
/// author: A. Teacher
/// description: Weight penalties, constraints, dropout and early stopping, run live.
/// parts:
///   - title: Penalties
///     lessons: [01-weight-regularization.md, 02-weight-penalties.md]
///   - title: Stopping early
///     lessons:
///       - 05-early-stopping.md
/// ```
///
/// It is read here, beside the lessons' front matter, because it is an author's file like a lesson:
/// the same YAML reading (Yams stays inside this target) and the same `file:line:column`
/// diagnostics. The site gets plain values.
public struct CourseFile: Sendable, Equatable {
    public static let fileName = "lectern.yml"

    public var title: String?
    public var author: String?
    public var description: String?
    public var parts: [Part] = []

    public init(title: String? = nil, author: String? = nil, description: String? = nil, parts: [Part] = []) {
        self.title = title
        self.author = author
        self.description = description
        self.parts = parts
    }

    /// A titled group of lessons, in the order the course reads them.
    public struct Part: Sendable, Equatable {
        public var title: String
        public var lessons: [LessonName]

        public init(title: String, lessons: [LessonName]) {
            self.title = title
            self.lessons = lessons
        }
    }

    /// A lesson's file name as the course file writes it (`.md` added when left out), and where.
    public struct LessonName: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int

        public init(file: String, line: Int = 0, column: Int = 0) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    public static let known = ["title", "author", "description", "parts"]
    static let partKeys = ["title", "lessons"]

    /// Reads a course file; problems are diagnostics at its lines, and what could be read is kept.
    public static func parse(file: String = fileName, source: String) -> (CourseFile, [LessonDiagnostic]) {
        var course = CourseFile()
        var reader = YAMLReader(file: file, firstLine: 1)
        guard !source.allSatisfy(\.isWhitespace), let root = reader.root(source, what: "the course file") else {
            return (course, reader.problems)
        }
        for (key, value) in reader.entries(root, what: "the course file", known: known) {
            switch key {
            case "title": course.title = reader.text(value, key: "title")
            case "author": course.author = reader.text(value, key: "author")
            case "description": course.description = reader.text(value, key: "description")
            case "parts":
                for partNode in reader.list(value, key: "parts") ?? [] {
                    var part = Part(title: "", lessons: [])
                    var titled = false
                    for (partKey, partValue) in reader.entries(partNode, what: "a part", known: partKeys) {
                        switch partKey {
                        case "title":
                            if let t = reader.text(partValue, key: "a part's title") { part.title = t; titled = true }
                        case "lessons":
                            for lesson in reader.list(partValue, key: "a part's lessons") ?? [] {
                                guard let name = reader.text(lesson, key: "a lesson of a part") else { continue }
                                let (line, column) = reader.location(lesson.mark)
                                let file = name.lowercased().hasSuffix(".md") ? name : name + ".md"
                                part.lessons.append(LessonName(file: file, line: line, column: column))
                            }
                        default: continue  // `entries` let through only the known keys
                        }
                    }
                    if !titled, partNode.mapping != nil {
                        reader.problem(at: partNode.mark, "a part needs a title (title: ...)")
                    }
                    if partNode.mapping != nil { course.parts.append(part) }
                }
            default: continue
            }
        }
        return (course, reader.problems)
    }

    /// The lessons the parts name that are not among `files` (the folder's lesson files), and
    /// lessons named twice, as diagnostics at the course file's lines.
    public func problems(lessonFiles files: [String], file: String = fileName) -> [LessonDiagnostic] {
        var problems: [LessonDiagnostic] = []
        var seen: [String: Int] = [:]
        let present = Set(files)
        for part in parts {
            for lesson in part.lessons {
                if !present.contains(lesson.file) {
                    var m = "the course names \(lesson.file), which is not a lesson in the folder"
                    if let s = Suggest.closest(to: lesson.file, in: files) { m += "; did you mean \(s)?" }
                    problems.append(LessonDiagnostic(file: file, line: lesson.line, column: lesson.column, message: m))
                }
                if let first = seen[lesson.file] {
                    problems.append(LessonDiagnostic(file: file, line: lesson.line, column: lesson.column,
                        message: "the course names \(lesson.file) twice (first on line \(first)); a lesson has one place"))
                } else {
                    seen[lesson.file] = lesson.line
                }
            }
        }
        return problems
    }
}
