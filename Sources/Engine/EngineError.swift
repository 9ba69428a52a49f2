/// An error raised by the engine, worded in Keras' manner: what was expected,
/// then what was received ("Dense expects a positive integer for units. Received: units=-5").
public struct EngineError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    /// The weights asked for would not fit in the lesson's memory (a MemoryError to the lesson).
    public var isMemory = false
    /// Keras has it, the engine does not (a NotImplementedError to the lesson).
    public var isNotImplemented = false

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    public static func notImplemented(_ message: String) -> EngineError {
        var e = EngineError(message)
        e.isNotImplemented = true
        return e
    }
}

/// The memory the engine may give one model's weights, set by the lesson's memory limit.
public enum EngineLimits {
    nonisolated(unsafe) public static var maxBytes = Int.max

    /// Throws when a weight tensor of `shape` (float32, with its gradient and an optimizer's two
    /// moments: 16 bytes a weight) would not fit.
    public static func checkWeights(_ shape: [Int], layer: String) throws {
        var count = 1
        for d in shape {
            let (c, overflow) = count.multipliedReportingOverflow(by: max(d, 0))
            if overflow { count = Int.max; break }
            count = c
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 16)
        if overflow || bytes > maxBytes {
            var e = EngineError("\(layer): a weight tensor of shape \(shape) needs \(overflow ? "more than 8 EiB" : "\(bytes >> 20) MiB") with its gradient and optimizer state, over the lesson's memory limit (lectern --memory-limit)")
            e.isMemory = true
            throw e
        }
    }
}
