import Foundation

/// Python's format specification mini-language (`format(x, '>8.3f')`, f-strings, `str.format`).
extension Interpreter {
    struct FormatSpec {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var alternate = false
        var zeroPad = false
        var width = 0
        var grouping: Character?
        var precision: Int?
        var type: Character?
    }

    func parseSpec(_ s: String) throws -> FormatSpec {
        var spec = FormatSpec()
        let c = Array(s)
        var i = 0
        if c.count >= 2, "<>^=".contains(c[1]) { spec.fill = c[0]; spec.align = c[1]; i = 2 }
        else if let first = c.first, "<>^=".contains(first) { spec.align = first; i = 1 }
        if i < c.count, "+- ".contains(c[i]) { spec.sign = c[i]; i += 1 }
        if i < c.count, c[i] == "#" { spec.alternate = true; i += 1 }
        if i < c.count, c[i] == "0" { spec.zeroPad = true; i += 1 }
        var w = ""
        while i < c.count, c[i].isNumber { w.append(c[i]); i += 1 }
        spec.width = Int(w) ?? 0
        if i < c.count, c[i] == "," || c[i] == "_" { spec.grouping = c[i]; i += 1 }
        if i < c.count, c[i] == "." {
            i += 1
            var p = ""
            while i < c.count, c[i].isNumber { p.append(c[i]); i += 1 }
            guard !p.isEmpty else { throw ScriptError.value("Format specifier missing precision") }
            guard let pv = Int(p) else { throw ScriptError.value("Too many decimal digits in format string") }
            spec.precision = pv
        }
        if i < c.count { spec.type = c[i]; i += 1 }
        guard i == c.count else { throw ScriptError.value("Invalid format specifier '\(s)'") }
        if !w.isEmpty, Int(w) == nil { throw ScriptError.value("Too many decimal digits in format string") }
        try Interpreter.checkFormatSizes(spec)
        return spec
    }

    /// Python refuses absurd widths and precisions rather than building gigabyte strings.
    static func checkFormatSizes(_ spec: FormatSpec) throws {
        if spec.width > 100_000 || (spec.precision ?? 0) > 100_000 {
            throw ScriptError.value("width or precision too big in format string")
        }
    }

    func format(_ v: Value, _ specText: String) throws -> String {
        if specText.isEmpty { return str(v) }
        let spec = try parseSpec(specText)
        switch v {
        case .string(let s):
            if let t = spec.type, t != "s" { throw ScriptError.value("Unknown format code '\(t)' for object of type 'str'") }
            return try formatString(s, spec)
        case .int, .bool:
            if let t = spec.type, "eEfFgG%".contains(t) { return try formatNumber(.float(try floatValue(v, specText)), spec) }
            return try formatNumber(number(v) ?? .int(0), spec)
        case .float(let d):
            return try formatNumber(.float(d), spec)
        case .object(let o):
            if let d = try? o.toFloat() {
                if let h = o.hashKey, case .number = h, spec.type == nil || "dxXo".contains(spec.type ?? "f"), d == d.rounded(), abs(d) < 9.2e18, !o.repr().contains(".") {
                    return try formatNumber(.int(Int(d)), spec)
                }
                var s = spec
                if s.type == nil && s.precision != nil { s.type = "g" }
                if s.type == nil { return try formatString(o.str(), s) }
                return try formatNumber(.float(d), s)
            }
            return try formatString(o.str(), spec)
        default:
            return try formatString(str(v), spec)
        }
    }

    func formatString(_ s: String, _ spec: FormatSpec) throws -> String {
        var text = s
        if let p = spec.precision { text = String(text.prefix(p)) }
        return pad(text, spec, defaultAlign: "<")
    }

    func pad(_ text: String, _ spec: FormatSpec, defaultAlign: Character) -> String {
        let n = spec.width - text.count
        guard n > 0 else { return text }
        let fill = String(spec.fill)
        switch spec.align ?? defaultAlign {
        case "<": return text + String(repeating: fill, count: n)
        case "^": return String(repeating: fill, count: n / 2) + text + String(repeating: fill, count: n - n / 2)
        default: return String(repeating: fill, count: n) + text
        }
    }

