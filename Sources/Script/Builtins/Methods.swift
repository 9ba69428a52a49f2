import Foundation

/// Methods of str, list, dict and tuple.
extension Interpreter {
    static let stringMethods = ["join", "split", "strip", "lstrip", "rstrip", "replace", "upper", "lower", "title",
                                "capitalize", "startswith", "endswith", "format", "ljust", "rjust", "center", "find",
                                "index", "count", "isdigit", "isalpha", "splitlines", "zfill"]
    static let listMethods = ["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear"]
    static let dictMethods = ["keys", "values", "items", "get", "pop", "update", "setdefault", "copy", "clear"]

    func methodNames(_ v: Value) -> [String] {
        switch v {
        case .string: return Interpreter.stringMethods
        case .list: return Interpreter.listMethods
        case .dict: return Interpreter.dictMethods
        case .tuple: return ["index", "count"]
        default: return []
        }
    }

    func builtinMethod(_ obj: Value, _ name: String) throws -> Value? {
        let body: ((Arguments) throws -> Value)?
        switch obj {
        case .string(let s): body = stringMethod(s, name)
        case .list(let l): body = listMethod(l, name)
        case .dict(let d): body = dictMethod(d, name)
        case .tuple(let t):
            switch name {
            case "index": body = { [unowned self] args in
                guard let v = args.positional.first else { throw ScriptError.type("index() takes exactly one argument") }
                for (i, x) in t.enumerated() where try self.equal(x, v) { return .int(i) }
                throw ScriptError.value("tuple.index(x): x not in tuple")
            }
            case "count": body = { [unowned self] args in
                guard let v = args.positional.first else { throw ScriptError.type("count() takes exactly one argument") }
                return .int(try t.filter { try self.equal($0, v) }.count)
            }
            default: body = nil
            }
        default: body = nil
        }
        return body.map { b in .object(BuiltinFunction(name) { args, _ in try b(args) }) }
    }

    private func stringArg(_ args: Arguments, _ i: Int, _ fn: String) throws -> String? {
        guard i < args.positional.count else { return nil }
        switch args.positional[i] {
        case .string(let s): return s
        case .none: return nil
        default: throw ScriptError.type("\(fn)() argument must be str, not \(typeName(args.positional[i]))")
        }
    }

