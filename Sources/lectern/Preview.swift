import ArgumentParser
import Foundation
import Preview

/// `lectern preview`: the site on 127.0.0.1, rendered again (by `lectern render`, in a child
/// process) whenever a lesson changes, with the open pages reloading themselves.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the site on 127.0.0.1, render again when a lesson changes, and reload the open pages.",
        discussion: """
        Renders once, then serves the output folder and watches the lessons (every 200 ms). An \
        edit runs `lectern render` again (only lessons whose code changed run; a prose edit only \
        rebuilds its page) and every open page reloads. A render that fails still serves the \
        site, with the errors on the pages. Ctrl-C stops the render under way and the server.
        """)

    @Argument(help: "A lesson file or a folder of lessons.")
    var lessons: String = "notebooks"

    @Option(name: .shortAndLong, help: "The folder the site and records are written to and served from.")
    var output: String = "output"

    @Option(help: "The port on 127.0.0.1 (0 picks a free one; the URL is printed).")
    var port: UInt16 = 8000

    @OptionGroup var options: RunOptions

    @Option(name: .customShort("j"), help: "Lessons to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("-j must be between 1 and 256. Received: \(jobs)") }
        _ = try LessonFiles.find(lessons)
    }

    func run() async throws {
        var arguments = ["render", lessons, "-o", output, "--quiet", "-j", String(jobs),
                         "--seed", String(options.seed), "--memory-limit", String(options.memoryLimit)]
        for p in options.parameters { arguments += ["--param", p] }
        let session = PreviewSession(
            lessons: URL(fileURLWithPath: lessons), output: URL(fileURLWithPath: output), port: port,
            render: RenderProcess(executable: SelfExecutable.url, arguments: arguments),
            log: { printLine($0) })
        do {
            try await session.run()
        } catch let error as PreviewError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        printLine("preview: stopped")
    }
}
