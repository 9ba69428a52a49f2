import Foundation

/// The methods of `str`, each with CPython's signature.
extension Interpreter {
    /// Read-only after it is built, so sharing it between interpreters is safe.
    static let strTable = MethodTable<String>([
        Method("join", "iterable, /") { s, a, context in
            let ip = try Interpreter.of(context)
            let parts = try ip.iterate(a["iterable"]).enumerated().map { i, item -> String in
                guard case .string(let p) = item else {
                    throw ScriptError.type("sequence item \(i): expected str instance, \(ip.typeName(item)) found")
                }
                return p
            }
            let total = parts.reduce(0) { $0 &+ $1.utf8.count } &+ s.utf8.count &* max(parts.count - 1, 0)
            try Limits.check(elements: total, times: 1, bytesEach: 1)
            return .string(parts.joined(separator: s))
        },
        Method("split", "sep=None, maxsplit=-1") { s, a, context in
            let ip = try Interpreter.of(context)
            let parts = try StringSplit.split(s, sep: ip.optionalText(a, "sep", "split"), maxsplit: ip.integer(a["maxsplit"]))
            return .list(ListStorage(parts.map { .string($0) }))
        },
        Method("rsplit", "sep=None, maxsplit=-1") { s, a, context in
            let ip = try Interpreter.of(context)
            let parts = try StringSplit.rsplit(s, sep: ip.optionalText(a, "sep", "rsplit"), maxsplit: ip.integer(a["maxsplit"]))
            return .list(ListStorage(parts.map { .string($0) }))
        },
        Method("splitlines", "keepends=False") { s, a, context in
            let keep = try Interpreter.of(context).isTrue(a["keepends"])
            return .list(ListStorage(StringSplit.lines(s, keepends: keep).map { .string($0) }))
        },
        Method("partition", "sep, /") { s, a, context in
            try Interpreter.of(context).partition(s, a, fromEnd: false)
        },
        Method("rpartition", "sep, /") { s, a, context in
            try Interpreter.of(context).partition(s, a, fromEnd: true)
        },
        Method("strip", "chars=None, /") { s, a, context in
            .string(StringSplit.strip(s, try Interpreter.of(context).optionalText(a, "chars", "strip"), left: true, right: true))
        },
        Method("lstrip", "chars=None, /") { s, a, context in
            .string(StringSplit.strip(s, try Interpreter.of(context).optionalText(a, "chars", "lstrip"), left: true, right: false))
        },
        Method("rstrip", "chars=None, /") { s, a, context in
            .string(StringSplit.strip(s, try Interpreter.of(context).optionalText(a, "chars", "rstrip"), left: false, right: true))
        },
        Method("removeprefix", "prefix, /") { s, a, context in
            let p = try Interpreter.of(context).text(a, "prefix", "removeprefix")
            return .string(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        },
        Method("removesuffix", "suffix, /") { s, a, context in
            let p = try Interpreter.of(context).text(a, "suffix", "removesuffix")
            return .string(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
        },
        Method("replace", "old, new, count=-1, /") { s, a, context in
            let ip = try Interpreter.of(context)
            return .string(try StringSplit.replace(s, ip.text(a, "old", "replace"), ip.text(a, "new", "replace"),
                                                   count: ip.integer(a["count"])))
        },
        Method("upper", "") { s, _, _ in .string(s.uppercased()) },
        Method("lower", "") { s, _, _ in .string(s.lowercased()) },
        Method("casefold", "") { s, _, _ in .string(s.lowercased()) },
        Method("swapcase", "") { s, _, _ in
            .string(String(s.flatMap { c in c.isUppercase ? Array(c.lowercased()) : c.isLowercase ? Array(c.uppercased()) : [c] }))
        },
        Method("title", "") { s, _, _ in .string(s.capitalized) },
        Method("capitalize", "") { s, _, _ in .string(s.prefix(1).uppercased() + s.dropFirst().lowercased()) },
        Method("startswith", "prefix, start=None, end=None, /") { s, a, context in
            try Interpreter.of(context).affix(s, a, "prefix", "startswith") { $0.starts(with: $1) }
        },
        Method("endswith", "suffix, start=None, end=None, /") { s, a, context in
            try Interpreter.of(context).affix(s, a, "suffix", "endswith") { $0.reversed().starts(with: $1.reversed()) }
        },
        Method("format", "*args, **kwargs") { s, a, context in
            .string(try Interpreter.of(context).strFormat(s, Arguments(a.extraPositional, keywords: a.extraKeywords)))
        },
        Method("format_map", "mapping") { s, a, context in
            let ip = try Interpreter.of(context)
            guard case .dict(let d) = a["mapping"] else { throw ScriptError.type("format_map() argument must be a mapping, not \(ip.typeName(a["mapping"]))") }
            let keywords = zip(d.keys, d.values).compactMap { k, v -> (name: String, value: Value)? in
                if case .string(let name) = k { return (name, v) }
                return nil
            }
            return .string(try ip.strFormat(s, Arguments([], keywords: keywords)))
        },
        Method("ljust", "width, fillchar=' ', /") { s, a, context in try Interpreter.of(context).justify(s, a, "ljust") },
        Method("rjust", "width, fillchar=' ', /") { s, a, context in try Interpreter.of(context).justify(s, a, "rjust") },
        Method("center", "width, fillchar=' ', /") { s, a, context in try Interpreter.of(context).justify(s, a, "center") },
        Method("zfill", "width, /") { s, a, context in
            let w = try Interpreter.of(context).integer(a["width"])
            try Limits.check(elements: w, times: 1, bytesEach: 1)
            let n = max(0, w - s.count)
            if s.hasPrefix("-") || s.hasPrefix("+") { return .string(String(s.prefix(1)) + String(repeating: "0", count: n) + s.dropFirst()) }
            return .string(String(repeating: "0", count: n) + s)
        },
        Method("find", "sub, start=None, end=None, /") { s, a, context in
            .int(try Interpreter.of(context).search(s, a, "find", last: false) ?? -1)
        },
        Method("rfind", "sub, start=None, end=None, /") { s, a, context in
            .int(try Interpreter.of(context).search(s, a, "rfind", last: true) ?? -1)
        },
        Method("index", "sub, start=None, end=None, /") { s, a, context in
            guard let i = try Interpreter.of(context).search(s, a, "index", last: false) else { throw ScriptError.value("substring not found") }
            return .int(i)
        },
        Method("rindex", "sub, start=None, end=None, /") { s, a, context in
            guard let i = try Interpreter.of(context).search(s, a, "rindex", last: true) else { throw ScriptError.value("substring not found") }
            return .int(i)
        },
        Method("count", "sub, start=None, end=None, /") { s, a, context in
            let ip = try Interpreter.of(context)
            let sub = Array(try ip.text(a, "sub", "count"))
            let chars = Array(s)
            let window = try ip.window(a, count: chars.count)
            return .int(StringSplit.occurrences(of: sub, in: chars[window]))
        },
        Method("isdigit", "") { s, _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isNumber }) },
        Method("isdecimal", "") { s, _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isWholeNumber }) },
        Method("isnumeric", "") { s, _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isNumber }) },
        Method("isalpha", "") { s, _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter }) },
        Method("isalnum", "") { s, _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) },
        Method("isspace", "") { s, _, _ in .bool(!s.isEmpty && s.allSatisfy { $0.isWhitespace }) },
        Method("isascii", "") { s, _, _ in .bool(s.unicodeScalars.allSatisfy(\.isASCII)) },
        Method("islower", "") { s, _, _ in .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase }) },
        Method("isupper", "") { s, _, _ in .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase }) },
    ])

    /// The interpreter behind a call (every call a lesson makes runs through one).
    static func of(_ context: CallContext) throws -> Interpreter {
        guard let ip = context as? Interpreter else { throw ScriptError.runtime("a built-in method was called outside a lesson") }
        return ip
    }

    /// A `str` argument.
    func text(_ a: BoundArguments, _ name: String, _ function: String) throws -> String {
        guard case .string(let s) = a[name] else {
            throw ScriptError.type("\(function)() argument must be str, not \(typeName(a[name]))")
        }
        return s
    }

    /// A `str` argument that may be None.
    func optionalText(_ a: BoundArguments, _ name: String, _ function: String) throws -> String? {
        if case .none = a[name] { return nil }
        return try text(a, name, function)
    }

    /// An argument Python reads as an index (an int or a bool).
    func integer(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw ScriptError.type("'\(typeName(v))' object cannot be interpreted as an integer")
        }
    }

    /// The part of a sequence of `count` items that `start` and `end` select, clamped as a slice is.
    func window(_ a: BoundArguments, count: Int, start: String = "start", end: String = "end") throws -> Range<Int> {
        func bound(_ v: Value, _ otherwise: Int) throws -> Int {
            if case .none = v { return otherwise }
            let i = try integer(v)
            return min(max(i < 0 ? i + count : i, 0), count)
        }
        let lo = try bound(a[start], 0), hi = try bound(a[end], count)
        return lo..<max(lo, hi)
    }

    private func search(_ s: String, _ a: BoundArguments, _ function: String, last: Bool) throws -> Int? {
        let sub = Array(try text(a, "sub", function))
        let chars = Array(s)
        let w = try window(a, count: chars.count)
        guard sub.count <= w.count else { return nil }
        let starts = w.lowerBound...(w.upperBound - sub.count)
        let hit: (Int) -> Bool = { i in chars[i..<(i + sub.count)].elementsEqual(sub) }
        return last ? starts.reversed().first(where: hit) : starts.first(where: hit)
    }

    private func affix(_ s: String, _ a: BoundArguments, _ name: String, _ function: String,
                       _ matches: (ArraySlice<Character>, [Character]) -> Bool) throws -> Value {
        let options: [Value]
        if case .tuple(let t) = a[name] { options = t } else { options = [a[name]] }
        let chars = Array(s)
        let part = chars[try window(a, count: chars.count)]
        for o in options {
            guard case .string(let p) = o else {
                throw ScriptError.type("\(function) first arg must be str or a tuple of str, not \(typeName(o))")
            }
            if matches(part, Array(p)) { return .bool(true) }
        }
        return .bool(false)
    }

    private func justify(_ s: String, _ a: BoundArguments, _ function: String) throws -> Value {
        let w = try integer(a["width"])
        try Limits.check(elements: w, times: 1, bytesEach: 1)
        let fillText = try text(a, "fillchar", function)
        guard fillText.count == 1, let fill = fillText.first else {
            throw ScriptError.type("The fill character must be exactly one character long")
        }
        let n = max(0, w - s.count)
        switch function {
        case "ljust": return .string(s + String(repeating: fill, count: n))
        case "rjust": return .string(String(repeating: fill, count: n) + s)
        default:
            let left = n / 2 + (n % 2 == 1 && w % 2 == 1 ? 1 : 0)
            return .string(String(repeating: fill, count: left) + s + String(repeating: fill, count: n - left))
        }
    }

    private func partition(_ s: String, _ a: BoundArguments, fromEnd: Bool) throws -> Value {
        let sep = try text(a, "sep", fromEnd ? "rpartition" : "partition")
        guard !sep.isEmpty else { throw ScriptError.value("empty separator") }
        guard let r = fromEnd ? s.range(of: sep, options: .backwards) : s.range(of: sep) else {
            return .tuple(fromEnd ? [.string(""), .string(""), .string(s)] : [.string(s), .string(""), .string("")])
        }
        return .tuple([.string(String(s[..<r.lowerBound])), .string(sep), .string(String(s[r.upperBound...]))])
    }
}
