import Lesson

/// Anchors for headings, made the way GitHub makes them, so a link written against the Markdown
/// on GitHub (`lesson.md#early-stopping`) names the same heading on our pages.
public enum Slug {
    /// The slug of a heading's text: lowercased, each space turned into `-`, and everything but
    /// letters, digits, combining marks, `-` and `_` dropped. `taken` holds the slugs already
    /// handed out on the page; a repeat gets `-1`, `-2`, ... (skipping any that a heading already
    /// has), and the result is added to `taken`.
    public static func make(_ text: String, taken: inout [String: Int]) -> String {
        let base = simple(text)
        var slug = base
        while taken[slug] != nil {
            let next = (taken[base] ?? 0) + 1
            taken[base] = next
            slug = "\(base)-\(next)"
        }
        taken[slug] = 0
        return slug
    }

    /// The slug of `text` alone, before any `-N` for repeats.
    public static func simple(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                out.append("-")
            } else if scalar == "_" || keeps(scalar.properties.generalCategory) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func keeps(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .control, .format, .surrogate, .privateUse, .unassigned:
            return false
        @unknown default:
            return false
        }
    }
}

/// The heading ids of one page, in the order its headings appear: GitHub's slugs, unique on the
/// page and never one of the ids it already uses (experiment blocks). The page and the search
/// index make the same walk with one of these each, so search results link to the right heading.
public struct PageSlugs {
    private var taken: [String: Int]

    public init(taken: [String] = []) {
        self.taken = Dictionary(taken.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The id of the next heading, reading `text`; a heading with no letters or digits is `section`.
    public mutating func id(for text: String) -> String {
        Slug.make(Slug.simple(text).isEmpty ? "section" : text, taken: &taken)
    }
}

extension PageSlugs {
    /// Ids the site's own page layout uses (the skip link's target, the sidebar, the contents).
    static let layoutIDs = ["lectern-content", "lectern-nav", "lectern-toc"]

    /// The slugs of `lesson`'s page: no heading takes a block's id, a figure's label or an id of
    /// the layout.
    public init(_ lesson: Lesson) {
        self.init(taken: lesson.experiments.map(\.id) + lesson.figureLabels + Self.layoutIDs)
    }
}
