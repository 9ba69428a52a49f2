import Foundation
import Lesson

/// Finding and reading lesson files.
enum LessonFiles {
    /// The lessons a path names: the file itself, or a folder's `.md` files (any case) in name order.
    static func find(_ path: String) throws -> [URL] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw LecternError("no such file or folder: \(path)")
        }
        let url = URL(fileURLWithPath: path)
        if !isDir.boolValue {
            guard isLessonName(url.lastPathComponent) else { throw LecternError("\(path) is not a Markdown lesson (.md)") }
            return [url]
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        return names.filter { isLessonName($0) && !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    static func isLessonName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".md") && name.count > 3
    }

    /// The name without `.md`: the lesson's page, record and figure folder are named after it.
    static func stem(_ name: String) -> String {
        String(name.dropLast(3))
    }

    /// Names the site itself uses; a lesson with one of them would overwrite the site's files.
    static let reservedStems: Set<String> = ["index", "style.css", "search", "assets"]

    /// Reads a lesson: a regular file (not a link, a pipe or a device) of UTF-8 text, whose name
    /// does not collide with the site's own files.
    static func load(_ url: URL) throws -> Lesson {
        let name = url.lastPathComponent
        var info = stat()
        guard lstat(url.path, &info) == 0 else { throw LecternError("cannot read \(name): \(String(cString: strerror(errno)))") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw LecternError("\(name) is a symbolic link; Lectern reads only lesson files that are in the folder itself")
        default: throw LecternError("\(name) is not a regular file")
        }
        let stem = stem(name)
        if reservedStems.contains(stem.lowercased()) || stem.hasSuffix(".record.json") || stem.hasSuffix(".drift") || stem.hasPrefix(".") {
            throw LecternError("\(name) would overwrite the site's own files (\(stem).html, \(stem)/); rename the lesson")
        }
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw LecternError("\(name):1:1: error: the lesson is not valid UTF-8")
        }
        return LessonParser.parse(file: name, source: text)
    }
}

struct LecternError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// The running `lectern` binary, which children are started from.
enum SelfExecutable {
    static var url: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}

/// Standard output, unbuffered so that it keeps its order with diagnostics on standard error.
func printLine(_ s: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((s + terminator).utf8))
}

/// Standard error, for diagnostics.
func printError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
