import Foundation

/// Notices edits to the lessons by polling: every lesson file's modification time, size and
/// inode, taken a few times a second. Portable, and cheap for a course of a few dozen files.
public struct LessonWatcher: Sendable {
    /// What the watcher compares: path → (seconds, nanoseconds, size, inode).
    public struct Snapshot: Equatable, Sendable {
        var files: [String: [Int64]]
    }

    public let path: URL
    public let interval: Duration

    public init(path: URL, interval: Duration = .milliseconds(200)) {
        self.path = path
        self.interval = interval
    }

    /// The lessons as they are now: the file itself, or the folder's `.md` files (not hidden).
    public func snapshot() -> Snapshot {
        var files: [String: [Int64]] = [:]
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDir) else { return Snapshot(files: files) }
        let paths: [String]
        if isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
            paths = names.filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") }.map { path.path + "/" + $0 }
        } else {
            paths = [path.path]
        }
        for p in paths {
            var info = stat()
            guard stat(p, &info) == 0 else { continue }
            #if canImport(Darwin)
            let modified = info.st_mtimespec
            #else
            let modified = info.st_mtim
            #endif
            files[p] = [Int64(modified.tv_sec), Int64(modified.tv_nsec), Int64(info.st_size), Int64(info.st_ino)]
        }
        return Snapshot(files: files)
    }

    /// Waits until the lessons differ from `last` (or the task is cancelled) and returns them.
    public func change(since last: Snapshot) async -> Snapshot? {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            if now != last { return now }
        }
        return nil
    }
}
