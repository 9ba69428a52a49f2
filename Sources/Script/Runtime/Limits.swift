/// Size limits that keep a lesson's mistakes (`[0] * 10**12`, `range(10**15)` in a list) a clear
/// error at the line that made them, instead of a process killed from outside for its memory.
public enum Limits {
    /// The lesson's memory limit (`--memory-limit`, MiB); no one value may need more bytes.
    nonisolated(unsafe) public private(set) static var memoryLimitMiB = 4096
    nonisolated(unsafe) private static var limitBytes = 4096 << 20

    /// Elements of 8 bytes (one float64) that fit in the limit.
    public static var maxElements: Int { limitBytes / 8 }

    /// Bytes a list or tuple item takes (a `Value`); a string takes about one per character.
    public static let listItemBytes = MemoryLayout<Value>.stride

    public static func setMemoryLimit(mebibytes: Int) {
        memoryLimitMiB = min(max(1, mebibytes), 1 << 30)
        limitBytes = memoryLimitMiB << 20
    }

    /// Throws MemoryError when `elements × times` items of `bytesEach` bytes exceed the limit.
    public static func check(elements: Int, times: Int, bytesEach: Int = 8) throws {
        let (count, overflow) = max(elements, 0).multipliedReportingOverflow(by: max(times, 0))
        let (bytes, overflow2) = count.multipliedReportingOverflow(by: max(bytesEach, 1))
        if overflow || overflow2 || bytes > limitBytes {
            let need = overflow || overflow2 ? "more than \(Int.max >> 20)" : "\(bytes >> 20)"
            throw ScriptError(kind: "MemoryError", message: "the result would need \(need) MiB, over the lesson's memory limit of \(memoryLimitMiB) MiB (lectern --memory-limit)")
        }
    }

    /// The number of elements of an array of `shape`, checked: no negative dimension, no
    /// overflow, and no more bytes than the limit at `bytesEach` per element.
    public static func elements(_ shape: [Int], bytesEach: Int = 8) throws -> Int {
        var total = 1
        for d in shape {
            guard d >= 0 else { throw ScriptError(kind: "ValueError", message: "negative dimensions are not allowed") }
            let (t, overflow) = total.multipliedReportingOverflow(by: d)
            if overflow { try check(elements: Int.max, times: 2, bytesEach: bytesEach) }
            total = t
        }
        try check(elements: total, times: 1, bytesEach: bytesEach)
        return total
    }

    /// When the running block's time is up; long native loops (matrix products) look at it
    /// so that they end in the block's TimeoutError rather than in a kill from outside.
    nonisolated(unsafe) public static var deadline: ContinuousClock.Instant?

    public static func checkDeadline() throws {
        if let d = deadline, ContinuousClock.now > d {
            throw ScriptError(kind: "TimeoutError", message: "the block ran past its time limit (set a larger `timeout=` option on the block if it needs more)")
        }
    }
}
