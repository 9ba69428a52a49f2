import Foundation
import Lesson

/// `--param name=value` overrides for a lesson's `params` block, as papermill and Quarto apply
/// them: the block runs as written, then each override is assigned after it.
public enum Parameters {
    /// Problems that stop the lesson before it runs: overrides with no `params` block to apply
    /// to, or a name the block does not assign.
    public static func problems(_ overrides: [String: String], in lesson: Lesson) -> [LessonDiagnostic] {
        guard !overrides.isEmpty else { return [] }
        let blocks = lesson.experiments.filter(\.options.params)
        guard let block = blocks.first else {
            return [LessonDiagnostic(file: lesson.file, line: 1, column: 1,
                message: "--param was given (\(overrides.keys.sorted().joined(separator: ", "))) but the lesson has no `params` block; mark the block of plain assignments with ```experiment params")]
        }
        var problems: [LessonDiagnostic] = []
        if blocks.count > 1 {
            problems.append(LessonDiagnostic(file: lesson.file, line: blocks[1].fenceLine, column: 1,
                message: "a lesson has one `params` block; the first is on line \(block.fenceLine)"))
        }
        let assigned = assignedNames(block.code)
        for name in overrides.keys.sorted() where !assigned.contains(name) {
            problems.append(LessonDiagnostic(file: lesson.file, line: block.fenceLine, column: 1,
                message: "--param \(name)=… names no parameter; the params block assigns \(assigned.isEmpty ? "nothing" : assigned.sorted().joined(separator: ", "))"))
        }
        return problems
    }

    /// Names assigned at the top level of a params block (`epochs = 10`, `a, b = 1, 2`).
    static func assignedNames(_ code: String) -> Set<String> {
        var names = Set<String>()
        for line in code.split(separator: "\n") {
            guard let first = line.first, first.isLetter || first == "_" else { continue }
            guard let eq = line.firstIndex(of: "="), line[line.index(after: eq)...].first != "=" else { continue }
            for target in line[..<eq].split(separator: ",") {
                let name = target.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(name) }
            }
        }
        return names
    }

    /// The Python code that applies the overrides: numbers, booleans, None and literals written
    /// with quotes or brackets keep their type; anything else is a string.
    public static func assignments(_ overrides: [String: String]) -> String {
        overrides.sorted { $0.key < $1.key }.map { "\($0.key) = \(literal($0.value))\n" }.joined()
    }

    static func literal(_ value: String) -> String {
        let v = value.trimmingCharacters(in: .whitespaces)
        if Int(v) != nil || (Double(v) != nil && !v.lowercased().contains("n")) { return v }
        if ["True", "False", "None"].contains(v) { return v }
        if let c = v.first, "'\"[({".contains(c) { return v }
        var quoted = "'"
        for ch in value {
            switch ch {
            case "\\": quoted += "\\\\"
            case "'": quoted += "\\'"
            case "\n": quoted += "\\n"
            default: quoted.append(ch)
            }
        }
        return quoted + "'"
    }
}
