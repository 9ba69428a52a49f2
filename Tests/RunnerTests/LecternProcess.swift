import Foundation
import TestSupport
import XCTest

/// Runs the `lectern` binary that `swift test` built beside the test bundle, as a user would,
/// with a private temporary folder so a test can see what a run leaves behind.
struct LecternProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL { LecternBinary.url }

    static func scratch(_ name: String) throws -> URL { try LecternBinary.scratch(name) }

    /// The binary set up to run in `dir`, with its own temporary folder and no CI variables.
    static func process(_ args: [String], in dir: URL, environment: [String: String] = [:]) -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = dir.appendingPathComponent("tmp").path
        env["GITHUB_ACTIONS"] = nil
        env.merge(environment) { _, new in new }
        p.environment = env
        return p
    }

    static func start(_ args: [String], in dir: URL) throws -> Process {
        let p = process(args, in: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    @discardableResult
    static func run(_ args: [String], in dir: URL, environment: [String: String] = [:]) throws -> Result {
        let p = process(args, in: dir, environment: environment)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes while the process runs so neither fills up.
        let errData = Box(Data())
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errData.value = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        reading.wait()
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// Every file under `dir` (relative path → bytes), Lectern's own bookkeeping left out.
    static func snapshot(_ dir: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = dir.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        for case let path as String in walker where !path.hasPrefix(".lectern") {
            var isDir: ObjCBool = false
            let full = base + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// A value shared with a thread that fills it in.
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
