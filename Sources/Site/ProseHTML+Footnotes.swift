import Lesson

/// Footnotes as GitHub shows them: a superscript number linking down to a list at the end of the
/// page, and from each note a link back up to every place that refers to it.
extension ProseHTML {
    /// The id of a footnote's `occurrence`-th reference (the first needs no count).
    static func footnoteReferenceID(_ number: Int, _ occurrence: Int) -> String {
        occurrence == 1 ? "fnref-\(number)" : "fnref-\(number)-\(occurrence)"
    }

    /// The page's footnotes section, or nothing when the lesson has none.
    mutating func footnotes(_ notes: [Footnote]) -> String {
        guard !notes.isEmpty else { return "" }
        var out = "<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"Footnotes\">\n<ol>\n"
        for note in notes {
            var back = ""
            for occurrence in 1...max(1, note.referenceCount) {
                let mark = occurrence == 1 ? "\u{21A9}\u{FE0E}" : "\u{21A9}\u{FE0E}<sup>\(occurrence)</sup>"
                back += " <a href=\"#\(Self.footnoteReferenceID(note.number, occurrence))\" class=\"footnote-back\" role=\"doc-backlink\" aria-label=\"Back to reference \(note.number)\(occurrence == 1 ? "" : "-\(occurrence)")\">\(mark)</a>"
            }
            var html = blocks(note.blocks)
            // The way back sits at the end of the note's last paragraph, or after its blocks.
            if html.hasSuffix("</p>\n") {
                html = String(html.dropLast("</p>\n".count)) + back + "</p>\n"
            } else {
                html += "<p>" + back.dropFirst() + "</p>\n"
            }
            out += "<li id=\"fn-\(note.number)\">\n" + html + "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}
