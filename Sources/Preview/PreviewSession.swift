import Foundation

/// `lectern preview` from start to Ctrl-C: one render, then the server, then a loop that renders
/// again whenever a lesson changes and tells the open pages to reload.
public struct PreviewSession: Sendable {
    public var lessons: URL
    public var output: URL
    public var port: UInt16
    public var render: RenderProcess
    /// Where the preview's own lines go (standard output in the command).
    public var log: @Sendable (String) -> Void

    public init(lessons: URL, output: URL, port: UInt16, render: RenderProcess, log: @escaping @Sendable (String) -> Void) {
        self.lessons = lessons
        self.output = output
        self.port = port
        self.render = render
        self.log = log
    }

    /// Runs until SIGINT or SIGTERM; then the render under way (if any) is stopped, the server
    /// closed, and it returns. Throws when the server cannot start.
    public func run() async throws {
        let signals = ShutdownSignals()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await self.serve()
                return true
            }
            group.addTask { await signals.first() != nil }
            // Whichever ends first ends the other: a signal cancels the serving loop, which
            // stops its render and closes the server before the group returns.
            _ = try await group.next()
            group.cancelAll()
            while try await group.next() != nil {}
        }
    }

    func serve() async throws {
        let watcher = LessonWatcher(path: lessons)
        var seen = watcher.snapshot()
        // Listen first, so a port that is taken is said before a long render, not after it.
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let server = try PreviewServer(folder: output, port: port)
        let url = try await server.start()
        do {
            log("preview: rendering \(lessons.relativePath) into \(output.relativePath)")
            let first = try await render.run(capture: false)
            if first.cancelled { return await server.stop() }
            if first.status != 0 { log("preview: the render exited with status \(first.status); serving what it wrote (the pages show the errors)") }
            log("preview: serving \(output.relativePath) at \(url) (Ctrl-C stops)")
            while let now = await watcher.change(since: seen) {
                let changed = Self.changedNames(seen, now)
                seen = now
                log("preview: \(changed) changed; rendering")
                let outcome = try await render.run(capture: true)
                if outcome.cancelled { break }
                report(outcome)
                server.hub.reload()
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// A finished render in a few lines: what ran and how long it took, or all it said when it failed.
    func report(_ outcome: RenderProcess.Outcome) {
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: true)
        let time = String(format: "%.2f s", outcome.seconds)
        if outcome.status == 0 {
            // Lessons whose page was only rebuilt from their record are not news.
            for line in lines where !line.hasPrefix("unchanged ") { log(String(line)) }
            log("preview: rendered in \(time); reloading the open pages")
        } else {
            for line in lines { log(String(line)) }
            log("preview: the render exited with status \(outcome.status) after \(time); the pages show the errors; reloading")
        }
    }

    /// The lesson files that were added, removed or modified between two snapshots.
    static func changedNames(_ a: LessonWatcher.Snapshot, _ b: LessonWatcher.Snapshot) -> String {
        let paths = Set(a.files.keys).union(b.files.keys).filter { a.files[$0] != b.files[$0] }.sorted()
        let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        return names.isEmpty ? "the lessons" : names.joined(separator: ", ")
    }
}
