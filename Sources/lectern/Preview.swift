import ArgumentParser
import Foundation

/// `lectern preview`: hands over to the `lectern-preview` program beside this one (it serves the
/// site; keeping its HTTP library out of `lectern` keeps every lesson's process quick to start).
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the site on 127.0.0.1, render again when a lesson changes, and reload the open pages.",
        discussion: "See `lectern-preview --help` for every option.")

    @Argument(parsing: .captureForPassthrough, help: "Lessons, -o OUTPUT, --port, --seed, --memory-limit, --param, -j.")
    var arguments: [String] = []

    func run() throws {
        let me = SelfExecutable.url
        let preview = me.deletingLastPathComponent().appendingPathComponent("lectern-preview").path
        guard FileManager.default.isExecutableFile(atPath: preview) else {
            throw LecternError("lectern-preview is not beside \(me.path); build it with `make` (or `swift build --product lectern-preview`)")
        }
        var argv = ([preview] + arguments + ["--lectern", me.path]).map { strdup($0) }
        argv.append(nil)
        execv(preview, argv)
        throw LecternError("could not start \(preview): \(String(cString: strerror(errno)))")
    }
}
