import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `lectern preview`: serves the output folder on 127.0.0.1 only, puts the
/// reload script into every HTML page, and keeps the pages' event streams (`ReloadHub`).
public final class PreviewServer: Sendable {
    public let files: SiteFiles
    public let hub = ReloadHub()
    private let server: HTTPServer
    private let state = ServerState()
    private let port: UInt16

    public init(folder: URL, port: UInt16) throws {
        self.port = port
        files = SiteFiles(folder: folder)
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        server = HTTPServer(config: .init(address: address, timeout: 15, logger: .disabled),
                            handler: SiteHandler(files: files, hub: hub))
    }

    /// Starts listening; returns the address pages are served at, as `http://127.0.0.1:PORT/`.
    public func start() async throws -> URL {
        let server = self.server, hub = self.hub, state = self.state
        let task = Task {
            do { try await server.run() } catch { state.failed(error) }
        }
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(10))
                hub.heartbeat()
            }
        }
        state.set(task, heartbeat)
        // Either the socket listens or the server ends at once (the port is taken, ...).
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = state.failure { throw PreviewError("cannot serve on 127.0.0.1:\(port): \(Self.describe(error))") }
            guard ContinuousClock.now < deadline else { throw PreviewError("cannot serve on 127.0.0.1:\(port): the server did not start") }
            try await Task.sleep(for: .milliseconds(5))
        }
        guard case .ip4(let host, let port) = await server.listeningAddress else {
            throw PreviewError("the server is not listening")
        }
        return URL(string: "http://\(host):\(port)/")!
    }

    static func describe(_ error: any Error) -> String {
        if case SocketError.failed(_, let number, let message) = error {
            return number == EADDRINUSE ? "\(message) (choose another --port, or --port 0 for any free one)" : message
        }
        return "\(error)"
    }

    /// Ends the pages' event streams, then closes the server and its connections.
    public func stop() async {
        hub.close()
        await server.stop(timeout: 1)
        state.cancelAll()
    }
}

/// Answers every request: the event stream, or a file of the site.
struct SiteHandler: HTTPHandler {
    let files: SiteFiles
    let hub: ReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "only GET and HEAD\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        if request.path == ReloadScript.eventsPath {
            var headers = HTTPHeaders()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: hub.subscribe()))
        }
        switch files.resolve(rawPath: request.target.path()) {
        case .forbidden(let why):
            return Self.text(.forbidden, "403 forbidden: \(why)\n")
        case .notFound:
            return Self.text(.notFound, "404 not found: \(request.path)\n")
        case .file(let url):
            guard var body = FileManager.default.contents(atPath: url.path) else {
                return Self.text(.notFound, "404 not found: \(request.path)\n")
            }
            let type = SiteFiles.contentType(for: url)
            if type.hasPrefix("text/html") { body = ReloadScript.inject(into: body) }
            var headers = HTTPHeaders()
            headers[.contentType] = type
            // Every reload must show the latest render.
            headers[.cacheControl] = "no-store"
            headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
            if request.method == .HEAD {
                headers[.contentLength] = String(body.count)
                body = Data()
            }
            return HTTPResponse(statusCode: .ok, headers: headers, body: body)
        }
    }

    static func text(_ status: HTTPStatusCode, _ message: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/plain; charset=utf-8"
        for (k, v) in extra { headers[k] = v }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(message.utf8))
    }
}

/// The server's task and the heartbeat, to cancel on stop, and why the server ended if it failed.
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []
    private var error: (any Error)?

    func set(_ server: Task<Void, Never>, _ heartbeat: Task<Void, Never>) {
        lock.withLock { tasks = [server, heartbeat] }
    }

    func failed(_ error: any Error) {
        lock.withLock { self.error = error }
    }

    var failure: (any Error)? { lock.withLock { error } }

    func cancelAll() {
        for task in lock.withLock({ tasks }) { task.cancel() }
    }
}

/// A preview problem, worded for the course author.
public struct PreviewError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
