import Foundation
import Script

/// A 1-D NumPy array of strings (dtype `<U…`), as scikit-learn's loaders return class and
/// feature names: indexed like an array (an integer, a slice, an integer array such as
/// `iris.target_names[iris.target]`, a boolean mask), printed as NumPy prints it.
final class StringArray: ScriptObject {
    let items: [String]
    /// Characters per item in NumPy's dtype: the longest item's when the array was made (at
    /// least 1); a selection keeps its source's.
    let itemLength: Int

    init(_ items: [String], itemLength: Int? = nil) {
        self.items = items
        self.itemLength = itemLength ?? max(1, items.map(\.unicodeScalars.count).max() ?? 1)
    }

    var dtypeText: String { "<U\(itemLength)" }

    var typeName: String { "ndarray" }
    var attributeNames: [String] { ["shape", "ndim", "size", "dtype", "tolist"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "shape": return .tuple([.int(items.count)])
        case "ndim": return .int(1)
        case "size": return .int(items.count)
        case "dtype": return .string(dtypeText)
        case "tolist":
            return .object(BuiltinFunction(Signature("tolist", "")) { [items] _, _ in .list(ListStorage(items.map { .string($0) })) })
        default: return nil
        }
    }

    func length() throws -> Int? { items.count }
    func iterate() throws -> [Value]? { items.map { .string($0) } }

    /// Any index an array of positions accepts: the positions pick the strings.
    func getItem(_ key: Value) throws -> Value? {
        let positions = NDArray(shape: [items.count], storage: items.indices.map(Double.init), dtype: .int64)
        guard case .object(let picked as NDArray)? = try positions.getItem(key) else { return nil }
        let chosen = picked.storage.map { items[NDArray.int($0)] }
        if picked.shape.isEmpty, let only = chosen.first { return .string(only) }
        guard picked.ndim == 1 else {
            throw ScriptError.notImplemented("indexing an array of strings gives only 1-D results here; the index would give shape \(NDArray.shapeText(picked.shape))")
        }
        return .object(StringArray(chosen, itemLength: itemLength))
    }

    func repr() -> String {
        let body = Self.wrapped(items.map(Self.quote), separator: ", ", indent: 7, width: 74)
        let text = "array(" + body + ","
        let lastLine = text.count - (text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 0)
        let dtype = "dtype='\(dtypeText)')"
        return text + (lastLine + 2 + dtype.count > 75 ? "\n      " : " ") + dtype
    }

    func str() -> String {
        Self.wrapped(items.map(Self.quote), separator: " ", indent: 1, width: 75)
    }

    /// `[a, b, ...]` broken into lines as NumPy's array2string breaks them: an item goes to a new
    /// line (indented by `indent`) when the line would pass `width` minus the closing bracket.
    static func wrapped(_ words: [String], separator: String, indent: Int, width: Int) -> String {
        let hanging = String(repeating: " ", count: indent)
        let itemWidth = width - max(separator.trimmingCharacters(in: .whitespaces).count, 1)
        var text = "", line = hanging
        for (i, word) in words.enumerated() {
            if line.count + word.count > itemWidth, line.count > indent {
                while line.last == " " { line.removeLast() }
                text += line + "\n"
                line = hanging
            }
            line += word
            if i < words.count - 1 { line += separator }
        }
        text += line
        return "[" + text.dropFirst(indent) + "]"
    }

    /// Python's repr of a string: single quotes unless the text has one and no double quote.
    static func quote(_ s: String) -> String {
        let q: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(q)
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Character(ch) == q: out += "\\" + String(q)
            case _ where ch.value < 0x20 || ch.value == 0x7F: out += String(format: "\\x%02x", ch.value)
            default: out.unicodeScalars.append(ch)
            }
        }
        out.append(q)
        return out
    }
}
