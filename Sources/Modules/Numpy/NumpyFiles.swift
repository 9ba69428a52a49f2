import Foundation
import Script

/// `np.loadtxt` and `np.load`, reading files of the lesson's course folder (see `CourseFiles`).
enum NumpyFiles {
    /// `np.loadtxt(fname, dtype=float, comments='#', delimiter=None, converters=None, skiprows=0,
    /// usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None)`; `fname` is a path or
    /// a file from `open`.
    static func loadtxt(session: LessonSession) -> (String, Value) {
        declared("loadtxt", "fname, dtype=<no value>, comments='#', delimiter=None, !converters=None, skiprows=0, usecols=None, "
                 + "unpack=False, ndmin=0, encoding=None, max_rows=None, *, !quotechar=None, !like=None") { s in
            if let e = try s.optional("encoding")?.string("encoding"), !["utf-8", "utf8", "bytes"].contains(e.lowercased()) {
                throw ScriptError.notImplemented("np.loadtxt reads UTF-8 text only. Received: encoding='\(e)'")
            }
            let name: String, text: String
            if case .object(let file as TextFile) = s["fname"] {
                name = file.name
                text = try file.read()
            } else {
                let file = try session.readCourseFile(s["fname"], for: "loadtxt")
                name = file.name
                guard let decoded = String(bytes: file.bytes, encoding: .utf8) else {
                    throw ScriptError(kind: "UnicodeError", message: "'utf-8' codec can't decode \(StringArray.quote(name)): it is not UTF-8 text")
                }
                text = decoded
            }
            var options = TextTable.Options()
            options.dtype = try s.npDType() ?? .float64
            options.comments = try strings(s["comments"], "comments")
            options.delimiter = try s.optional("delimiter")?.string("delimiter")
            options.skipRows = try s["skiprows"].int("skiprows")
            if let u = s.optional("usecols") {
                if case .int(let c) = u { options.columns = [c] } else { options.columns = try u.sequence("usecols").map { try $0.int("usecols") } }
            }
            options.maxRows = try s.optional("max_rows")?.int("max_rows")
            var result = try TextTable.parse(text, name: name, options)
            let ndmin = try s["ndmin"].int("ndmin")
            guard [0, 1, 2].contains(ndmin) else { throw ScriptError.value("Illegal value of ndmin keyword: \(ndmin)") }
            result = try result.reshaped(shapeFor(result.shape, ndmin: ndmin))
            if try s["unpack"].bool("unpack") { result = try result.transposed() }
            return .object(result)
        }
    }

    /// A string or a sequence of strings (None: none).
    static func strings(_ v: Value, _ what: String) throws -> [String] {
        switch v {
        case .none: return []
        case .string(let text): return [text]
        default: return try v.sequence(what).map { try $0.string(what) }
        }
    }

    /// NumPy's shape for a table read as `rows × columns`: an empty table is 1-D, single rows
    /// or columns are squeezed away unless `ndmin` keeps them, and a result with fewer than
    /// `ndmin` dimensions becomes a column (`np.atleast_2d(a).T`).
    static func shapeFor(_ table: [Int], ndmin: Int) -> [Int] {
        var shape = table.first == 0 ? [0] : table
        if shape.count > ndmin { shape = shape.filter { $0 != 1 } }
        if shape.count < ndmin { shape = ndmin == 1 ? [1] : [shape.first ?? 1, 1] }
        return shape
    }

    /// `np.load(file)` for `.npy` files: format 1.0, 2.0 or 3.0, little-endian float64, float32,
    /// int64 or bool, C or Fortran order.
    static func load(session: LessonSession) -> (String, Value) {
        // allow_pickle only permits pickled object arrays, and fix_imports and encoding only
        // concern them: Lectern reads plain numeric .npy files, which need none of the three.
        declared("load", "file, !mmap_mode=None, allow_pickle=False, fix_imports=True, encoding='ASCII', *, !max_header_size=10000") { s in
            _ = try s["allow_pickle"].bool("allow_pickle")
            _ = try s["fix_imports"].bool("fix_imports")
            _ = try s["encoding"].string("encoding")
            let file = try session.readCourseFile(s["file"], for: "load")
            return .object(try NPYFile.parse(file.bytes, name: file.name))
        }
    }
}

/// Numbers from delimited text, as `np.loadtxt` reads them.
enum TextTable {
    struct Options {
        var dtype = NDArray.DType.float64
        var comments = ["#"]
        var delimiter: String?
        var skipRows = 0
        var columns: [Int]?
        var maxRows: Int?
    }

    static func parse(_ text: String, name: String, _ o: Options) throws -> NDArray {
        guard o.skipRows >= 0 else { throw ScriptError.value("skiprows must be non-negative. Received: skiprows=\(o.skipRows)") }
        if let d = o.delimiter, d.isEmpty || d == "\n" { throw ScriptError.value("Delimiter \(StringArray.quote(d)) cannot be a newline or empty") }
        var values: [Double] = []
        var width: Int?
        var rows = 0
        // Universal newlines, as Python reads text ("\r\n" would otherwise be one Character).
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, rawLine) in lines.enumerated().dropFirst(o.skipRows) {
            if let max = o.maxRows, rows >= max { break }
            var line = Substring(rawLine)
            for marker in o.comments where !marker.isEmpty {
                if let r = line.range(of: marker) { line = line[..<r.lowerBound] }
            }
            let fields: [Substring]
            if let d = o.delimiter {
                if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
                fields = line.components(separatedBy: d).map { Substring($0) }
            } else {
                fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
                if fields.isEmpty { continue }
            }
            let picked: [(Int, Substring)]
            if let columns = o.columns {
                picked = try columns.map { c in
                    let index = c < 0 ? c + fields.count : c
                    guard index >= 0, index < fields.count else {
                        throw ScriptError.value("invalid column index \(c) at row \(lineIndex + 1) with \(fields.count) columns")
                    }
                    return (index, fields[index])
                }
            } else {
                picked = Array(fields.enumerated())
            }
            if let width, width != picked.count {
                throw ScriptError.value("the number of columns changed from \(width) to \(picked.count) at row \(lineIndex + 1); use `usecols` to select a subset and avoid this error")
            }
            width = picked.count
            try Limits.check(elements: values.count + picked.count, times: 1)
            for (column, field) in picked {
                values.append(try number(field, o.dtype, row: lineIndex, column: column + 1))
            }
            rows += 1
        }
        return NDArray(shape: [rows, width ?? 0], storage: values, dtype: o.dtype)
    }

    static func number(_ field: Substring, _ dtype: NDArray.DType, row: Int, column: Int) throws -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        func failure() -> ScriptError {
            ScriptError.value("could not convert string \(StringArray.quote(text)) to \(dtype.rawValue) at row \(row), column \(column).")
        }
        switch dtype {
        case .float64, .float32:
            guard let v = Double(text.lowercased() == "nan" ? "nan" : text) else { throw failure() }
            return dtype == .float32 ? Double(Float(v)) : v
        case .int64:
            guard let v = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { throw failure() }
            return Double(v)
        case .bool:
            guard let v = Int(text) else { throw failure() }
            return v != 0 ? 1 : 0
        }
    }
}