    func stringMethod(_ s: String, _ name: String) -> ((Arguments) throws -> Value)? {
        switch name {
        case "join": return { [unowned self] args in
            guard let v = args.positional.first else { throw ScriptError.type("join() takes exactly one argument") }
            let parts = try self.iterate(v).map { item -> String in
                guard case .string(let p) = item else { throw ScriptError.type("sequence item: expected str instance, \(self.typeName(item)) found") }
                return p
            }
            let total = parts.reduce(0) { $0 &+ $1.utf8.count } &+ s.utf8.count &* max(parts.count - 1, 0)
            try Limits.check(elements: total, times: 1, bytesEach: 1)
            return .string(parts.joined(separator: s))
        }
        case "split": return { [unowned self] args in
            let sep = try self.stringArg(args, 0, "split") ?? (args.keyword("sep").flatMap { v -> String? in if case .string(let t) = v { return t }; return nil })
            var maxSplit = -1
            if args.positional.count > 1, case .int(let m) = args.positional[1] { maxSplit = m }
            if case .int(let m)? = args.keyword("maxsplit") { maxSplit = m }
            if let sep {
                guard !sep.isEmpty else { throw ScriptError.value("empty separator") }
                var parts = s.components(separatedBy: sep)
                if maxSplit >= 0 && parts.count > maxSplit + 1 {
                    parts = Array(parts[..<maxSplit]) + [parts[maxSplit...].joined(separator: sep)]
                }
                return .list(ListStorage(parts.map { .string($0) }))
            }
            return .list(ListStorage(s.split(whereSeparator: { $0.isWhitespace }).map { .string(String($0)) }))
        }
        case "strip", "lstrip", "rstrip": return { [unowned self] args in
            let chars = try self.stringArg(args, 0, name)
            let drop: (Character) -> Bool = { c in chars.map { $0.contains(c) } ?? c.isWhitespace }
            var t = Substring(s)
            if name != "rstrip" { t = t.drop(while: drop) }
            if name != "lstrip" { while let l = t.last, drop(l) { t = t.dropLast() } }
            return .string(String(t))
        }
        case "replace": return { [unowned self] args in
            guard let a = try self.stringArg(args, 0, "replace"), let b = try self.stringArg(args, 1, "replace") else {
                throw ScriptError.type("replace() takes at least 2 arguments")
            }
            if b.utf8.count > a.utf8.count {
                // The result can be as long as every character replaced: count the matches first.
                let matches = a.isEmpty ? s.count + 1 : s.components(separatedBy: a).count - 1
                try Limits.check(elements: s.utf8.count + matches * (b.utf8.count - a.utf8.count), times: 1, bytesEach: 1)
            }
            return .string(s.replacingOccurrences(of: a, with: b))
        }
        case "upper": return { _ in .string(s.uppercased()) }
        case "lower": return { _ in .string(s.lowercased()) }
        case "title": return { _ in .string(s.capitalized) }
        case "capitalize": return { _ in .string(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
        case "startswith", "endswith": return { [unowned self] args in
            guard let v = args.positional.first else { throw ScriptError.type("\(name)() takes at least 1 argument") }
            let options: [Value]
            if case .tuple(let t) = v { options = t } else { options = [v] }
            for o in options {
                guard case .string(let p) = o else { throw ScriptError.type("\(name) first arg must be str or a tuple of str") }
                if name == "startswith" ? s.hasPrefix(p) : s.hasSuffix(p) { return .bool(true) }
            }
            _ = self
            return .bool(false)
        }
        case "format": return { [unowned self] args in .string(try self.strFormat(s, args)) }
        case "ljust", "rjust", "center": return { args in
            guard case .int(let w)? = args.positional.first else { throw ScriptError.type("\(name)() takes an integer width") }
            try Limits.check(elements: w, times: 1, bytesEach: 1)
            var fill: Character = " "
            if args.positional.count > 1, case .string(let f) = args.positional[1], let c = f.first { fill = c }
            let n = max(0, w - s.count)
            switch name {
            case "ljust": return .string(s + String(repeating: fill, count: n))
            case "rjust": return .string(String(repeating: fill, count: n) + s)
            default:
                let left = n / 2 + (n % 2 == 1 && w % 2 == 1 ? 1 : 0)
                return .string(String(repeating: fill, count: left) + s + String(repeating: fill, count: n - left))
            }
        }
        case "zfill": return { args in
            guard case .int(let w)? = args.positional.first else { throw ScriptError.type("zfill() takes an integer width") }
            try Limits.check(elements: w, times: 1, bytesEach: 1)
            let n = max(0, w - s.count)
            if s.hasPrefix("-") || s.hasPrefix("+") { return .string(String(s.prefix(1)) + String(repeating: "0", count: n) + s.dropFirst()) }
            return .string(String(repeating: "0", count: n) + s)
        }
        case "find", "index": return { [unowned self] args in
            guard let sub = try self.stringArg(args, 0, name) else { throw ScriptError.type("\(name)() takes at least 1 argument") }
            if let r = s.range(of: sub) { return .int(s.distance(from: s.startIndex, to: r.lowerBound)) }
            if name == "index" { throw ScriptError.value("substring not found") }
            return .int(-1)
        }
        case "count": return { [unowned self] args in
            guard let sub = try self.stringArg(args, 0, "count"), !sub.isEmpty else { return .int(s.count + 1) }
            return .int(s.components(separatedBy: sub).count - 1)
        }
        case "isdigit": return { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isNumber }) }
        case "isalpha": return { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter }) }
        case "splitlines": return { _ in .list(ListStorage(s.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) }.dropLast(s.hasSuffix("\n") ? 1 : 0))) }
        default: return nil
        }
    }

    func listMethod(_ l: ListStorage, _ name: String) -> ((Arguments) throws -> Value)? {
        switch name {
        case "append": return { args in
            guard args.positional.count == 1 else { throw ScriptError.type("list.append() takes exactly one argument (\(args.positional.count) given)") }
            l.items.append(args.positional[0])
            return .none
        }
        case "extend": return { [unowned self] args in
            guard let v = args.positional.first else { throw ScriptError.type("extend() takes exactly one argument") }
            let added = try self.iterate(v)
            try Limits.check(elements: l.items.count + added.count, times: 1, bytesEach: Limits.listItemBytes)
            l.items += added
            return .none
        }
        case "insert": return { args in
            guard args.positional.count == 2, case .int(var i) = args.positional[0] else { throw ScriptError.type("insert expected 2 arguments") }
            if i < 0 { i += l.items.count }
            l.items.insert(args.positional[1], at: min(max(i, 0), l.items.count))
            return .none
        }
        case "pop": return { [unowned self] args in
            guard !l.items.isEmpty else { throw ScriptError.index("pop from empty list") }
            let i = try args.positional.first.map { try self.normalizeIndex($0, l.items.count, "pop") } ?? l.items.count - 1
            return l.items.remove(at: i)
        }
        case "remove": return { [unowned self] args in
            guard let v = args.positional.first else { throw ScriptError.type("remove() takes exactly one argument") }
            guard let i = try l.items.firstIndex(where: { try self.equal($0, v) }) else { throw ScriptError.value("list.remove(x): x not in list") }
            l.items.remove(at: i)
            return .none
        }
        case "index": return { [unowned self] args in
            guard let v = args.positional.first else { throw ScriptError.type("index() takes at least 1 argument") }
            guard let i = try l.items.firstIndex(where: { try self.equal($0, v) }) else { throw ScriptError.value("\(self.repr(v)) is not in list") }
            return .int(i)
        }
        case "count": return { [unowned self] args in
            guard let v = args.positional.first else { throw ScriptError.type("count() takes exactly one argument") }
            return .int(try l.items.filter { try self.equal($0, v) }.count)
        }
        case "sort": return { [unowned self] args in
            let s = try args.bind("sort", ["key", "reverse"])
            try self.sortValues(&l.items, key: s[0].flatMap { if case .none = $0 { return nil }; return $0 },
                                reverse: try s[1].map { try self.isTrue($0) } ?? false)
            return .none
        }
        case "reverse": return { _ in l.items.reverse(); return .none }
        case "copy": return { _ in .list(ListStorage(l.items)) }
        case "clear": return { _ in l.items.removeAll(); return .none }
        default: return nil
        }
    }

    func dictMethod(_ d: DictStorage, _ name: String) -> ((Arguments) throws -> Value)? {
        switch name {
        case "keys": return { _ in .list(ListStorage(d.keys)) }
        case "values": return { _ in .list(ListStorage(d.values)) }
        case "items": return { _ in .list(ListStorage(zip(d.keys, d.values).map { .tuple([$0, $1]) })) }
        case "get": return { args in
            guard let k = args.positional.first else { throw ScriptError.type("get expected at least 1 argument") }
            return try d.get(k) ?? (args.positional.count > 1 ? args.positional[1] : .none)
        }
        case "pop": return { [unowned self] args in
            guard let k = args.positional.first else { throw ScriptError.type("pop expected at least 1 argument") }
            if let v = try d.remove(k) { return v }
            if args.positional.count > 1 { return args.positional[1] }
            throw self.keyError(k)
        }
        case "update": return { [unowned self] args in
            if let other = args.positional.first {
                if case .dict(let o) = other { for (k, v) in zip(o.keys, o.values) { try d.set(k, v) } }
                else { for item in try self.iterate(other) { let p = try self.iterate(item); if p.count == 2 { try d.set(p[0], p[1]) } } }
            }
            for (k, v) in args.keywords { try d.set(.string(k), v) }
            return .none
        }
        case "setdefault": return { args in
            guard let k = args.positional.first else { throw ScriptError.type("setdefault expected at least 1 argument") }
            if let v = try d.get(k) { return v }
            let v = args.positional.count > 1 ? args.positional[1] : .none
            try d.set(k, v)
            return v
        }
        case "copy": return { _ in .dict(try DictStorage(Array(zip(d.keys, d.values)))) }
        case "clear": return { _ in d.removeAll(); return .none }
        default: return nil
        }
    }
}
