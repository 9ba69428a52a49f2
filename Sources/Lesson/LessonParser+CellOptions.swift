extension LessonParser {
    /// Quarto's cell options at the top of a block's code, Python comments that start with `#|`:
    ///
    /// ```python
    /// #| label: fig-loss
    /// #| fig-cap: "Loss per epoch"
    /// ```
    ///
    /// Read as YAML, as Quarto reads them, into the same options as the info string's (applied
    /// after it). The code runs unchanged, comments and all. Returns how many lines they take.
    static func cellOptions(_ code: String, line: Int, column: Int, file: String,
                            into options: inout BlockOptions) -> (lineCount: Int, problems: [LessonDiagnostic]) {
        var yamlLines: [Substring] = []
        for codeLine in code.split(separator: "\n", omittingEmptySubsequences: false) {
            guard codeLine.hasPrefix("#|") else { break }
            yamlLines.append(codeLine.dropFirst(2))
        }
        guard !yamlLines.isEmpty else { return (0, []) }
        // Each YAML line sits two columns right of its line of code.
        var reader = YAMLReader(file: file, firstLine: line, columnOffsets: Array(repeating: column + 1, count: yamlLines.count))
        let what = "the block's #| options"
        guard let root = reader.root(yamlLines.joined(separator: "\n"), what: what) else { return (yamlLines.count, reader.problems) }
        for (key, value) in reader.entries(root, what: what, known: Array(cellOptionNames.keys).sorted()) {
            guard let option = cellOptionNames[key], let text = reader.scalarText(value, key: key) else { continue }
            apply(option, text, to: &options) { reader.problem(at: value.mark, "#| \(key): " + $0) }
        }
        return (yamlLines.count, reader.problems)
    }

    /// The `#|` keys understood, by the block option each sets.
    static let cellOptionNames = ["label": "label", "fig-cap": "caption", "echo": "echo", "output": "output"]
}
