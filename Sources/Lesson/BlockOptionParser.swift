import Suggestions
import Foundation

extension LessonParser {
    /// Parses `experiment key=value ...`. Values may be quoted with `'` or `"` (a backslash
    /// escapes the quote), so `sanitize="\d+ ms"` is one option. Unknown keys and bad values are
    /// diagnostics that name the column of the offending word.
    static func parseOptions(_ info: String, line: Int, infoColumn: Int, file: String,
                             defaults: BlockOptions = BlockOptions()) -> (BlockOptions, [LessonDiagnostic]) {
        var options = defaults
        var problems: [LessonDiagnostic] = []
        let (words, unclosed) = optionWords(info)
        if let col = unclosed {
            problems.append(LessonDiagnostic(file: file, line: line, column: infoColumn + col, message: "this quoted option value has no closing quote"))
        }
        for word in words.dropFirst() {
            func problem(_ m: String) { problems.append(LessonDiagnostic(file: file, line: line, column: infoColumn + word.column, message: m)) }
            guard let value = word.value else {
                if word.key == "params" { options.params = true; continue }
                problem("experiment option '\(word.key)' needs a value, as in key=value; known options: \(BlockOptions.known.joined(separator: ", "))")
                continue
            }
            apply(word.key, value, to: &options, problem: problem)
        }
        return (options, problems)
    }

    /// Sets one option from its text, as written after `experiment`, in a lesson's `defaults:` or
    /// on a `#|` line; a bad value or an unknown key is handed to `problem`.
    static func apply(_ key: String, _ value: String, to options: inout BlockOptions, problem: (String) -> Void) {
        func flag(_ set: (Bool) -> Void) {
            switch value {
            case "true": set(true)
            case "false": set(false)
            default: problem("experiment \(key) expects true or false. Received: \(key)=\(value)")
            }
        }
        func tolerance(_ set: (Double) -> Void) {
            if let t = Double(value), t >= 0, t.isFinite { set(t) } else {
                problem("experiment \(key) expects a number, 0 or more. Received: \(key)=\(value)")
            }
        }
        switch key {
        case "id":
            if value.isEmpty || !value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                problem("experiment id must be letters, digits, '-' or '_'. Received: id=\(value)")
            } else {
                options.id = value
            }
        case "timeout":
            if let t = Double(value), t > 0, t <= BlockOptions.maxTimeout { options.timeout = t } else {
                problem("experiment timeout expects a positive number of seconds, at most \(Int(BlockOptions.maxTimeout)) (a day). Received: timeout=\(value)")
            }
        case "params": flag { options.params = $0 }
        case "echo": flag { options.echo = $0 }
        case "output": flag { options.output = $0 }
        case "check": flag { options.check = $0 }
        case "error":
            if value == "expected" { options.expectsError = true } else {
                problem("experiment error expects the word expected (error=expected: the block is meant to raise). Received: error=\(value)")
            }
        case "rtol": tolerance { options.rtol = $0 }
        case "atol": tolerance { options.atol = $0 }
        case "sanitize":
            do {
                _ = try NSRegularExpression(pattern: value)
                options.sanitizers.append(Sanitizer(pattern: value))
            } catch {
                problem("experiment sanitize is not a valid regular expression: \(value)")
            }
        case "replace":
            if options.sanitizers.isEmpty {
                problem("experiment replace gives the replacement for the sanitize option before it; there is none")
            } else {
                options.sanitizers[options.sanitizers.count - 1].replacement = value
            }
        case "caption":
            let caption = value.trimmingCharacters(in: .whitespaces)
            if caption.isEmpty { problem("experiment caption expects some text, as in caption=\"Loss curve\"") } else { options.caption = caption }
        case "label":
            if BlockOptions.isFigureLabel(value) { options.label = value } else {
                problem("experiment label names a figure for @-references: fig- then letters, digits, '-' or '_', as in label=fig-loss. Received: label=\(value)")
            }
        default:
            var m = "unknown experiment option '\(key)'"
            if let s = Suggest.closest(to: key, in: BlockOptions.known) { m += "; did you mean '\(s)'?" }
            problem(m + " Known options: \(BlockOptions.known.joined(separator: ", "))")
        }
    }

    struct OptionWord {
        var key: String
        var value: String?
        /// 0-based offset of the word in the info string.
        var column: Int
    }

    /// Splits an info string into words at spaces and tabs, keeping quoted values whole; also
    /// returns the offset of a quote that is never closed.
    static func optionWords(_ info: String) -> ([OptionWord], unclosed: Int?) {
        let chars = Array(info)
        var words: [OptionWord] = []
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
            guard i < chars.count else { break }
            let start = i
            var key = ""
            while i < chars.count, chars[i] != " ", chars[i] != "\t", chars[i] != "=" { key.append(chars[i]); i += 1 }
            guard i < chars.count, chars[i] == "=" else {
                words.append(OptionWord(key: key, value: nil, column: start))
                continue
            }
            i += 1
            var value = ""
            if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                let quote = chars[i]
                let open = i
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == quote || chars[i + 1] == "\\" {
                        value.append(chars[i + 1]); i += 2; continue
                    }
                    if chars[i] == quote { closed = true; i += 1; break }
                    value.append(chars[i]); i += 1
                }
                if !closed { return (words, open) }
            } else {
                while i < chars.count, chars[i] != " ", chars[i] != "\t" { value.append(chars[i]); i += 1 }
            }
            words.append(OptionWord(key: key, value: value, column: start))
        }
        return (words, nil)
    }
}
