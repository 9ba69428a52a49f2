/// The YAML block a lesson may open with, between two `---` lines, as Quarto and Jekyll write it:
///
/// ```yaml
/// ---
/// title: Early stopping
/// description: Stop training when the validation loss stops improving.
/// order: 5
/// draft: false
/// defaults: {timeout: 300, atol: 0.002}
/// ---
/// ```
///
/// The lines are not prose: the parser reads the rest of the lesson as if they were blank, so
/// every later line keeps its number.
public struct FrontMatter: Sendable, Equatable {
    /// The lesson's title in the navigation and the index (its first `#` heading otherwise).
    public var title: String?
    /// One or two sentences the index shows under the lesson's title.
    public var description: String?
    /// Where the lesson goes when the course file does not place it (smaller first).
    public var order: Double?
    /// A draft is built but left out of the course's navigation, index and search, unless
    /// `lectern render --draft`.
    public var draft: Bool = false
    /// The options every experiment block of the lesson starts from; a block's own override them.
    public var defaults = BlockOptions()
    /// How many lines the front matter takes, both `---` lines included; 0 when there is none.
    public var lineCount: Int = 0

    public init() {}

    public static let known = ["title", "description", "order", "draft", "defaults"]
    /// The block options `defaults:` may set: how blocks run, show and are checked, not what a
    /// single block is (its id, caption, parameters).
    public static let defaultable = ["timeout", "echo", "output", "check", "rtol", "atol"]

    /// The YAML between the fences and the number of lines the front matter takes, when `source`
    /// opens with a `---` line closed by a later `---` (or `...`) line; nil otherwise (a `---`
    /// that is never closed is a thematic break, as CommonMark reads it).
    static func split(_ source: String) -> (yaml: String, lineCount: Int)? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).lazy.map { line -> Substring in
            var l = line
            while l.last == "\r" || l.last == " " || l.last == "\t" { l = l.dropLast() }
            return l
        }.makeIterator()
        guard lines.next() == "---" else { return nil }
        var yaml: [Substring] = []
        while let line = lines.next() {
            if line == "---" || line == "..." {
                return (yaml.joined(separator: "\n"), yaml.count + 2)
            }
            yaml.append(line)
        }
        return nil
    }

    /// Reads the front matter of a lesson, if it has one; its problems are at the lesson's lines.
    static func parse(_ source: String, file: String) -> (FrontMatter, [LessonDiagnostic]) {
        var front = FrontMatter()
        guard let (yaml, lineCount) = split(source) else { return (front, []) }
        front.lineCount = lineCount
        var reader = YAMLReader(file: file, firstLine: 2)
        // An empty front matter (two fences) is allowed, as in Quarto.
        guard !yaml.allSatisfy(\.isWhitespace), let root = reader.root(yaml, what: "the front matter") else {
            return (front, reader.problems)
        }
        for (key, value) in reader.entries(root, what: "the front matter", known: known) {
            switch key {
            case "title": front.title = reader.text(value, key: "title")
            case "description": front.description = reader.text(value, key: "description")
            case "order": front.order = reader.number(value, key: "order")
            case "draft": front.draft = reader.bool(value, key: "draft") ?? false
            case "defaults":
                for (option, optionValue) in reader.entries(value, what: "defaults (block options for every block)", known: defaultable) {
                    guard let text = reader.scalarText(optionValue, key: option) else { continue }
                    LessonParser.apply(option, text, to: &front.defaults) { reader.problem(at: optionValue.mark, "defaults: " + $0) }
                }
            default: continue  // `entries` let through only the known keys
            }
        }
        return (front, reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    /// `source` with the front matter's lines emptied, so that Markdown readers skip them and every
    /// later line keeps its number.
    static func blanked(_ source: String, lineCount: Int) -> String {
        guard lineCount > 0 else { return source }
        var rest = Substring(source)
        for _ in 0..<lineCount {
            guard let newline = rest.firstIndex(of: "\n") else { return String(repeating: "\n", count: lineCount - 1) }
            rest = rest[rest.index(after: newline)...]
        }
        return String(repeating: "\n", count: lineCount) + rest
    }
}
