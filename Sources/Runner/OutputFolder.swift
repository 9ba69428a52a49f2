import Foundation
import Notebook

/// The site folder `lectern render` writes, held by one render at a time. Every file goes in
/// atomically (a temporary name beside it, then a rename), so a render killed at any moment
/// leaves the old or the new version of each file; the next render removes the temporaries it
/// left. Nothing is written or deleted through a symbolic link, and the only files deleted are
/// figures that a record says Lectern wrote.
public final class OutputFolder {
    public let url: URL
    private var lockDescriptor: Int32 = -1
    /// Lectern's own bookkeeping inside the folder: the lock and the lessons' run times.
    var privateFolder: URL { url.appendingPathComponent(".lectern") }

    /// Opens (creating) the folder and takes its lock, waiting with a message when another
    /// render holds it; then removes temporary files an interrupted render left.
    public init(_ url: URL, wait: (String) -> Void) throws {
        self.url = url
        try Self.requireRealFolder(url, create: true)
        try Self.requireRealFolder(privateFolder, create: true)
        let lockPath = privateFolder.appendingPathComponent("lock").path
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard lockDescriptor >= 0 else { throw RunnerError("cannot open the lock \(lockPath): \(String(cString: strerror(errno)))") }
        if flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            wait("waiting: another lectern is writing into \(url.path) (lock \(lockPath))")
            guard flock(lockDescriptor, LOCK_EX) == 0 else { throw RunnerError("cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
        }
        removeTemporaries()
    }

    deinit { unlock() }

    /// Lets another render in (the lock also ends with the process, however it ends).
    public func unlock() {
        if lockDescriptor >= 0 { close(lockDescriptor) }
        lockDescriptor = -1
    }

    /// A folder that is a real directory, not a link to one elsewhere.
    static func requireRealFolder(_ url: URL, create: Bool) throws {
        var info = stat()
        if lstat(url.path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw RunnerError("\(url.path) is \((info.st_mode & S_IFMT) == S_IFLNK ? "a symbolic link" : "not a folder"); Lectern writes only into real folders")
            }
            return
        }
        guard create else { return }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Whether `url` is a regular file (not a link, folder or device).
    static func isRegularFile(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Temporary names are `.NAME.tmp-PID`; any found at the start of a render were left by one
    /// that was killed.
    func removeTemporaries() {
        let fm = FileManager.default
        var folders = [url, privateFolder]
        for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
            var info = stat()
            let sub = url.appendingPathComponent(name)
            if lstat(sub.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { folders.append(sub) }
        }
        for folder in folders {
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.isTemporaryName(name) {
                let file = folder.appendingPathComponent(name)
                if Self.isRegularFile(file) { unlink(file.path) }
            }
        }
    }

    static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Writes `data` to `relative` atomically; skips the write when the file already holds
    /// exactly these bytes, so an unchanged page keeps its time stamp. Returns whether it wrote.
    @discardableResult
    public func write(_ data: Data, to relative: String) throws -> Bool {
        let target = url.appendingPathComponent(relative)
        let folder = target.deletingLastPathComponent()
        if folder.standardizedFileURL != url.standardizedFileURL { try Self.requireRealFolder(folder, create: true) }
        if Self.isRegularFile(target), let old = FileManager.default.contents(atPath: target.path), old == data { return false }
        let tmp = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: tmp)
            guard rename(tmp.path, target.path) == 0 else {
                throw RunnerError("could not move \(tmp.path) to \(target.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(tmp.path)
            throw error
        }
        return true
    }

    public func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    /// The record kept for a lesson, if there is a readable one.
    public func record(stem: String) -> LessonRecord? {
        let file = url.appendingPathComponent("\(stem).record.json")
        guard Self.isRegularFile(file), let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? RecordCodec.decode(data)
    }

    /// Every readable record in the folder, by lesson stem, in name order.
    public func allRecords() -> [(stem: String, record: LessonRecord)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        return names.compactMap { name in
            guard name.hasSuffix(".record.json"), !name.hasPrefix(".") else { return nil }
            let stem = String(name.dropLast(".record.json".count))
            return record(stem: stem).map { (stem, $0) }
        }
    }

    /// Installs a lesson's run: figures first, then the record, then the page, so a page never
    /// points at a missing image; then removes the figures the previous record named that this
    /// run did not produce.
    public func install(stem: String, record: LessonRecord, figuresFrom folder: URL, page: String) throws {
        let previous = self.record(stem: stem)
        let produced = Set(record.figureFiles)
        for file in record.figureFiles {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                throw RunnerError("figure \(file) vanished before it was installed")
            }
            try write(data, to: file)
        }
        try write(try RecordCodec.encode(record), to: "\(stem).record.json")
        try write(page, to: "\(stem).html")
        for file in previous?.figureFiles ?? [] where !produced.contains(file) {
            let parts = file.split(separator: "/")
            guard parts.count == 2, parts[0] == stem[...], !parts.contains("..") else { continue }
            let target = url.appendingPathComponent(file)
            var info = stat()
            guard lstat(target.deletingLastPathComponent().path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            if Self.isRegularFile(target) { unlink(target.path) }
        }
    }
}

public struct RunnerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
