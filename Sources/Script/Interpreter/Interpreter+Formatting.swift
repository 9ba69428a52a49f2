import Foundation

/// `repr`, `str`, `%` formatting, `format()` specs and f-strings, printing as Python prints.
extension Interpreter {
    /// Python's repr. A list or dict that contains itself prints as `[...]` / `{...}`, as in
    /// Python; data nested deeper than the stack allows prints `...` there and leaves
    /// `reprTooDeep` set, which `checkedRepr` turns into Python's RecursionError.
    public func repr(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return FloatDigits.pythonRepr(d)
        case .string(let s): return Interpreter.quote(s)
        case .list(let l):
            return nested(ObjectIdentifier(l), cycle: "[...]") { "[" + l.items.map { repr($0) }.joined(separator: ", ") + "]" }
        case .tuple(let t):
            return deeper {
                if t.count == 1 { return "(" + repr(t[0]) + ",)" }
                return "(" + t.map { repr($0) }.joined(separator: ", ") + ")"
            }
        case .dict(let d):
            return nested(ObjectIdentifier(d), cycle: "{...}") { "{" + zip(d.keys, d.values).map { repr($0) + ": " + repr($1) }.joined(separator: ", ") + "}" }
        case .object(let o): return o.repr()
        }
    }

    private func nested(_ id: ObjectIdentifier, cycle: String, _ body: () -> String) -> String {
        if reprInProgress.contains(id) { return cycle }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return deeper(body)
    }

    /// One more level of nesting, within Python's recursion limit.
    private func deeper(_ body: () -> String) -> String {
        guard reprDepth < Interpreter.maxDepth, !StackGuard.exhausted(stackFloor) else { reprTooDeep = true; return "..." }
        reprDepth += 1
        defer { reprDepth -= 1 }
        return body()
    }

    /// `repr` that raises RecursionError, as Python does, for data nested too deep to print.
    public func checkedRepr(_ v: Value) throws -> String {
        reprTooDeep = false
        let text = repr(v)
        if reprTooDeep {
            reprTooDeep = false
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded while getting the repr of an object")
        }
        return text
    }

    /// `str` that raises RecursionError for data nested too deep to print.
    public func checkedStr(_ v: Value) throws -> String {
        if case .string(let s) = v { return s }
        reprTooDeep = false
        let text = str(v)
        if reprTooDeep {
            reprTooDeep = false
            throw ScriptError(kind: "RecursionError", message: "maximum recursion depth exceeded while getting the str of an object")
        }
        return text
    }

    public func str(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .object(let o): return o.str()
        default: return repr(v)
        }
    }

    /// Python's string repr: single quotes unless the text has a single quote and no double quote.
    static func quote(_ s: String) -> String {
        let q: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(q)
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Character(c) == q { out += "\\" + String(q) }
                else if c.value < 0x20 || c.value == 0x7f { out += String(format: "\\x%02x", c.value) }
                else { out.unicodeScalars.append(c) }
            }
        }
        return out + String(q)
    }

    func floatValue(_ v: Value, _ spec: String) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let d = try o.toFloat() { return d }
        default: break
        }
        throw ScriptError.type("must be real number, not \(typeName(v)) (format '\(spec)')")
    }

    // MARK: % formatting

    func percentFormat(_ format: String, _ arg: Value) throws -> String {
        var args: [Value]
        var mapping: DictStorage?
        switch arg {
        case .tuple(let t): args = t
        case .dict(let d): args = []; mapping = d
        default: args = [arg]
        }
        let chars = Array(format)
        var out = ""
        var i = 0
        var next = 0
        func take() throws -> Value {
            guard next < args.count else { throw ScriptError.type("not enough arguments for format string") }
            defer { next += 1 }
            return args[next]
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else { out.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw ScriptError.value("incomplete format") }
            if chars[i] == "%" { out.append("%"); i += 1; continue }
            var key: String?
            if chars[i] == "(" {
                guard let close = chars[i...].firstIndex(of: ")") else { throw ScriptError.value("incomplete format key") }
                key = String(chars[(i + 1)..<close])
                i = close + 1
            }
            var flags = ""
            while i < chars.count, "-+ #0".contains(chars[i]) { flags.append(chars[i]); i += 1 }
            var width = ""
            if i < chars.count, chars[i] == "*" { width = str(try take()); i += 1 }
            while i < chars.count, chars[i].isNumber { width.append(chars[i]); i += 1 }
            if !width.isEmpty, Int(width) == nil { throw ScriptError.value("width too big") }
            var precision: Int?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isNumber { p.append(chars[i]); i += 1 }
                guard let pv = Int(p.isEmpty ? "0" : p) else { throw ScriptError.value("precision too big") }
                precision = pv
            }
            while i < chars.count, "hlL".contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw ScriptError.value("incomplete format") }
            let type = chars[i]
            i += 1
            let value: Value
            if let key, let mapping {
                guard let v = try mapping.get(.string(key)) else { throw keyError(.string(key)) }
                value = v
            } else {
                value = try take()
            }
            var spec = FormatSpec()
            spec.align = flags.contains("-") ? "<" : ">"
            if flags.contains("0") && !flags.contains("-") { spec.zeroPad = true }
            if flags.contains("+") { spec.sign = "+" } else if flags.contains(" ") { spec.sign = " " }
            spec.alternate = flags.contains("#")
            spec.width = Int(width) ?? 0
            spec.precision = precision
            try Interpreter.checkFormatSizes(spec)
            switch type {
            case "s": spec.type = nil; spec.precision = precision; out += try formatString(str(value), spec)
            case "r": out += try formatString(repr(value), FormatSpec(align: spec.align, width: spec.width))
            case "d", "i", "u":
                let d = try floatValue(value, "%\(type)")
                guard d.isFinite, abs(d) < 9.2e18 else { throw ScriptError(kind: "OverflowError", message: "cannot convert float \(FloatDigits.pythonRepr(d)) to a 64-bit integer") }
                spec.type = "d"; spec.precision = nil
                out += try formatNumber(.int(Int(d.rounded(.towardZero))), spec)
            case "f", "F", "e", "E", "g", "G":
                spec.type = type
                if spec.precision == nil { spec.precision = 6 }
                out += try formatNumber(.float(try floatValue(value, "%\(type)")), spec)
            case "x", "X", "o":
                spec.type = type
                let d = try floatValue(value, "%\(type)")
                guard d.isFinite, abs(d) < 9.2e18 else { throw ScriptError(kind: "OverflowError", message: "cannot convert \(FloatDigits.pythonRepr(d)) to a 64-bit integer") }
                out += try formatNumber(.int(Int(d)), spec)
            case "c":
                if case .int(let code) = value, let u = Unicode.Scalar(code) { out += String(Character(u)) }
                else { out += str(value) }
            default:
                throw ScriptError.value("unsupported format character '\(type)'")
            }
        }
        if mapping == nil && next < args.count {
            throw ScriptError.type("not all arguments converted during string formatting")
        }
        return out
    }
}
