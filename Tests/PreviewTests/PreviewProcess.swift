import Foundation
import TestSupport
import XCTest

/// A `lectern preview` started from the binary `swift test` built beside the test bundle (found
/// the way `RunnerTests/LecternProcess.swift` finds it), in a scratch folder of its own, with its
/// standard output collected so a test can wait for a line.
final class PreviewProcess: @unchecked Sendable {
    let process = Process()
    let dir: URL
    private let lock = NSLock()
    private var collected = Data()
    private(set) var port: UInt16 = 0

    static var binary: URL { LecternBinary.url }

    static func scratch(_ name: String) throws -> URL { try LecternBinary.scratch(name) }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Starts `lectern preview course -o out --port 0` and waits until it prints its address.
    init(in dir: URL, extra: [String] = []) throws {
        self.dir = dir
        process.executableURL = Self.binary
        process.arguments = ["preview", "course", "-o", "out", "--port", "0", "-j", "1"] + extra
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = dir.appendingPathComponent("tmp").path
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                lock.withLock { collected.append(data) }
            }
        }
        guard let line = waitForOutput(containing: "http://127.0.0.1:", timeout: 180) else {
            stop()
            throw DidNotStart(output: output)
        }
        let digits = line.split(separator: ":").last.map { $0.prefix { $0.isNumber } } ?? ""
        port = UInt16(digits) ?? 0
    }

    struct DidNotStart: Error, CustomStringConvertible {
        var output: String
        var description: String { "lectern preview printed no address; its output:\n\(output)" }
    }

    var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// Waits for `text` on the preview's output; returns the line it is on.
    @discardableResult
    func waitForOutput(containing text: String, timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let line = output.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            if !process.isRunning { break }
            usleep(20_000)
        } while Date() < deadline
        return output.split(separator: "\n").first(where: { $0.contains(text) }).map(String.init)
    }

    /// Sends SIGINT and waits (up to `timeout` seconds) for the preview to end; true if it did.
    @discardableResult
    func interrupt(timeout: Double = 15) -> Bool {
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        return !process.isRunning
    }

    /// Ends the preview however it goes (for clean-up after a failed test).
    func stop() {
        if !interrupt(timeout: 10) {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Processes whose working folder is the scratch folder: the preview's renders and lessons.
    func processesLeft() -> [String] {
        var found: [String] = []
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries where Int32(entry) != nil {
            guard let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd"),
                  cwd == dir.path || cwd.hasPrefix(dir.path + "/") else { continue }
            if let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].hasPrefix(" Z") { continue }
            let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline"))) ?? Data()
            found.append("\(entry): " + String(decoding: cmdline.map { $0 == 0 ? 32 : $0 }, as: UTF8.self))
        }
        return found
    }
}

/// HTTP/1.1 over a plain socket to 127.0.0.1, so that a test sends exactly the request line it
/// means (`GET /../etc/passwd` stays as written) and reads the event stream as it arrives.
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: UInt16

    /// A connected socket, with reads that give up after `timeout` seconds.
    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    static func send(_ text: String, on fd: Int32) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Reads what is there within `timeout` seconds (nil: nothing came; empty: the peer closed).
    static func read(_ fd: Int32, timeout: Double) -> Data? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n <= 0 ? Data() : Data(buffer[..<n])
    }

    /// One request with `Connection: close`, read to its end.
    func get(_ target: String, method: String = "GET") throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        Self.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", on: fd)
        var data = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, let chunk = Self.read(fd, timeout: 5), !chunk.isEmpty { data.append(chunk) }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        var lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0, headers: headers,
                        body: String(text[split.upperBound...]))
    }
}

/// An open `/__lectern/events` stream, read as it comes.
final class EventStreamReader {
    let fd: Int32
    private(set) var received = Data()
    private var consumed = 0

    init(port: UInt16) throws {
        fd = try RawHTTP(port: port).connect()
        RawHTTP.send("GET /__lectern/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n", on: fd)
    }

    deinit { close(fd) }

    var text: String { String(decoding: received, as: UTF8.self) }

    /// Waits up to `timeout` seconds for the server to end the stream and close the connection.
    func waitForClose(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            guard let chunk = RawHTTP.read(fd, timeout: deadline.timeIntervalSinceNow) else { return false }
            if chunk.isEmpty { return true }
            received.append(chunk)
        }
        return false
    }

    /// Waits up to `timeout` seconds for `text` after what earlier waits consumed.
    func waitFor(_ text: String, timeout: Double) -> Bool {
        let pattern = Data(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let r = received.range(of: pattern, in: consumed..<received.count) {
                consumed = r.upperBound
                return true
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let chunk = RawHTTP.read(fd, timeout: left), !chunk.isEmpty else { return false }
            received.append(chunk)
        }
    }
}
