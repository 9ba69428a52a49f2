import Foundation
import Script

/// Python's `time` for the scripts that time themselves: `time()`, `perf_counter()`,
/// `monotonic()`, `process_time()` (and their `_ns` forms) and `sleep()`. The clock is real, so
/// what a block prints from it differs run to run: the session is told the block read the clock
/// (`clockRead`), its record says so, and `check` compares such a block with its decimal numbers
/// masked. `sleep` keeps to the block's time limit.
enum TimeModule {
    static func module(session: LessonSession) -> ModuleObject {
        let start = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - start).inSeconds }
        func clock(_ name: String, _ read: @escaping () -> Double) -> [(String, Value)] {
            [
                declared(name, "") { _, _ in
                    session.clockRead?()
                    return .float(read())
                },
                declared(name + "_ns", "") { _, _ in
                    session.clockRead?()
                    return .int(Int((read() * 1e9).rounded()))
                },
            ]
        }
        // The monotonic clocks count from an arbitrary start, as CPython's do.
        let base = 1000.0
        var members: [(String, Value)] = []
        members += clock("time") { Date().timeIntervalSince1970 }
        members += clock("perf_counter") { base + elapsed() }
        members += clock("monotonic") { base + elapsed() }
        members += clock("process_time") { Double(clock_t(Foundation.clock())) / Double(CLOCKS_PER_SEC) }
        members.append(declared("sleep", "seconds") { a, _ in
            let seconds = try a["seconds"].double("seconds")
            guard seconds.isFinite else { throw ScriptError(kind: "OverflowError", message: "sleep length is too large") }
            guard seconds >= 0 else { throw ScriptError.value("sleep length must be non-negative") }
            session.clockRead?()
            let until = ContinuousClock.now + .nanoseconds(Int64(min(seconds, 1e9) * 1e9))
            // In slices, so that the block's time limit stops a long sleep as it stops a loop.
            while ContinuousClock.now < until {
                try Limits.checkDeadline()
                Thread.sleep(forTimeInterval: min(0.05, (until - ContinuousClock.now).inSeconds))
            }
            return .none
        })
        return Modules.module("time", members)
    }
}
