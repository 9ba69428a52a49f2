import ArgumentParser
import Foundation
import Lesson
import Notebook
import Runner

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run lessons in their own process and print each block's outputs as they are produced.")

    @Argument(help: "A lesson file or a folder of lessons.")
    var lesson: String

    @OptionGroup var options: RunOptions

    @Flag(help: "After each lesson, print where the time went: the blocks' code, the engine's part of it, the figures.")
    var timing = false

    func run() async throws {
        let files = try LessonFiles.find(lesson)
        guard !files.isEmpty else { throw ValidationError("no lessons (.md files) in \(lesson)") }
        let runner = CourseRunner(supervisor: Supervisor(executable: SelfExecutable.url), parallel: 1)
        var failed = false
        for file in files {
            let lesson: Lesson
            do { lesson = try LessonFiles.load(file) } catch {
                printError("\(file.lastPathComponent): error: \(error)")
                failed = true
                continue
            }
            let name = lesson.file
            let job = LessonJob(lesson: lesson, seed: options.seed, parameters: try options.parameterValues(),
                                memoryLimitMiB: options.memoryLimit, streamText: true, courseFolder: file.deletingLastPathComponent())
            let lines = lesson.experiments.map(\.fenceLine)
            let started = Locked(Set<String>())
            let finished = Locked<ChildOutcome?>(nil)
            await runner.run([job], onEvent: { _, event in
                switch event {
                case .block(let index, _, let id):
                    started.withLock { _ = $0.insert(id) }
                    printLine("── \(name):\(lines[index]) [\(id)]")
                case .text(let text):
                    FileHandle.standardOutput.write(Data(text.utf8))
                case .done(_, let record):
                    Self.printOutputs(record.outputs, skippingText: true)
                default:
                    break
                }
            }, finish: { _, outcome in finished.withLock { $0 = outcome } })
            guard let outcome = finished.current else { continue }
            if outcome.stopped, let last = outcome.record.blocks.first(where: { $0.key == nil }) {
                if !started.current.contains(last.id) { printLine("── \(name):\(last.line) [\(last.id)]") }
                Self.printOutputs(last.outputs, skippingText: false)
            }
            if timing, let t = outcome.timing {
                printLine(String(format: "timing: code %.3f s, of which engine %.3f s (%.1f%%); figures %.3f s; whole process %.3f s",
                                 t.code, t.engine, t.code > 0 ? 100 * t.engine / t.code : 0, t.figures, outcome.seconds))
            }
            failed = failed || outcome.failed
        }
        if failed { throw ExitCode.failure }
    }

    /// Text was printed as it came; the rest of a block's outputs print when it ends.
    static func printOutputs(_ outputs: [OutputRecord], skippingText: Bool) {
        for o in outputs {
            switch o.kind {
            case .text: if !skippingText { printLine(o.text, terminator: o.text.hasSuffix("\n") ? "" : "\n") }
            case .value: printLine(o.text)
            case .figure: printLine("[figure \(o.width ?? 0)×\(o.height ?? 0)] " + o.text)
            case .error: printError(o.text)
            }
        }
    }
}
