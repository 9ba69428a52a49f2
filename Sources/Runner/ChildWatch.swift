import Foundation
import Lesson
import Notebook
import Synchronization

/// What the supervisor knows about one running child: the events it sent (checked against the
/// lesson as the parent parsed it), the tail of its standard error, its memory, and whether and
/// why it was stopped. Shared between the pipe readers and the watchdog, behind a lock.
final class ChildWatch: Sendable {
    /// Everything seen of the child so far.
    struct State {
        var blocks: [BlockRecord] = []
        var running: (index: Int, since: ContinuousClock.Instant)?
        var finished: (code: Double, engine: Double, figures: Double)?
        var garbage: String?
        var stop: StopReason?
        var stderrTail: [UInt8] = []
        var peakBytes = 0
    }

    let job: LessonJob
    private let state = Mutex(State())
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    init(job: LessonJob) { self.job = job }

    private var experiments: [ExperimentBlock] { job.lesson.experiments }

    /// Takes one line from the child; returns the event when it is well-formed and in order.
    func accept(_ line: [UInt8]) -> ChildEvent? {
        guard let event = ChildEvent.parse(line) else {
            garbage("a line that is not an event: \(String(decoding: line.prefix(80), as: UTF8.self))")
            return nil
        }
        return state.withLock { s -> ChildEvent? in
            switch event {
            case .block(let index, _, let id):
                guard index == s.blocks.count, index < experiments.count, experiments[index].id == id else {
                    s.garbage = s.garbage ?? "block \(index) '\(id)' out of order"
                    return nil
                }
                s.running = (index, .now)
            case .done(let index, let record):
                guard index == s.blocks.count, index < experiments.count, experiments[index].id == record.id else {
                    s.garbage = s.garbage ?? "a result for block \(index) out of order"
                    return nil
                }
                s.blocks.append(record)
                s.running = nil
            case .finished(let code, let engine, let figures):
                s.finished = (code, engine, figures)
            case .text, .epoch:
                break
            }
            return event
        }
    }

    func garbage(_ what: String) {
        state.withLock { s in if s.garbage == nil { s.garbage = what } }
    }

    /// Keeps the last 8 KiB of the child's standard error, for a crash report.
    func keepError(_ bytes: UnsafeRawBufferPointer) {
        state.withLock { s in
            s.stderrTail.append(contentsOf: bytes)
            if s.stderrTail.count > 8192 { s.stderrTail.removeFirst(s.stderrTail.count - 8192) }
        }
    }

    /// Looks at the child's resident memory and the running block's clock; true when the child
    /// must be killed (and from then on).
    func check(pid: pid_t, grace: Duration) -> Bool {
        let resident = Self.residentBytes(pid)
        return state.withLock { s in
            s.peakBytes = max(s.peakBytes, resident)
            if s.stop != nil { return true }
            if resident > job.memoryLimitMiB << 20 {
                s.stop = .memory(limitMiB: job.memoryLimitMiB)
                return true
            }
            if let (index, since) = s.running {
                let limit = experiments[index].options.timeout
                if ContinuousClock.now - since > .milliseconds(Int64(limit * 1000)) + grace {
                    s.stop = .time(block: experiments[index].id, seconds: limit)
                    return true
                }
            }
            return false
        }
    }

    /// Everything seen so far, for the outcome.
    func snapshot() -> State {
        state.withLock { $0 }
    }

    /// The resident set size from `/proc/PID/statm` (0 once the process is gone).
    static func residentBytes(_ pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * pageSize
    }
}
