import Foundation
import Script

/// What `open(path)` returns: a file of the lesson's course folder opened for reading text, with
/// Python's `read`, `readline`, `readlines`, iteration over lines, `close` and the context-manager
/// protocol. The text is read whole when opened (UTF-8, universal newlines), so the file's hash
/// in the record is of exactly what the lesson saw.
final class TextFile: ScriptObject {
    let name: String
    /// Kept as a String (about one byte a character, as the memory limit counts it), read from
    /// `position` on.
    private let text: String
    private var position: String.Index
    private(set) var closed = false

    init(name: String, text: String) {
        self.name = name
        self.text = text
        position = text.startIndex
    }

    /// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`, read-only.
    static func openFunction(session: LessonSession) -> Value {
        .object(BuiltinFunction(Signature("open", """
            file, mode='r', !buffering=-1, encoding=None, !errors=None, !newline=None, !closefd=True, !opener=None
            """)) { a, _ in
            let mode = try a["mode"].string("mode")
            try checkMode(mode)
            if let encoding = try a.optional("encoding")?.string("encoding"), !["utf-8", "utf8"].contains(encoding.lowercased()) {
                throw ScriptError.notImplemented("open() reads UTF-8 text only. Received: encoding='\(encoding)'")
            }
            let file = try session.readCourseFile(a["file"], for: "open")
            guard let text = String(bytes: file.bytes, encoding: .utf8) else {
                throw ScriptError(kind: "UnicodeError", message: "'utf-8' codec can't decode \(StringArray.quote(file.name)): it is not UTF-8 text")
            }
            return .object(TextFile(name: file.name, text: text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")))
        })
    }

    /// Python's checks of a mode string, then Lectern's: reading text only.
    static func checkMode(_ mode: String) throws {
        let letters = Set(mode)
        guard letters.count == mode.count, letters.isSubset(of: Set("rwxabt+")),
              letters.intersection("rwxa").count == 1, !(letters.contains("b") && letters.contains("t")) else {
            throw ScriptError.value("invalid mode: '\(mode)'")
        }
        if !letters.isDisjoint(with: "wxa+") {
            throw ScriptError(kind: "PermissionError", message: "[Errno 13] Permission denied: lessons may only read their course's files (mode '\(mode)'); files a lesson writes go to its scratch folder through savefig and model.save")
        }
        if letters.contains("b") {
            throw ScriptError.notImplemented("open() in a lesson reads text; binary mode ('\(mode)') is not supported (np.load reads .npy files)")
        }
    }

    var typeName: String { "TextIOWrapper" }
    var attributeNames: [String] { Self.methods.names + ["closed", "name", "mode"] }
    func repr() -> String { "<_io.TextIOWrapper name=\(StringArray.quote(name)) mode='r' encoding='UTF-8'>" }

    private func checkOpen() throws {
        if closed { throw ScriptError.value("I/O operation on closed file.") }
    }

    /// Up to `limit` characters from the position (all when negative).
    func read(_ limit: Int = -1) throws -> String {
        try checkOpen()
        let end = limit < 0 ? text.endIndex : text.index(position, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
        defer { position = end }
        return String(text[position..<end])
    }

    /// The next line with its newline, or "" at the end; at most `limit` characters when given.
    func readline(_ limit: Int = -1) throws -> String {
        try checkOpen()
        let stop = limit < 0 ? text.endIndex : text.index(position, offsetBy: limit, limitedBy: text.endIndex) ?? text.endIndex
        let end = text[position..<stop].firstIndex(of: "\n").map { text.index(after: $0) } ?? stop
        defer { position = end }
        return String(text[position..<end])
    }

    func remainingLines() throws -> [Value] {
        var lines: [Value] = []
        while true {
            let line = try readline()
            if line.isEmpty { return lines }
            lines.append(.string(line))
            // A file of empty lines costs a list item per byte: the list is held to the limit too.
            if lines.count & 4095 == 0 { try Limits.check(elements: lines.count, times: 1, bytesEach: Limits.listItemBytes) }
        }
    }

    func iterate() throws -> [Value]? { try remainingLines() }

    static let methods = MethodTable<TextFile>([
        Method("read", "size=-1, /") { file, a, _ in .string(try file.read(try size(a["size"]))) },
        Method("readline", "size=-1, /") { file, a, _ in .string(try file.readline(try size(a["size"]))) },
        // Whole lines until their length reaches `hint` (all of them when it is not positive).
        Method("readlines", "hint=-1, /") { file, a, _ in
            let hint = try size(a["hint"])
            guard hint > 0 else { return .list(ListStorage(try file.remainingLines())) }
            var lines: [Value] = [], total = 0
            while total < hint {
                let line = try file.readline()
                if line.isEmpty { break }
                total += line.count
                lines.append(.string(line))
            }
            return .list(ListStorage(lines))
        },
        Method("close", "") { file, _, _ in file.closed = true; return .none },
        Method("__next__", "") { file, _, _ in
            let line = try file.readline()
            if line.isEmpty { throw ScriptError(kind: "StopIteration", message: "") }
            return .string(line)
        },
        Method("__enter__", "") { file, _, _ in try file.checkOpen(); return .object(file) },
        Method("__exit__", "*args") { file, _, _ in file.closed = true; return .none },
    ])

    /// A size argument: None reads as -1 (everything), as in Python.
    static func size(_ v: Value) throws -> Int { v.isNone ? -1 : try v.int("size") }

    func attribute(_ name: String) throws -> Value? {
        if let m = Self.methods.bound(name, to: self) { return m }
        switch name {
        case "closed": return .bool(closed)
        case "name": return .string(self.name)
        case "mode": return .string("r")
        default: return nil
        }
    }
}
