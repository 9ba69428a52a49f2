import ArgumentParser
import Foundation
import Preview

/// `lectern preview`: the site on 127.0.0.1, rendered again (by `lectern render`, in a child
/// process) whenever a lesson changes, with the open pages reloading themselves. A program of its
/// own, which `lectern preview` starts, so that the HTTP library (and the networking libraries it
/// pulls in) never load into `lectern` itself, which starts once per lesson.
@main
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern preview",
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

    @Option(help: "Seed for everything a lesson does not seed itself (passed to render).")
    var seed: UInt64 = 0

    @Option(help: "Memory limit of each lesson in MiB (passed to render).")
    var memoryLimit: Int = 4096

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a parameter of the lessons' `params` block (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customShort("j"), help: "Lessons to run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("The lectern binary that renders (set by `lectern preview`).", visibility: .hidden))
    var lectern: String?

    func validate() throws {
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("-j must be between 1 and 256. Received: \(jobs)") }
        guard FileManager.default.fileExists(atPath: lessons) else { throw ValidationError("no such file or folder: \(lessons)") }
    }

    func run() async throws {
        var arguments = ["render", lessons, "-o", output, "--quiet", "-j", String(jobs),
                         "--seed", String(seed), "--memory-limit", String(memoryLimit)]
        for p in parameters { arguments += ["--param", p] }
        let renderer = URL(fileURLWithPath: lectern ?? Self.sibling("lectern"))
        let session = PreviewSession(
            lessons: URL(fileURLWithPath: lessons), output: URL(fileURLWithPath: output), port: port,
            render: RenderProcess(executable: renderer, arguments: arguments),
            log: { Self.say($0) })
        do {
            try await session.run()
        } catch let error as PreviewError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        Self.say("preview: stopped")
    }

    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A program installed beside this one.
    static func sibling(_ name: String) -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
