import Foundation
import Lesson
import Notebook
import Runner
import Site

/// One render of the site: which lessons are frozen and which must run, installing what runs,
/// and the pages and index built from records. Shared by the concurrent lesson runs, so its
/// mutable state sits behind a lock.
final class SiteBuild: @unchecked Sendable {
    enum State {
        /// The file cannot be a lesson (not UTF-8, a link, a name the site needs).
        case unreadable(String)
        /// The record's keys match: rebuild the page from it.
        case frozen(Lesson, LessonRecord)
        case stale(Lesson)
    }

    struct Entry {
        var name: String
        var stem: String
        var state: State
        /// The lesson's folder: the files it may read, whose hashes its record keeps.
        var folder: URL
    }

    let folder: OutputFolder
    let seed: UInt64
    let parameters: [String: String]
    /// Every lesson of the course and its course file, for the navigation, the index and search.
    let course: CourseFolder
    /// `render --draft`: drafts are listed and each block shows its `file:line · id`.
    let draft: Bool
    private let outline: CourseOutline
    private let lock = NSLock()
    private(set) var problems: [String] = []
    private var anyFailed = false

    init(folder: OutputFolder, seed: UInt64, parameters: [String: String], course: CourseFolder, draft: Bool = false) {
        self.folder = folder
        self.seed = seed
        self.parameters = parameters
        self.course = course
        self.draft = draft
        outline = course.outline(drafts: draft)
    }

    /// What the page of `lesson` needs besides its record.
    func context(_ lesson: Lesson) -> PageRenderer.Context {
        let notebook = "\(lesson.stem).ipynb"
        let hasNotebook = FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(notebook).path)
        return PageRenderer.Context(course: outline, draft: draft, notebook: hasNotebook ? notebook : nil,
                                    markdown: PageRenderer.Context.markdownFile(lesson.stem))
    }

    /// The lesson's Markdown beside its page, for readers to take home; the caller holds the lock.
    func writeSource(_ lesson: Lesson) throws {
        try folder.write(lesson.source, to: PageRenderer.Context.markdownFile(lesson.stem))
    }

    var failed: Bool { lock.withLock { anyFailed } }

    func fail(_ problem: String) {
        lock.withLock {
            problems.append(problem)
            anyFailed = true
        }
    }

    func plan(_ files: [URL], force: Bool) -> [Entry] {
        files.map { url in
            let name = url.lastPathComponent
            let stem = LessonFiles.stem(name)
            let lessonFolder = url.deletingLastPathComponent()
            do {
                let lesson = try LessonFiles.load(url)
                if !force, let record = upToDateRecord(lesson, lessonFolder: lessonFolder) {
                    return Entry(name: name, stem: stem, state: .frozen(lesson, record), folder: lessonFolder)
                }
                return Entry(name: name, stem: stem, state: .stale(lesson), folder: lessonFolder)
            } catch {
                return Entry(name: name, stem: stem, state: .unreadable("\(error)"), folder: lessonFolder)
            }
        }
    }

    /// Rebuilds, from their records, the pages of the course's lessons that this render leaves
    /// out (`lectern render one.md`), so that their sidebars and previous/next links show the
    /// titles as they are now. Lessons without an up-to-date record are left for their own render;
    /// nothing here is reported, since these lessons were not asked for.
    func refreshNavigation(besides planned: Set<String>) throws {
        for lesson in course.lessons where !planned.contains(lesson.stem) {
            guard let record = upToDateRecord(lesson, lessonFolder: course.folder) else { continue }
            try rebuildPage(lesson, record, reporting: false)
        }
    }

    /// The lesson's record when it is what a run now would write (same keys, parameters, files
    /// read and lesson file), so the page can be rebuilt from it; nil when the lesson must run.
    func upToDateRecord(_ lesson: Lesson, lessonFolder: URL) -> LessonRecord? {
        let keys = BlockKeys.compute(lesson, seed: seed, parameters: parameters)
        guard let record = folder.record(stem: lesson.stem), BlockKeys.matches(record, keys, folder: lessonFolder),
              record.parameters ?? [:] == parameters, record.lesson == lesson.file else { return nil }
        return record
    }

    func rebuildPage(_ lesson: Lesson, _ frozen: LessonRecord, reporting: Bool = true) throws {
        try lock.withLock {
            // Prose above a block may have moved it, and the title may have changed: the record
            // follows, so a frozen record reads as a fresh one would (its outputs are unchanged).
            var record = frozen
            record.title = lesson.title
            for (i, block) in lesson.experiments.enumerated() where i < record.blocks.count {
                record.blocks[i].line = block.fenceLine
            }
            if record != frozen { try folder.write(try RecordCodec.encode(record), to: "\(lesson.stem).record.json") }
            try writeSource(lesson)
            let page = PageRenderer.render(lesson: lesson, record: record, context: context(lesson))
            try folder.write(page.html, to: "\(lesson.stem).html")
            guard reporting else { return }
            report(lesson.diagnostics + page.problems)
            if record.failed { anyFailed = true }
        }
    }

    /// Problems of a lesson found by reading it (front matter, options) and by writing its page
    /// (math, figure references); the caller holds the lock.
    private func report(_ found: [LessonDiagnostic]) {
        for problem in found.map(\.description) where !problems.contains(problem) { problems.append(problem) }
        if !found.isEmpty { anyFailed = true }
    }

    /// Installs a finished run; returns the lesson's summary line.
    func install(_ lesson: Lesson, _ outcome: ChildOutcome) -> String {
        lock.withLock {
            try? writeSource(lesson)
            let page = PageRenderer.render(lesson: lesson, record: outcome.record, context: context(lesson))
            report(lesson.diagnostics + page.problems)
            do {
                try folder.install(stem: lesson.stem, record: outcome.record, figuresFrom: outcome.figureFolder, page: page.html)
                try RunTimes(folder).record(lesson.stem, seconds: outcome.seconds, in: folder)
            } catch {
                problems.append("\(lesson.file): error: could not write its output: \(error)")
                anyFailed = true
            }
            problems += outcome.problems.filter { !problems.contains($0) }
            if outcome.failed { anyFailed = true }
            let blocks = lesson.experiments.count
            let figures = outcome.record.figureFiles.count
            var line = "rendered \(lesson.file): \(blocks) block\(blocks == 1 ? "" : "s"), \(figures) figure\(figures == 1 ? "" : "s"), \(String(format: "%.2f", outcome.seconds)) s"
            if outcome.stopped { line += " (stopped: see the error under its block)" }
            return line
        }
    }

    /// The index of the course's lessons (marked when their record holds an error), the
    /// stylesheet, and the search: its index of every lesson of the course and its script.
    func writeIndex() throws {
        try lock.withLock {
            let failed = Dictionary(folder.allRecords().map { ($0.stem, $0.record.failed) }, uniquingKeysWith: { a, _ in a })
            try folder.write(PageRenderer.index(course: course.outline(drafts: draft, failed: { failed[$0] ?? false })), to: "index.html")
            try folder.write(PageRenderer.stylesheet + "\n", to: "style.css")
            try folder.write(SearchIndex.script(course.searchedLessons(drafts: draft)), to: SearchIndex.indexFileName)
            try folder.write(SearchIndex.searchScript, to: SearchIndex.scriptFileName)
        }
    }
}
