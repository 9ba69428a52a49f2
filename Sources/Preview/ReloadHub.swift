import FlyingSocks
import Foundation

/// The open pages' event streams (server-sent events). Every page the preview serves subscribes;
/// `reload()` tells them all to reload, `close()` ends every stream so the server can stop.
public final class ReloadHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    public init() {}

    /// How many pages are listening now.
    public var listeners: Int { lock.withLock { subscribers.count } }

    /// A new stream; it starts with a comment so the client knows it is connected.
    func subscribe() -> EventStream {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(32))
        continuation.yield(Array("retry: 1000\n: connected\n\n".utf8))
        let id: Int? = lock.withLock {
            guard !closed else { return nil }
            nextID += 1
            subscribers[nextID] = continuation
            return nextID
        }
        if let id {
            // A client that went away ends its stream when a write fails; forget it then.
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
        } else {
            continuation.finish()
        }
        return EventStream(base: stream)
    }

    /// Tells every open page to reload.
    public func reload() {
        send(Array("event: reload\ndata: {}\n\n".utf8))
    }

    /// A comment line every so often, so a client that went away is noticed (its write fails).
    func heartbeat() {
        send(Array(": ping\n\n".utf8))
    }

    /// Ends every stream; later subscribers get an empty one.
    public func close() {
        let all = lock.withLock {
            closed = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for c in all { c.finish() }
    }

    private func send(_ bytes: [UInt8]) {
        let all = lock.withLock { subscribers }
        for (id, c) in all {
            if case .terminated = c.yield(bytes) { remove(id) }
        }
    }

    private func remove(_ id: Int) {
        _ = lock.withLock { subscribers.removeValue(forKey: id) }
    }
}

/// One client's event stream as the byte sequence FlyingFox writes out (chunked, as it comes).
struct EventStream: AsyncBufferedSequence {
    typealias Element = UInt8
    let base: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// Never an empty buffer: an empty chunk would end a chunked response.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let event = await base.next() else { return nil }
                pending = event[...]
            }
            let n = Swift.max(1, Swift.min(count, pending.count))
            defer { pending = pending.dropFirst(n) }
            return pending.prefix(n)
        }
    }
}
