/// Reads a parameter list written as Python writes one (`a, b=2, /, c=None, *args, d=(1, 2), **kw`)
/// into `Signature.Parameter`s. Defaults are literals: None, True, False, numbers, strings, tuples.
/// A `!` before a name marks a parameter the real library has and Lectern does not implement.
enum SignatureDeclaration {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [Signature.Parameter] {
        var parameters: [Signature.Parameter] = []
        var keywordOnly = false
        for item in try split(text) {
            if item == "/" {
                for i in parameters.indices where parameters[i].kind == .positionalOrKeyword { parameters[i].kind = .positionalOnly }
                continue
            }
            if item == "*" { keywordOnly = true; continue }
            var word = Substring(item)
            let unsupported = word.first == "!"
            if unsupported { word = word.dropFirst() }
            var kind: Signature.Kind = keywordOnly ? .keywordOnly : .positionalOrKeyword
            if word.hasPrefix("**") {
                kind = .varKeyword
                word = word.dropFirst(2)
            } else if word.hasPrefix("*") {
                kind = .varPositional
                word = word.dropFirst()
                keywordOnly = true
            }
            var name = word, value: Signature.Literal?
            if let eq = word.firstIndex(of: "=") {
                name = word[..<eq]
                value = try literal(word[word.index(after: eq)...].trimmed)
            }
            let trimmedName = String(name.trimmed)
            guard !trimmedName.isEmpty, trimmedName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw Malformed(description: "bad parameter '\(item)'")
            }
            if parameters.contains(where: { $0.name == trimmedName }) { throw Malformed(description: "duplicate parameter '\(trimmedName)'") }
            parameters.append(Signature.Parameter(name: trimmedName, kind: kind, defaultValue: value, unsupported: unsupported))
        }
        return parameters
    }

    /// The items between top-level commas, trimmed, empty ones dropped.
    static func split(_ text: String) throws -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"": quote = c; current.append(c)
            case "(", "[": depth += 1; current.append(c)
            case ")", "]": depth -= 1; current.append(c)
            case "," where depth == 0:
                items.append(String(current.trimmed))
                current = ""
            default: current.append(c)
            }
        }
        guard quote == nil, depth == 0 else { throw Malformed(description: "unbalanced quotes or brackets in '\(text)'") }
        items.append(String(current.trimmed))
        return items.filter { !$0.isEmpty }
    }

    static func literal(_ text: Substring) throws -> Signature.Literal {
        switch text {
        case "None": return .none
        case "<no value>": return .absent
        case "True": return .bool(true)
        case "False": return .bool(false)
        default: break
        }
        if let first = text.first, first == "'" || first == "\"", text.count >= 2, text.last == first {
            return .string(String(text.dropFirst().dropLast()))
        }
        if text.first == "(", text.last == ")" {
            let inner = String(text.dropFirst().dropLast())
            return .tuple(try split(inner).map { try literal(Substring($0)) })
        }
        if let i = Int(text) { return .int(i) }
        if let d = Double(text) { return .float(d) }
        throw Malformed(description: "'\(text)' is not a literal")
    }
}

private extension Substring {
    var trimmed: Substring {
        var s = self
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}

private extension String {
    var trimmed: Substring { Substring(self).trimmed }
}
