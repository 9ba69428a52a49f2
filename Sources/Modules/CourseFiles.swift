import Foundation
import Script

/// The files of a lesson's course folder, as lessons may read them: a path relative to the
/// lesson's folder that stays inside it, through no symbolic link leading out, naming a regular
/// file. The same rules serve the lesson (`open`, `np.loadtxt`, `np.load`) and `lectern render`,
/// which hashes the files a record says were read to tell whether the lesson must run again.
public enum CourseFiles {
    /// Why a path cannot be read, as the Python exception the lesson sees.
    public enum Refusal: Error, Equatable {
        case outside, missing, directory, notRegular
    }

    /// The path made relative and clean (`./data/../x.csv` is `x.csv`); nil when it is absolute
    /// or its `..` climbs out of the folder.
    public static func normalized(_ path: String) -> String? {
        guard !path.hasPrefix("/"), !path.contains("\0") else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The file `path` names in `folder`, with its normalized relative path.
    public static func resolve(_ path: String, in folder: URL) -> Result<(relative: String, url: URL, size: Int), Refusal> {
        guard let relative = normalized(path), let root = realPath(folder.path) else { return .failure(.outside) }
        let joined = relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
        var info = stat()
        guard stat(joined, &info) == 0, let real = realPath(joined) else { return .failure(.missing) }
        // Symbolic links anywhere on the way are followed, and must end inside the folder.
        guard real == root || real.hasPrefix(root == "/" ? root : root + "/") else { return .failure(.outside) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .success((relative, URL(fileURLWithPath: real), Int(info.st_size)))
        case S_IFDIR: return .failure(.directory)
        default: return .failure(.notRegular)
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The bytes of the file, or nil when it cannot be read under the rules above.
    public static func contents(_ path: String, in folder: URL) -> [UInt8]? {
        guard case .success(let file) = resolve(path, in: folder), let data = FileManager.default.contents(atPath: file.url.path) else { return nil }
        return [UInt8](data)
    }
}

extension LessonSession {
    /// Reads a file of the lesson's course folder, read-only, with Python's exceptions for what
    /// cannot be read and the lesson's memory limit on its size; tells `fileRead` what was read.
    func readCourseFile(_ value: Value, for function: String) throws -> (name: String, bytes: [UInt8]) {
        guard case .string(let path) = value else {
            throw ScriptError.type("\(function)() expects a file name (a string). Received: \(value.shortDescription)")
        }
        let quoted = StringArray.quote(path)
        guard !path.isEmpty else { throw ScriptError(kind: "FileNotFoundError", message: "[Errno 2] No such file or directory: ''") }
        guard let folder = courseFolder else {
            throw ScriptError(kind: "FileNotFoundError", message: "[Errno 2] No such file or directory: \(quoted) (this lesson runs without a course folder to read from)")
        }
        switch CourseFiles.resolve(path, in: folder) {
        case .failure(.outside):
            throw ScriptError(kind: "PermissionError", message: "[Errno 13] Permission denied: \(quoted) (lessons may read only files inside their own folder, by a relative path)")
        case .failure(.missing):
            if let relative = CourseFiles.normalized(path) { fileRead?(relative, nil) }
            throw ScriptError(kind: "FileNotFoundError", message: "[Errno 2] No such file or directory: \(quoted)")
        case .failure(.directory):
            throw ScriptError(kind: "IsADirectoryError", message: "[Errno 21] Is a directory: \(quoted)")
        case .failure(.notRegular):
            throw ScriptError(kind: "PermissionError", message: "[Errno 13] Permission denied: \(quoted) (not a regular file)")
        case .success(let file):
            try Limits.check(elements: file.size, times: 1, bytesEach: 1)
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                throw ScriptError(kind: "PermissionError", message: "[Errno 13] Permission denied: \(quoted)")
            }
            try Limits.check(elements: data.count, times: 1, bytesEach: 1)
            let bytes = [UInt8](data)
            fileRead?(file.relative, bytes)
            return (path, bytes)
        }
    }
}
