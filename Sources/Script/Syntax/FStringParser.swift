import Foundation

/// Splits an f-string's text into literal parts and `{expression!conversion:spec}` parts.
enum FStringParser {
    static func parse(_ s: String, file: String, line: Int, column: Int) throws -> [FPart] {
        let chars = Array(s)
        var parts: [FPart] = []
        var text = ""
        var i = 0
        func fail(_ m: String) -> ScriptError {
            ScriptError(kind: "SyntaxError", message: "f-string: \(m)", location: SourceLocation(file: file, line: line, column: column + i))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count, chars[i + 1] == "{" { text.append("{"); i += 2; continue }
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                i += 1
                let start = i
                var depth = 0
                var quote: Character?
                while i < chars.count {
                    let d = chars[i]
                    if let q = quote { if d == q { quote = nil }; i += 1; continue }
                    if d == "'" || d == "\"" { quote = d }
                    else if "([{".contains(d) { depth += 1 }
                    else if ")]}".contains(d) { if depth == 0 { break }; depth -= 1 }
                    else if depth == 0 && (d == "!" || d == ":") && !(d == "!" && i + 1 < chars.count && chars[i + 1] == "=") { break }
                    i += 1
                }
                var exprText = String(chars[start..<i])
                let exprColumn = column + start
                var selfDocumenting = false
                if exprText.hasSuffix("="), !exprText.hasSuffix("==") {
                    selfDocumenting = true
                    exprText.removeLast()
                }
                guard !exprText.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("empty expression not allowed") }
                var conversion: Character?
                if i < chars.count, chars[i] == "!" {
                    guard i + 1 < chars.count, "rsa".contains(chars[i + 1]) else { throw fail("invalid conversion character") }
                    conversion = chars[i + 1]
                    i += 2
                }
                var spec: [FPart] = []
                if i < chars.count, chars[i] == ":" {
                    i += 1
                    let specStart = i
                    var depth = 0
                    while i < chars.count {
                        if chars[i] == "{" { depth += 1 }
                        if chars[i] == "}" { if depth == 0 { break }; depth -= 1 }
                        i += 1
                    }
                    spec = try parse(String(chars[specStart..<i]), file: file, line: line, column: column + specStart)
                }
                guard i < chars.count, chars[i] == "}" else { throw fail("expecting '}'") }
                i += 1
                var lexer = Lexer(exprText, file: file, firstLine: line, column: exprColumn)
                let tokens = try lexer.tokenize()
                var parser = Parser(tokens: tokens, file: file, source: exprText, firstLine: line)
                let e = try parser.testList()
                if selfDocumenting {
                    parts.append(.text(exprText + "="))
                    if conversion == nil && spec.isEmpty { conversion = "r" }
                }
                parts.append(.value(e, conversion: conversion, spec: spec))
            } else if c == "}" {
                if i + 1 < chars.count, chars[i + 1] == "}" { text.append("}"); i += 2; continue }
                throw fail("single '}' is not allowed")
            } else {
                text.append(c)
                i += 1
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}
