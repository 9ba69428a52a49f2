import Suggestions
import Lesson
import Notebook

/// The figures of one page: which blocks' figures are numbered (those with a caption or a label,
/// 1, 2, ... in the order of the page), the `<figure>` each becomes, and the links `@fig-label`
/// in the prose turn into.
struct FigureNumbers {
    /// Number by block id, for the blocks whose figures are numbered.
    private(set) var byBlock: [String: Int] = [:]
    /// Number by label.
    private(set) var byLabel: [String: Int] = [:]

    init(_ lesson: Lesson) {
        var n = 0
        for block in lesson.experiments where block.options.caption != nil || block.options.label != nil {
            n += 1
            byBlock[block.id] = n
            if let label = block.options.label, byLabel[label] == nil { byLabel[label] = n }
        }
    }

    /// The references in the prose that name no figure of the lesson, as problems at their places.
    func problems(_ lesson: Lesson) -> [LessonDiagnostic] {
        lesson.figureReferences.filter { byLabel[$0.label] == nil }.map { reference in
            let known = lesson.figureLabels
            var message = "@\(reference.label) names no figure of this lesson"
            if let s = Suggest.closest(to: reference.label, in: known) {
                message += "; did you mean @\(s)?"
            } else if known.isEmpty {
                message += " (give a block label=\(reference.label) and a caption)"
            }
            return LessonDiagnostic(file: lesson.file, line: reference.line, column: reference.column, message: message)
        }
    }

    /// The link a reference becomes: "Figure 3", to the figure; `?@fig-x` when there is no such figure.
    func referenceHTML(_ label: String) -> String {
        guard let n = byLabel[label] else {
            return "<span class=\"xref-missing\" title=\"no figure is labelled \(HTML.escape(label))\">?@\(HTML.escape(label))</span>"
        }
        return "<a class=\"xref\" href=\"#\(HTML.escape(label))\">Figure\u{a0}\(n)</a>"
    }

    /// `text` with every `@fig-label` reference in it linked, the rest escaped. A reference is
    /// found as the lesson parser finds it: `@` not inside a word, `fig-` and a label.
    func linkingReferences(_ text: String) -> String {
        guard text.contains("@fig-") else { return HTML.escape(text) }
        let chars = Array(text)
        var out = ""
        var plain = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "@", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_") {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" { j += 1 }
                while j > i + 1, chars[j - 1] == "-" { j -= 1 }
                let label = String(chars[(i + 1)..<j])
                if BlockOptions.isFigureLabel(label) {
                    out += HTML.escape(plain) + referenceHTML(label)
                    plain = ""
                    i = j
                    continue
                }
            }
            plain.append(chars[i])
            i += 1
        }
        return out + HTML.escape(plain)
    }

    /// The figures of a block's outputs as HTML: each image with alt text describing what it
    /// draws; a numbered block's images share one `<figure>` with its caption and its label as id.
    func html(_ figures: [OutputRecord], block: ExperimentBlock) -> String {
        let images = figures.map { imageHTML($0, block: block) }
        guard let number = byBlock[block.id] else {
            return images.map { "<figure class=\"output figure\">\($0)</figure>\n" }.joined()
        }
        let id = block.options.label.map { " id=\"\(HTML.escape($0))\"" } ?? ""
        var caption = "<span class=\"figure-number\">Figure\u{a0}\(number)</span>"
        if let text = block.options.caption { caption = "<span class=\"figure-number\">Figure\u{a0}\(number):</span> " + HTML.escape(text) }
        if images.isEmpty { caption += " <span class=\"figure-missing\">(the block drew no figure)</span>" }
        return "<figure class=\"output figure numbered\"\(id)>" + images.joined() + "<figcaption>\(caption)</figcaption></figure>\n"
    }

    func imageHTML(_ figure: OutputRecord, block: ExperimentBlock) -> String {
        let alt = FigureAltText.text(figure.text) ?? "A figure drawn by block \(block.id)"
        let src = (figure.file ?? "").split(separator: "/").map { HTML.percentEncodePath(String($0)) }.joined(separator: "/")
        return "<img src=\"\(HTML.escape(src))\" width=\"\(figure.width ?? 640)\" height=\"\(figure.height ?? 480)\" alt=\"\(HTML.escape(alt))\">"
    }
}
