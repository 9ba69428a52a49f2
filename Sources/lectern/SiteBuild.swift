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
    }

    let folder: OutputFolder
    let seed: UInt64
    let parameters: [String: String]
    private let lock = NSLock()
    private(set) var problems: [String] = []
    private var anyFailed = false

    init(folder: OutputFolder, seed: UInt64, parameters: [String: String]) {
        self.folder = folder
        self.seed = seed
        self.parameters = parameters
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
            do {
                let lesson = try LessonFiles.load(url)
                let keys = BlockKeys.compute(lesson, seed: seed, parameters: parameters)
                if !force, let record = folder.record(stem: stem), BlockKeys.matches(record, keys),
                   record.parameters ?? [:] == parameters, record.lesson == lesson.file {
                    return Entry(name: name, stem: stem, state: .frozen(lesson, record))
                }
                return Entry(name: name, stem: stem, state: .stale(lesson))
            } catch {
                return Entry(name: name, stem: stem, state: .unreadable("\(error)"))
            }
        }
    }

    func rebuildPage(_ lesson: Lesson, _ record: LessonRecord) throws {
        try lock.withLock {
            let page = PageRenderer.render(lesson: lesson, record: record)
            try folder.write(page.html, to: "\(lesson.stem).html")
            problems += page.problems.map(\.description)
            if record.failed || !page.problems.isEmpty { anyFailed = true }
        }
    }

    /// Installs a finished run; returns the lesson's summary line.
    func install(_ lesson: Lesson, _ outcome: ChildOutcome) -> String {
        lock.withLock {
            let page = PageRenderer.render(lesson: lesson, record: outcome.record)
            problems += page.problems.map(\.description)
            if !page.problems.isEmpty { anyFailed = true }
            do {
                try folder.install(stem: lesson.stem, record: outcome.record, figuresFrom: outcome.figureFolder, page: page.html)
                try RunTimes(folder).record(lesson.stem, seconds: outcome.seconds, in: folder)
            } catch {
                problems.append("\(lesson.file): error: could not write its output: \(error)")
                anyFailed = true
            }
            problems += outcome.problems
            if outcome.failed { anyFailed = true }
            let blocks = lesson.experiments.count
            let figures = outcome.record.figureFiles.count
            var line = "rendered \(lesson.file): \(blocks) block\(blocks == 1 ? "" : "s"), \(figures) figure\(figures == 1 ? "" : "s"), \(String(format: "%.2f", outcome.seconds)) s"
            if outcome.stopped { line += " (stopped: see the error under its block)" }
            return line
        }
    }

    /// The index from every record in the output folder, and the stylesheet.
    func writeIndex() throws {
        try lock.withLock {
            let entries = folder.allRecords().map { stem, record in
                PageRenderer.IndexEntry(stem: stem, title: record.title ?? stem, failed: record.failed)
            }
            try folder.write(PageRenderer.index(entries), to: "index.html")
            try folder.write(PageRenderer.stylesheet + "\n", to: "style.css")
        }
    }
}
