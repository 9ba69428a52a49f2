import Foundation
import Lesson

/// Finding lesson files and writing output files safely.
enum LessonFiles {
    /// The `.md` files a path names: the file itself, or a folder's lessons in name order.
    static func find(_ path: String) throws -> [URL] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LecternError("no such file or folder: \(path)")
        }
        let url = URL(fileURLWithPath: path)
        if !isDir.boolValue {
            guard path.hasSuffix(".md") else { throw LecternError("\(path) is not a Markdown lesson (.md)") }
            return [url]
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    static func load(_ url: URL) throws -> Lesson {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw LecternError("\(url.lastPathComponent):1:1: error: the lesson is not valid UTF-8")
        }
        return LessonParser.parse(file: url.lastPathComponent, source: text)
    }

    /// Writes a file atomically: a temporary file beside it, then a rename, so no reader ever
    /// sees half a file and an interrupted run leaves the old one in place.
    static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: tmp)
            if rename(tmp.path, url.path) != 0 {
                throw LecternError("could not move \(tmp.path) to \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

struct LecternError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Standard output, unbuffered so that it keeps its order with diagnostics on standard error.
func printLine(_ s: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((s + terminator).utf8))
}

/// Standard error, for diagnostics.
func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
