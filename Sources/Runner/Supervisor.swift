import Script
import Foundation
import Lesson
import Notebook
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs one lesson in a child process (the `lectern` binary's internal `_child` command) and never
/// trusts it: the child's whole resident memory is watched and the running block's time limit is
/// enforced with SIGKILL after a short grace; a crash, a kill or garbage on the pipe still gives
/// a record with the blocks that finished and an error under the one that was running.
public struct Supervisor: Sendable {
    /// The `lectern` executable that has the `_child` command.
    public var executable: URL
    /// How long past a block's `timeout=` the child may go before it is killed; the child's own
    /// check (after every statement batch, training batch and figure) usually stops it first.
    public var grace: Duration = .seconds(2)
    /// How often memory and time are looked at.
    public var pollInterval: Duration = .milliseconds(20)

    public init(executable: URL) {
        self.executable = executable
    }

    /// Runs `job` with `work` as the child's private folder (its scratch files and figures; the
    /// caller removes it). `onEvent` hears every event as it arrives, for progress.
    public func run(_ job: LessonJob, work: URL, onEvent: @escaping @Sendable (ChildEvent) -> Void) async -> ChildOutcome {
        let watch = ChildWatch(job: job)
        let start = ContinuousClock.now
        var status: TerminationStatus?
        var launchError: String?
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(job.lesson.source.utf8).write(to: work.appendingPathComponent("lesson.md"))
            let environment: Environment = .inherit.updating([
                "OPENBLAS_NUM_THREADS": "1",
                // A crash should end the child at once, not after the runtime prints a backtrace.
                "SWIFT_BACKTRACE": "enable=no",
            ])
            let result = try await Subprocess.run(
                .path(FilePath(executable.path)), arguments: Arguments(job.childArguments(work: work)),
                environment: environment, input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                let pid = execution.processIdentifier.value
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        var lines = LineSplitter(maxLine: 256 << 20)
                        for try await buffer in execution.standardOutput {
                            buffer.withUnsafeBytes { bytes in
                                lines.feed(bytes) { line in
                                    if let event = watch.accept(line) { onEvent(event) }
                                }
                            }
                            if lines.overflowed { watch.garbage("a line of more than 256 MiB") }
                        }
                    }
                    group.addTask {
                        for try await buffer in execution.standardError {
                            buffer.withUnsafeBytes { watch.keepError($0) }
                        }
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try? await Task.sleep(for: pollInterval)
                            if watch.check(pid: pid, grace: grace) { try? execution.send(signal: .kill) }
                        }
                    }
                    // The two readers end when the child's pipes close; then the watch stops.
                    _ = try await group.next()
                    _ = try await group.next()
                    group.cancelAll()
                }
                // Standard input stays open for the child's whole life: its end tells an orphan
                // whose parent was killed to exit.
                try? await execution.standardInputWriter.finish()
            }
            status = result.terminationStatus
        } catch {
            launchError = "could not start the lesson's process: \(error)"
        }
        let seconds = (ContinuousClock.now - start).inSeconds
        return watch.outcome(status: status, launchError: launchError, seconds: seconds,
                             figureFolder: work.appendingPathComponent("figures"))
    }
}

/// Splits a byte stream into lines, with a bound on one line's length.
struct LineSplitter {
    let maxLine: Int
    private var partial: [UInt8] = []
    private(set) var overflowed = false

    init(maxLine: Int) { self.maxLine = maxLine }

    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ line: ([UInt8]) -> Void) {
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            partial.append(contentsOf: bytes[start..<i])
            line(partial)
            partial.removeAll(keepingCapacity: true)
            start = i + 1
        }
        partial.append(contentsOf: bytes[start..<bytes.count])
        if partial.count > maxLine {
            overflowed = true
            partial.removeAll()
        }
    }
}
