import Script
import ArgumentParser
import Foundation
import Lesson
import Notebook

/// The child side of a supervised run: runs one lesson and reports it as events on standard
/// output (see `ChildEvent`). Started by `render`, `check` and `run`, never by hand.
struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_child", abstract: "Internal: run one lesson for a supervising lectern.", shouldDisplay: false)

    @Option(help: "The private work folder: lesson.md in, figures/ and scratch/ out.")
    var work: String

    @Option(help: "The lesson's file name, for messages and paths.")
    var name: String

    @OptionGroup var options: RunOptions

    @Flag(help: "Report printed text as it is printed.")
    var streamText = false

    @Option(help: "The lesson's own folder, whose files it may read.")
    var courseFolder: String?

    func run() throws {
        Self.exitWithParent()
        NotebookRunner.setMemoryLimit(mebibytes: options.memoryLimit)
        let folder = URL(fileURLWithPath: work)
        let data = try Data(contentsOf: folder.appendingPathComponent("lesson.md"))
        let lesson = LessonParser.parse(file: name, source: String(decoding: data, as: UTF8.self))
        let reporter = ChildReporter(figureFolder: folder.appendingPathComponent("figures"), streamText: streamText)
        let run = NotebookRunner.run(lesson, seed: options.seed, parameters: try options.parameterValues(),
                                     scratch: folder.appendingPathComponent("scratch"),
                                     courseFolder: courseFolder.map { URL(fileURLWithPath: $0) }, observer: reporter)
        let t = run.timing
        reporter.send(.finished(code: t.code.inSeconds, engine: t.engine.inSeconds, figures: t.figures.inSeconds))
    }

    /// The parent keeps our standard input open while it lives; when it ends (the parent was
    /// killed), so do we, instead of running on as an orphan.
    static func exitWithParent() {
        let watcher = Thread {
            var byte: UInt8 = 0
            while read(0, &byte, 1) > 0 {}
            _exit(3)
        }
        watcher.start()
    }
}
