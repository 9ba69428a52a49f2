import Foundation

/// The output folder as the preview serves it: maps a request's path to a file inside the folder
/// and refuses everything else. A path with a `..` segment is refused outright; every other path
/// is resolved with its symbolic links, and one that ends up outside the folder is refused too.
public struct SiteFiles: Sendable {
    /// What a request's path names.
    public enum Resolution: Equatable, Sendable {
        case file(URL)
        case notFound
        /// Names something outside the folder (`..`, a link that leaves it) or is malformed.
        case forbidden(String)
    }

    /// The folder with its own symbolic links resolved, so that containment is a prefix test.
    public let root: String

    public init(folder: URL) {
        let path = folder.standardizedFileURL.path
        root = Self.realPath(path) ?? path
    }

    /// Resolves the raw (still percent-encoded) path of a request, as in `/a%20b/c.html`.
    public func resolve(rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .forbidden("the path must start with /") }
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding else { return .forbidden("bad percent-encoding") }
            if segment == ".." || segment.contains("/") || segment.contains("\0") || segment.contains("\\") {
                return .forbidden("the path leaves the site's folder")
            }
            if segment == "." { continue }
            // Lectern's own bookkeeping (the lock, run times) and other hidden files stay private.
            if segment.hasPrefix(".") { return .notFound }
            segments.append(segment)
        }
        let candidate = ([root] + segments).joined(separator: "/")
        guard let real = Self.realPath(candidate) else {
            // Missing: but say "forbidden" when the part that exists already leads out, so the
            // answer tells nothing about what is or is not there outside.
            for n in stride(from: segments.count - 1, through: 1, by: -1) {
                if let existing = Self.realPath(([root] + segments.prefix(n)).joined(separator: "/")) {
                    return contains(existing) ? .notFound : .forbidden("a symbolic link leaves the site's folder")
                }
            }
            return .notFound
        }
        guard contains(real) else { return .forbidden("a symbolic link leaves the site's folder") }
        switch Self.kind(real) {
        case .regular:
            return .file(URL(fileURLWithPath: real))
        case .directory:
            let index = real + "/index.html"
            guard let realIndex = Self.realPath(index) else { return .notFound }
            guard contains(realIndex) else { return .forbidden("a symbolic link leaves the site's folder") }
            return Self.kind(realIndex) == .regular ? .file(URL(fileURLWithPath: realIndex)) : .notFound
        case .other:
            return .notFound
        }
    }

    func contains(_ real: String) -> Bool {
        real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The content type a file is served with, from its extension.
    public static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "ipynb": "application/x-ipynb+json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "txt", "md": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        default: "application/octet-stream"
        }
    }

    enum Kind { case regular, directory, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
