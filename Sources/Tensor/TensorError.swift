/// An error from a tensor operation, worded like NumPy's: what was expected and what was received.
public struct TensorError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
