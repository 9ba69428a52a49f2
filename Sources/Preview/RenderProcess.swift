import Foundation

/// Runs `lectern render` as a child process (the same binary) and waits for it. Cancelling the
/// waiting task stops the render and everything it started, so no lesson process outlives the
/// preview.
public struct RenderProcess: Sendable {
    public struct Outcome: Sendable {
        public var status: Int32
        /// Standard output and error as they interleaved; empty when they went to the terminal.
        public var output: String
        public var seconds: Double
        public var cancelled: Bool
    }

    public let executable: URL
    public let arguments: [String]

    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// Runs one render. With `capture` false its output goes straight to ours (the first render,
    /// whose progress the author watches); otherwise it is collected and returned.
    public func run(capture: Bool) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = capture ? Pipe() : nil
        if let pipe {
            process.standardOutput = pipe
            process.standardError = pipe
        }
        let exit = ExitWaiter()
        process.terminationHandler = { exit.exited($0.terminationStatus) }
        if Task.isCancelled { return Outcome(status: -1, output: "", seconds: 0, cancelled: true) }
        let start = ContinuousClock.now
        try process.run()
        let tree = ProcessTree(root: process.processIdentifier)
        return await withTaskCancellationHandler {
            // Read the pipe to its end on a thread of its own, so the child never blocks on it.
            var output = Data()
            if let pipe {
                output = await withCheckedContinuation { c in
                    Thread.detachNewThread { c.resume(returning: pipe.fileHandleForReading.readDataToEndOfFile()) }
                }
            }
            let status = await exit.status()
            let stopped = tree.waitIfStopped()
            let elapsed = (ContinuousClock.now - start).components
            return Outcome(status: status, output: String(decoding: output, as: UTF8.self),
                           seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, cancelled: stopped)
        } onCancel: {
            tree.stop()
        }
    }
}

/// The child's exit status, waited for without regard to cancellation (a stopped render is
/// still waited for, so that it is gone when the preview ends).
final class ExitWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Int32?
    private var waiting: CheckedContinuation<Int32, Never>?

    func exited(_ status: Int32) {
        let c: CheckedContinuation<Int32, Never>? = lock.withLock {
            result = status
            defer { waiting = nil }
            return waiting
        }
        c?.resume(returning: status)
    }

    func status() async -> Int32 {
        await withCheckedContinuation { c in
            let done: Int32? = lock.withLock {
                if result == nil { waiting = c }
                return result
            }
            if let done { c.resume(returning: done) }
        }
    }
}

/// A render and the lesson processes under it, for stopping them all.
final class ProcessTree: @unchecked Sendable {
    let root: pid_t
    private let lock = NSLock()
    /// Set by `stop()`: the processes that were under the render then.
    private var stopped: [pid_t]?

    init(root: pid_t) { self.root = root }

    /// SIGTERM to the render and to every process under it; SIGKILL to any still there after a
    /// grace. (A lesson's process also ends by itself when its render's pipe closes.)
    func stop() {
        let tree = Self.descendants(of: root)
        lock.withLock { stopped = tree }
        kill(root, SIGTERM)
        for p in tree { kill(p, SIGTERM) }
        let root = self.root
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
            for p in [root] + tree where Self.alive(p) { kill(p, SIGKILL) }
        }
    }

    /// After the render exited: if it was stopped, waits (three seconds at most, then SIGKILL)
    /// until the processes that were under it are gone too. Returns whether it was stopped.
    func waitIfStopped() -> Bool {
        guard let tree = lock.withLock({ stopped }) else { return false }
        let deadline = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < deadline, tree.contains(where: Self.alive) {
            usleep(10_000)
        }
        for p in tree where Self.alive(p) { kill(p, SIGKILL) }
        return true
    }

    /// A process that exists and is not a zombie waiting for its parent.
    static func alive(_ pid: pid_t) -> Bool {
        guard let fields = statFields(pid) else { return false }
        return fields.first != "Z" && fields.first != "X"
    }

    /// Every process under `pid`, from /proc (Linux; elsewhere none are found, and the lesson
    /// processes end by themselves when their render's pipe closes).
    static func descendants(of pid: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            // After the name: the state, then the parent's pid.
            guard let p = pid_t(entry), let fields = statFields(p), fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(p)
        }
        var found: [pid_t] = []
        var queue = [pid]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for c in children[next] ?? [] where !found.contains(c) {
                found.append(c)
                queue.append(c)
            }
        }
        return found
    }

    /// The fields of /proc/PID/stat after the command name (which may hold spaces).
    private static func statFields(_ pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }
}