    func formatNumber(_ n: Number, _ specIn: FormatSpec) throws -> String {
        let spec = specIn
        var negative = false
        var body: String
        switch n {
        case .int(let i):
            negative = i < 0
            let m = i.magnitude
            switch spec.type {
            case nil, "d", "n": body = String(m)
            case "x": body = (spec.alternate ? "0x" : "") + String(m, radix: 16)
            case "X": body = (spec.alternate ? "0X" : "") + String(m, radix: 16).uppercased()
            case "o": body = (spec.alternate ? "0o" : "") + String(m, radix: 8)
            case "b": body = (spec.alternate ? "0b" : "") + String(m, radix: 2)
            case "c":
                guard let code = UInt32(exactly: i), let scalar = Unicode.Scalar(code) else { throw ScriptError(kind: "OverflowError", message: "%c arg not in range(0x110000)") }
                return String(Character(scalar))
            default: throw ScriptError.value("Unknown format code '\(spec.type ?? " ")' for object of type 'int'")
            }
        case .float(let d):
            negative = d < 0 || (d == 0 && d.sign == .minus)
            let m = abs(d)
            if d.isNaN { body = "nan"; negative = false }
            else if d.isInfinite { body = "inf" }
            else {
                switch spec.type {
                case "f", "F": body = fixed(m, spec.precision ?? 6)
                case "e", "E":
                    body = scientific(m, spec.precision ?? 6)
                    if spec.type == "E" { body = body.uppercased() }
                case "%":
                    body = fixed(m * 100, spec.precision ?? 6) + "%"
                case "g", "G", nil:
                    if spec.type == nil && spec.precision == nil {
                        body = FloatDigits.pythonRepr(m)
                    } else {
                        body = general(m, spec.precision ?? 6, alternate: spec.alternate)
                        if spec.type == nil, !body.contains(".") && !body.contains("e") && !body.contains("n") && !body.contains("i") {
                            body += ".0"
                        }
                    }
                    if spec.type == "G" { body = body.uppercased() }
                default: throw ScriptError.value("Unknown format code '\(spec.type ?? " ")' for object of type 'float'")
                }
            }
        }
        if let g = spec.grouping {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            var intPart = String(parts[0])
            var grouped = ""
            while intPart.count > 3 {
                grouped = String(g) + intPart.suffix(3) + grouped
                intPart = String(intPart.dropLast(3))
            }
            body = intPart + grouped + (parts.count > 1 ? "." + parts[1] : "")
        }
        let signText = negative ? "-" : (spec.sign == "+" ? "+" : (spec.sign == " " ? " " : ""))
        if spec.zeroPad && spec.align == nil {
            let n = spec.width - signText.count - body.count
            if n > 0 { body = String(repeating: "0", count: n) + body }
            return signText + body
        }
        if spec.align == "=" {
            let n = spec.width - signText.count - body.count
            return signText + String(repeating: String(spec.fill), count: max(0, n)) + body
        }
        return pad(signText + body, spec, defaultAlign: ">")
    }

    /// Fixed-point with correct rounding of the exact binary value, as C's printf does.
    func fixed(_ d: Double, _ precision: Int) -> String {
        String(format: "%.\(min(precision, 60))f", d)
    }

    func scientific(_ d: Double, _ precision: Int) -> String {
        String(format: "%.\(min(precision, 60))e", d)
    }

    /// `%g` and `:g`: precision significant digits, trailing zeros removed unless alternate.
    func general(_ d: Double, _ precisionIn: Int, alternate: Bool) -> String {
        let p = max(precisionIn, 1)
        if d == 0 { return alternate ? "0." + String(repeating: "0", count: p - 1) : "0" }
        let exp = Int(floor(log10(d)))
        let rounded = String(format: "%.\(p - 1)e", d)
        let realExp = Int(rounded.split(separator: "e").last.map(String.init) ?? "") ?? exp
        var text: String
        if realExp >= -4 && realExp < p {
            text = String(format: "%.\(max(0, p - 1 - realExp))f", d)
        } else {
            text = rounded
        }
        if !alternate {
            if let eIndex = text.firstIndex(of: "e") {
                var mantissa = String(text[..<eIndex])
                if mantissa.contains(".") {
                    while mantissa.hasSuffix("0") { mantissa.removeLast() }
                    if mantissa.hasSuffix(".") { mantissa.removeLast() }
                }
                text = mantissa + text[eIndex...]
            } else if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
        }
        return text
    }

    // MARK: f-strings and str.format

    func formatParts(_ parts: [FPart], _ scope: Scope) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .text(let t): out += t
            case .value(let e, let conversion, let specParts):
                let v = try eval(e, scope)
                let spec = try formatParts(specParts, scope)
                try at(e.loc) {
                    switch conversion {
                    case "r"?: out += try format(.string(repr(v)), spec)
                    case "s"?: out += try format(.string(str(v)), spec)
                    case "a"?: out += try format(.string(repr(v)), spec)
                    default: out += try format(v, spec)
                    }
                }
            }
        }
        return out
    }

    func strFormat(_ template: String, _ args: Arguments) throws -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        var auto = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count, chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                guard let close = chars[i...].firstIndex(of: "}") else { throw ScriptError.value("Single '{' encountered in format string") }
                let field = String(chars[(i + 1)..<close])
                i = close + 1
                var name = field
                var spec = ""
                var conversion: Character?
                if let colon = name.firstIndex(of: ":") { spec = String(name[name.index(after: colon)...]); name = String(name[..<colon]) }
                if let bang = name.firstIndex(of: "!") { conversion = name[name.index(after: bang)...].first; name = String(name[..<bang]) }
                var path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                let head = path.removeFirst()
                var value: Value
                if head.isEmpty {
                    guard auto < args.positional.count else { throw ScriptError.index("Replacement index \(auto) out of range for positional args tuple") }
                    value = args.positional[auto]
                    auto += 1
                } else if let n = Int(head) {
                    guard n >= 0, n < args.positional.count else { throw ScriptError.index("Replacement index \(n) out of range for positional args tuple") }
                    value = args.positional[n]
                } else {
                    var key = head
                    var index: String?
                    if let b = key.firstIndex(of: "[") { index = String(key[key.index(after: b)...].dropLast()); key = String(key[..<b]) }
                    guard let v = args.keyword(key) else { throw keyError(.string(key)) }
                    value = v
                    if let index { value = try getItem(value, Int(index).map { .int($0) } ?? .string(index)) }
                }
                for attr in path { value = try getAttribute(value, attr) }
                switch conversion {
                case "r"?: value = .string(repr(value))
                case "s"?: value = .string(str(value))
                default: break
                }
                out += try format(value, spec)
            } else if c == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw ScriptError.value("Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
