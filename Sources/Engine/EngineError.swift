/// An error raised by the engine, worded in Keras' manner: what was expected,
/// then what was received ("Dense expects a positive integer for units. Received: units=-5").
public struct EngineError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
