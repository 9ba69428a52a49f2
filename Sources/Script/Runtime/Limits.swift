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
}
