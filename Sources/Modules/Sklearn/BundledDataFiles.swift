import Foundation
import Script

/// The data files of scikit-learn's bundled datasets (iris, wine, breast cancer, digits,
/// diabetes) and their descriptions, shipped as this target's resources (`BundledData/`, taken
/// from scikit-learn's released wheel, BSD-3; see `BundledData/COPYING`).
///
/// They are found without SwiftPM's generated `Bundle.module`, which stops the process when the
/// bundle is missing: beside the running executable first (where `swift build` puts the bundle),
/// then in the source tree this file was built from. A missing file is a Python `OSError`.
enum BundledDataFiles {
    static let bundleName = "Lectern_Modules.resources"
    static let folderName = "BundledData"

    /// The folder holding the files, or nil when neither place has it.
    static let folder: URL? = {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let found = candidates.map { $0.appendingPathComponent(folderName) } + [sources.appendingPathComponent(folderName)]
        return found.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("COPYING").path) }
    }()

    /// The text of a bundled file (`iris.csv`, `descr/iris.rst`).
    static func text(_ name: String) throws -> String {
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
            throw ScriptError(kind: "OSError", message: "scikit-learn's bundled data file '\(name)' is missing: Lectern's resource folder \(bundleName)/\(folderName) was not found beside the lectern program")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A table of numbers: one row per non-empty line, fields split by `separator` (nil: any run
    /// of spaces, as `np.loadtxt` without a delimiter). Rows must agree in length. Read as bytes:
    /// the files are ASCII, and the digits' 117,000 fields parse in milliseconds this way.
    static func numbers(_ text: Substring, file: String, separator: Character?) throws -> (rows: Int, columns: Int, values: [Double]) {
        let bytes = Array(text.utf8)
        let separatorByte = separator?.asciiValue
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var values: [Double] = []
        var columns = -1, rows = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            var fields = 0
            var i = lineStart
            while i < lineEnd {
                if separatorByte == nil { while i < lineEnd && isBlank(bytes[i]) { i += 1 } }
                if i >= lineEnd && separatorByte == nil { break }
                var end = i
                while end < lineEnd && (separatorByte.map { bytes[end] != $0 } ?? !isBlank(bytes[end])) { end += 1 }
                var a = i, b = end
                while a < b && isBlank(bytes[a]) { a += 1 }
                while b > a && isBlank(bytes[b - 1]) { b -= 1 }
                let field = String(decoding: bytes[a..<b], as: UTF8.self)
                guard let v = Double(field) else { throw ScriptError.value("\(file): could not convert string to float: '\(field)'") }
                values.append(v)
                fields += 1
                i = end + 1
                if separatorByte != nil && end == lineEnd { break }
            }
            if fields == 0 { continue }
            if columns < 0 { columns = fields }
            guard fields == columns else {
                throw ScriptError.value("\(file): row \(rows + 1) has \(fields) fields, expected \(columns)")
            }
            rows += 1
        }
        return (rows, max(columns, 0), values)
    }

    /// A table in scikit-learn's own layout (`iris.csv`, `wine_data.csv`, `breast_cancer.csv`):
    /// a header `n_samples,n_features,name,...` naming the classes, then rows of features ending
    /// in an integer class.
    static func labelledTable(_ name: String) throws -> (data: [Double], features: Int, target: [Int], targetNames: [String]) {
        let text = try text(name)
        guard let newline = text.firstIndex(of: "\n") else { throw ScriptError.value("\(name): no header line") }
        let header = text[..<newline].split(separator: ",").map(String.init)
        guard header.count >= 2, let samples = Int(header[0]), let features = Int(header[1]) else {
            throw ScriptError.value("\(name): the header does not start with the sample and feature counts")
        }
        let table = try numbers(text[text.index(after: newline)...], file: name, separator: ",")
        guard table.rows == samples, table.columns == features + 1 else {
            throw ScriptError.value("\(name): \(table.rows)×\(table.columns) values, the header says \(samples)×\(features + 1)")
        }
        var data: [Double] = []
        var target: [Int] = []
        data.reserveCapacity(samples * features)
        for r in 0..<samples {
            let row = table.values[(r * table.columns)..<((r + 1) * table.columns)]
            data += row.dropLast()
            target.append(NDArray.int(row.last ?? 0))
        }
        return (data, features, target, Array(header.dropFirst(2)))
    }
}
