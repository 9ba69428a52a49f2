import ArgumentParser
import Check
import Foundation
import Lesson
import Notebook
import Runner

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run the lessons, each in its own process, and compare every output with the record under the output folder.")

    @Argument(help: "A lesson file or a folder of lessons.")
    var lessons: String = "notebooks"

    @Option(name: .shortAndLong, help: "The folder holding the records written by `lectern render`.")
    var output: String = "output"

    @OptionGroup var options: RunOptions
    @OptionGroup var parallel: ParallelOptions

    func run() async throws {
        let files = try LessonFiles.find(lessons)
        guard !files.isEmpty else { throw ValidationError("no lessons (.md files) in \(lessons)") }
        let outputURL = URL(fileURLWithPath: output)
        var jobs: [LessonJob] = []
        var expected: [LessonRecord] = []
        var names: [String] = []
        var drifts = 0
        for file in files {
            let lesson: Lesson
            do { lesson = try LessonFiles.load(file) } catch {
                printLine("\(file.lastPathComponent): error: \(error)")
                drifts += 1
                continue
            }
            let recordURL = outputURL.appendingPathComponent("\(lesson.stem).record.json")
            guard let data = try? Data(contentsOf: recordURL) else {
                printLine("\(lesson.file): no record at \(recordURL.path); run `lectern render` first")
                drifts += 1
                continue
            }
            do {
                let record = try RecordCodec.decode(data)
                guard record.format <= LessonRecord.currentFormat else {
                    throw LecternError("record format \(record.format) is newer than this Lectern's (\(LessonRecord.currentFormat))")
                }
                guard record.lesson == lesson.file else { throw LecternError("this record belongs to \(record.lesson)") }
                expected.append(record)
            } catch {
                printLine("\(recordURL.path): the record cannot be used: \(error)")
                drifts += 1
                continue
            }
            jobs.append(LessonJob(lesson: lesson, seed: options.seed, parameters: try options.parameterValues(), memoryLimitMiB: options.memoryLimit))
            names.append(lesson.file)
        }
        let board = ProgressBoard(names: names, live: !parallel.quiet && ProgressBoard.standardOutputIsTerminal,
                                  write: { FileHandle.standardOutput.write(Data($0.utf8)) })
        let counter = DriftCounter()
        let order = RunTimes(outputURL: outputURL).longestFirst(jobs.map(\.lesson.stem))
        jobs = order.map { jobs[$0] }
        let expectedRecords = order.map { expected[$0] }, lessonNames = order.map { names[$0] }
        let runner = CourseRunner(supervisor: Supervisor(executable: SelfExecutable.url), parallel: parallel.jobs)
        await runner.run(jobs, onEvent: { board.event(order[$0], $1) }, finish: { i, outcome in
            let found = RecordCheck.compare(expected: expectedRecords[i], actual: outcome.record)
            counter.add(found.count)
            var text = found.map(\.description).joined(separator: "\n")
            if !text.isEmpty { text += "\n" }
            text += "\(lessonNames[i]): \(found.isEmpty ? "ok" : "\(found.count) output\(found.count == 1 ? "" : "s") drifted")"
            board.finished(order[i], line: text)
        }, willStart: { board.started(order[$0]) })
        if drifts + counter.total > 0 { throw ExitCode.failure }
    }
}

/// Drifts counted across lessons that finish concurrently.
final class DriftCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.withLock { count += n } }
    var total: Int { lock.withLock { count } }
}
