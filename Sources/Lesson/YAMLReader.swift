import Suggestions
import Yams

/// Reads a YAML text that sits inside a file (a lesson's front matter, its `#|` lines, the course
/// file) with Yams, and turns what is wrong with it into diagnostics at the file's own lines and
/// columns. The only place that sees Yams' nodes: callers get plain values back.
struct YAMLReader {
    let file: String
    /// The file line holding the YAML's line 1.
    let firstLine: Int
    /// Per YAML line (0-based), the columns the file has before it (a `#| ` prefix, indentation).
    let columnOffsets: [Int]
    private(set) var problems: [LessonDiagnostic] = []

    init(file: String, firstLine: Int, columnOffsets: [Int] = []) {
        self.file = file
        self.firstLine = firstLine
        self.columnOffsets = columnOffsets
    }

    /// The file's line and column of a place in the YAML (Yams counts both from 1).
    func location(_ mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (firstLine, 1) }
        let offset = mark.line - 1 < columnOffsets.count && mark.line >= 1 ? columnOffsets[mark.line - 1] : 0
        return (firstLine + mark.line - 1, mark.column + offset)
    }

    mutating func problem(at mark: Mark?, _ message: String) {
        let (line, column) = location(mark)
        problems.append(LessonDiagnostic(file: file, line: line, column: column, message: message))
    }

    /// The document's root, or nil (with a problem) when the text is not YAML. `what` names the
    /// text in messages ("the front matter").
    mutating func root(_ text: String, what: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                self.problem(at: mark, "\(what) is not valid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                self.problem(at: context.mark, "\(what) gives \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) more than once")
            case .reader(let problem, _, _, _):
                self.problem(at: nil, "\(what) cannot be read: \(problem)")
            case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
                self.problem(at: nil, "\(what) cannot be read: \(error)")
            }
            return nil
        } catch {
            self.problem(at: nil, "\(what) cannot be read: \(error)")
            return nil
        }
    }

    /// A mapping's entries with their keys as text, in the order written. Keys not in `known` are
    /// problems naming the closest known one; so is a node that is not a mapping.
    mutating func entries(_ node: Node, what: String, known: [String]) -> [(key: String, value: Node)] {
        guard let mapping = node.mapping else {
            problem(at: node.mark, "\(what) expects keys and values (key: value). Received: \(summary(node))")
            return []
        }
        var out: [(key: String, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                problem(at: keyNode.mark, "\(what) has a key that is not a word")
                continue
            }
            guard known.contains(key) else {
                var m = "unknown key '\(key)' in \(what)"
                m += Suggest.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? "."
                problem(at: keyNode.mark, m + " Known keys: \(known.joined(separator: ", "))")
                continue
            }
            out.append((key, value))
        }
        return out
    }

    /// A scalar's text; nil (with a problem) for a list, a mapping or an empty value.
    mutating func text(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar, !isNull(scalar) else {
            problem(at: node.mark, "\(key) expects text. Received: \(summary(node))")
            return nil
        }
        return scalar.string
    }

    /// A scalar's text as it is written, for a value that is checked later (block options).
    mutating func scalarText(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            problem(at: node.mark, "\(key) expects a single value. Received: \(summary(node))")
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node, key: String) -> Double? {
        guard let text = node.scalar?.string, let n = Double(text), n.isFinite else {
            problem(at: node.mark, "\(key) expects a number. Received: \(summary(node))")
            return nil
        }
        return n
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        switch node.scalar?.string {
        case "true"?, "True"?: return true
        case "false"?, "False"?: return false
        default:
            problem(at: node.mark, "\(key) expects true or false. Received: \(summary(node))")
            return nil
        }
    }

    mutating func list(_ node: Node, key: String) -> [Node]? {
        guard let sequence = node.sequence else {
            problem(at: node.mark, "\(key) expects a list (lines starting with '- '). Received: \(summary(node))")
            return nil
        }
        return Array(sequence)
    }

    func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a value reads in a message.
    func summary(_ node: Node) -> String {
        switch node {
        case .scalar(let s): isNull(s) ? "nothing" : s.string
        case .mapping: "keys and values"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
