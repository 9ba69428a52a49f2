import Foundation

/// What the tests that run the real `lectern` share: the binary `swift test` built beside the
/// test bundle, and a scratch course folder.
public enum LecternBinary {
    public static var url: URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test binary may sit inside a bundle folder.
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("lectern").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("lectern")
    }

    /// A fresh folder named after `name`: lessons in `course/`, output in `out/`, temporary
    /// files in `tmp/`; its path resolved, as /proc reports working folders.
    public static func scratch(_ name: String) throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-test-\(name)-\(UUID().uuidString.prefix(8))")
        for sub in ["course", "out", "tmp"] {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        return URL(fileURLWithPath: realpath(base.path, nil).map { p in defer { free(p) }; return String(cString: p) } ?? base.path)
    }
}
