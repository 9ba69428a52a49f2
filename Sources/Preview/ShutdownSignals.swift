import Foundation

/// SIGINT (Ctrl-C) and SIGTERM as an async stream, so the preview can stop its render and its
/// server and exit with status 0 instead of dying where it stands.
final class ShutdownSignals: @unchecked Sendable {
    let received: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        received = stream
        sources = signals.map { number in
            // The default action must be off for the dispatch source to hear the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Waits for the first signal; nil when the waiting task was cancelled.
    func first() async -> Int32? {
        for await number in received { return number }
        return nil
    }

    deinit {
        for s in sources { s.cancel() }
    }
}
