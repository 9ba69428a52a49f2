import ArgumentParser
import Check
import Foundation
import Lesson
import Notebook
import Runner

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run the lessons, each in its own process, and compare every output with the record under the output folder.",
        discussion: """
        Numbers are compared as numbers, within --rtol/--atol (or a block's rtol=/atol=), the rest \
        of the text exactly, after sanitizers replace what differs from run to run (memory \
        addresses, timings and ETAs, dates, scratch paths, and your own patterns). Figures are \
        compared by what they plot, then by their pixels; a drifted figure's new PNG and a diff \
        image are kept in OUTPUT/LESSON.drift/. Blocks with check=false are run but not compared.

        Exit status: 0 every block matches; 1 some output drifted; 2 a lesson could not be \
        checked (no record, unreadable, stopped by a crash or a limit) or the command line is wrong.
        """)

    @Argument(help: "A lesson file or a folder of lessons.")
    var lessons: String = "notebooks"

    @Option(name: .shortAndLong, help: "The folder holding the records written by `lectern render`.")
    var output: String = "output"

    @OptionGroup var options: RunOptions
    @OptionGroup var parallel: ParallelOptions

    @Option(help: "Relative tolerance for numbers (a block's rtol= wins).")
    var rtol: Double = 1e-6

    @Option(help: "Absolute tolerance for numbers (a block's atol= wins).")
    var atol: Double = 1e-9

    @Option(help: ArgumentHelp("A regular expression whose matches are replaced before comparing, optionally `REGEX => REPLACEMENT` (repeatable).", valueName: "regex"))
    var sanitize: [String] = []

    @Option(help: ArgumentHelp("A file of sanitize patterns, one a line (`REGEX` or `REGEX => REPLACEMENT`, # comments).", valueName: "file"))
    var sanitizeFile: String?

    @Flag(help: "Accept the changes: re-record the lessons that drifted (record, page, figures) and leave the others untouched.")
    var update = false

    @Option(help: ArgumentHelp("Write a JUnit XML report (a test suite per lesson, a test case per block).", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Write the results as JSON.", valueName: "file"))
    var json: String?

    func validate() throws {
        guard rtol >= 0, atol >= 0, rtol.isFinite, atol.isFinite else { throw ValidationError("--rtol and --atol must be finite numbers, 0 or more") }
        _ = try settings()
    }

    func settings() throws -> CheckSettings {
        var extra = sanitize.map { text -> Sanitizer in
            let parts = text.components(separatedBy: " => ")
            return Sanitizer(pattern: parts[0], replacement: parts.count > 1 ? parts.dropFirst().joined(separator: " => ") : "<sanitized>")
        }
        if let sanitizeFile { extra = try Sanitizers.readFile(URL(fileURLWithPath: sanitizeFile)) + extra }
        do {
            return CheckSettings(rtol: rtol, atol: atol, sanitizers: try Sanitizers(extra: extra))
        } catch {
            throw ValidationError("a --sanitize pattern is not a valid regular expression: \(error)")
        }
    }

    func run() async throws {
        let settings = try settings()
        let files = try LessonFiles.find(lessons)
        guard !files.isEmpty else { throw ValidationError("no lessons (.md files) in \(lessons)") }
        let outputURL = URL(fileURLWithPath: output)
        let parameters = try options.parameterValues()
        // Results in lesson order, whatever order the lessons finish in.
        let collected = Locked<[LessonCheck?]>(Array(repeating: nil, count: files.count))
        var jobs: [LessonJob] = []
        var slots: [Int] = []
        var expected: [LessonRecord] = []
        for (slot, file) in files.enumerated() {
            let path = Self.displayPath(file)
            let lesson: Lesson
            do { lesson = try LessonFiles.load(file) } catch {
                collected.withLock { $0[slot] = LessonCheck(lesson: file.lastPathComponent, path: path, failure: "\(error)") }
                continue
            }
            do {
                expected.append(try Self.record(for: lesson, in: outputURL))
            } catch {
                collected.withLock { $0[slot] = LessonCheck(lesson: lesson.file, path: path, failure: "\(error)") }
                continue
            }
            jobs.append(LessonJob(lesson: lesson, seed: options.seed, parameters: parameters, memoryLimitMiB: options.memoryLimit,
                                  courseFolder: file.deletingLastPathComponent()))
            slots.append(slot)
        }
        let board = ProgressBoard(names: files.map(\.lastPathComponent), live: !parallel.quiet && ProgressBoard.standardOutputIsTerminal,
                                  write: { FileHandle.standardOutput.write(Data($0.utf8)) })
        for (slot, early) in collected.current.enumerated() {
            if let early { board.skipped(slot, line: CheckReport.text(early)) }
        }
        let site: SiteBuild? = update ? SiteBuild(folder: try OutputFolder(outputURL, wait: printError), seed: options.seed, parameters: parameters,
                                                  course: CourseFolder.load(containing: lessons)) : nil
        let order = RunTimes(outputURL: outputURL).longestFirst(jobs.map(\.lesson.stem))
        let orderedJobs = order.map { jobs[$0] }, orderedSlots = order.map { slots[$0] }, orderedExpected = order.map { expected[$0] }
        let runner = CourseRunner(supervisor: Supervisor(executable: SelfExecutable.url), parallel: parallel.jobs)
        await runner.run(orderedJobs, onEvent: { board.event(orderedSlots[$0], $1) }, finish: { i, outcome in
            let lesson = orderedJobs[i].lesson
            let slot = orderedSlots[i]
            let keep = outputURL.appendingPathComponent("\(lesson.stem).drift")
            Self.clearDriftFolder(keep)
            var result = LessonCheck(lesson: lesson.file, path: Self.displayPath(files[slot]))
            if outcome.stopped {
                result.failure = outcome.problems.last ?? "the lesson's process stopped"
            } else {
                result.blocks = RecordCheck.compare(expected: orderedExpected[i], actual: outcome.record, lesson: lesson, settings: settings,
                                                    figures: FigureFiles(recorded: outputURL, fresh: outcome.figureFolder, keep: keep))
            }
            var line = CheckReport.text(result)
            if let site, result.drifted {
                line += "\n" + site.install(lesson, outcome).replacingOccurrences(of: "rendered ", with: "updated ")
                Self.clearDriftFolder(keep)
                result.blocks = result.blocks.map { var b = $0; if b.status == .failed { b.status = .passed; b.drifts = [] }; return b }
            }
            collected.withLock { $0[slot] = result }
            board.finished(slot, line: line)
        }, willStart: { board.started(orderedSlots[$0]) })
        if let site { try site.writeIndex() }
        let results = collected.current.compactMap { $0 }
        try report(results)
        let counts = CheckReport.counts(results)
        if counts.errors > 0 { throw ExitCode(2) }
        if counts.failed > 0 { throw ExitCode.failure }
    }

    func report(_ results: [LessonCheck]) throws {
        if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" {
            for line in CheckReport.githubAnnotations(results) { printLine(line) }
        }
        if let junit { try Data(CheckReport.junit(results).utf8).write(to: URL(fileURLWithPath: junit)) }
        if let json { try CheckReport.json(results).write(to: URL(fileURLWithPath: json)) }
        printLine(CheckReport.closingLine(CheckReport.counts(results)))
    }

    /// The lesson's record, if it is there, readable, written by a Lectern that this one can
    /// read, and written for this lesson.
    static func record(for lesson: Lesson, in output: URL) throws -> LessonRecord {
        let url = output.appendingPathComponent("\(lesson.stem).record.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LecternError("no record at \(url.path); run `lectern render` first")
        }
        let record: LessonRecord
        do { record = try RecordCodec.decode(data) } catch {
            throw LecternError("the record \(url.path) cannot be read: \(error)")
        }
        guard record.format <= LessonRecord.currentFormat else {
            throw LecternError("record format \(record.format) is newer than this Lectern's (\(LessonRecord.currentFormat)); update Lectern")
        }
        guard record.lesson == lesson.file else {
            throw LecternError("the record \(url.lastPathComponent) belongs to \(record.lesson), not \(lesson.file)")
        }
        return record
    }

    /// The kept PNGs of an earlier check of this lesson (only the files check itself writes).
    static func clearDriftFolder(_ folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasSuffix(".new.png") || name.hasSuffix(".diff.png") {
            unlink(folder.appendingPathComponent(name).path)
        }
        rmdir(folder.path)
    }

    /// A lesson's path relative to the current folder when it is inside it (as CI annotations want).
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
