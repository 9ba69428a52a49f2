import ArgumentParser
import Foundation
import Lesson
import Notebook
import Runner
import Site

/// `lectern export --ipynb`: the recorded lessons as Jupyter notebooks, outputs included,
/// written beside the pages. Nothing runs; the conversion itself is `NotebookExport`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the recorded lessons in another format (Jupyter notebooks), running nothing.",
        discussion: """
        With --ipynb each lesson that has a record in the output folder becomes OUTPUT/LESSON.ipynb \
        (nbformat 4.5): its prose as markdown cells, each experiment block as a code cell with the \
        recorded outputs (text, values, figures as PNG, errors). Run `lectern render` first so the \
        records are up to date.
        """)

    @Argument(help: "A lesson file or a folder of lessons.")
    var lessons: String = "notebooks"

    @Option(name: .shortAndLong, help: "The folder holding the records; the notebooks are written into it.")
    var output: String = "output"

    @Flag(help: "Write Jupyter notebooks (OUTPUT/LESSON.ipynb).")
    var ipynb = false

    func validate() throws {
        guard ipynb else { throw ValidationError("choose what to export: --ipynb (Jupyter notebooks) is the format there is") }
    }

    func run() async throws {
        let files = try LessonFiles.find(lessons)
        guard !files.isEmpty else { throw ValidationError("no lessons (.md files) in \(lessons)") }
        let outputURL = URL(fileURLWithPath: output)
        guard FileManager.default.fileExists(atPath: outputURL.path) else {
            throw ValidationError("no output folder \(output); run `lectern render \(lessons) -o \(output)` first")
        }
        let folder = try OutputFolder(outputURL, wait: printError)
        var written = 0
        var failed = false
        for file in files {
            do {
                let lesson = try LessonFiles.load(file)
                guard FileManager.default.fileExists(atPath: outputURL.appendingPathComponent("\(lesson.stem).record.json").path) else {
                    printError("\(lesson.file): no record in \(output), skipped; run `lectern render` first")
                    continue
                }
                let record = try CheckCommand.record(for: lesson, in: outputURL)
                let figures = readFigures(record, stem: lesson.stem, from: outputURL)
                try folder.write(NotebookExport.notebook(lesson, record: record, figures: figures), to: "\(lesson.stem).ipynb")
                written += 1
            } catch {
                printError("\(file.lastPathComponent): \(error)")
                failed = true
            }
        }
        printLine("exported \(written) notebook\(written == 1 ? "" : "s") to \(output)")
        if failed || written == 0 { throw ExitCode.failure }
    }

    /// The PNGs the record names, by their path in the record. Only files inside the lesson's own
    /// figure folder are read; one that is missing is reported, and the notebook gets its
    /// description instead.
    func readFigures(_ record: LessonRecord, stem: String, from outputURL: URL) -> [String: Data] {
        var figures: [String: Data] = [:]
        for path in record.figureFiles {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == stem[...], !parts[1].isEmpty, !parts[1].hasPrefix(".") else {
                printError("\(record.lesson): the record names a figure outside \(stem)/ (\(path)); left out")
                continue
            }
            guard let data = FileManager.default.contents(atPath: outputURL.appendingPathComponent(path).path) else {
                printError("\(record.lesson): figure \(path) is missing from \(output); the notebook shows its description")
                continue
            }
            figures[path] = data
        }
        return figures
    }
}
