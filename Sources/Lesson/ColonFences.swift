import Foundation

/// MyST's admonitions, as Jupyter Book and Quarto authors write them:
///
///     :::{warning}
///     Scale *before* you split.
///     :::
///
/// Before cmark reads the lesson, each such fence becomes a quote opening with GitHub's marker
/// (`> [!WARNING]`), so both spellings give one note on the page. Every line keeps its number;
/// lines inside a fence gain a `> ` each (nested fences nest quotes). A fence closes with a line
/// of at least as many colons; one left open runs to the end of the lesson. Directive options
/// (`:class: dropdown`) right after the opening line are dropped; a directive that is no
/// admonition (`:::{figure}`) is left as written.
public enum ColonFences {
    /// After the marker, this mark starts the note's own title (the directive's name, or the
    /// title written after `{admonition}`).
    public static let titleMark: Character = "\u{F0007}"

    /// MyST's admonition names and the GitHub kind each is drawn as.
    static let kinds: [String: String] = [
        "note": "NOTE", "seealso": "NOTE", "admonition": "NOTE",
        "tip": "TIP", "hint": "TIP",
        "important": "IMPORTANT",
        "warning": "WARNING", "attention": "WARNING",
        "caution": "CAUTION", "danger": "CAUTION", "error": "CAUTION",
    ]

    static func rewrite(_ text: String) -> String {
        guard text.contains(":::") else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let code = MarkdownCodeBlocks.lines(text, lineCount: lines.count)
        var open: [Int] = []  // colons of each open fence, outermost first
        var inOptions = false
        var changed = false
        for n in lines.indices {
            let line = lines[n]
            let quote = String(repeating: "> ", count: open.count)
            if let colons = Self.closing(line), let last = open.last, colons >= last, !code[n] {
                open.removeLast()
                lines[n] = String(repeating: "> ", count: open.count)
                inOptions = false
                changed = true
            } else if !code[n], let (colons, kind, title) = Self.opening(line) {
                lines[n] = quote + "> [!\(kind)]" + String(titleMark) + title
                open.append(colons)
                inOptions = true
                changed = true
            } else if !open.isEmpty {
                let trimmed = line.drop(while: { $0 == " " })
                if inOptions, trimmed.first == ":", trimmed.dropFirst().contains(":") {
                    lines[n] = quote
                    continue
                }
                inOptions = false
                lines[n] = quote + line
            }
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    /// The colons, kind and title of an opening line such as `:::{note}` or `::::{admonition} Why`.
    static func opening(_ line: String) -> (Int, String, String)? {
        let rest = line.drop(while: { $0 == " " })
        guard line.count - rest.count <= 3 else { return nil }
        let colons = rest.prefix(while: { $0 == ":" }).count
        let after = rest.dropFirst(colons).drop(while: { $0 == " " })
        guard colons >= 3, after.first == "{", let close = after.firstIndex(of: "}") else { return nil }
        let name = after[after.index(after: after.startIndex)..<close].lowercased()
        guard let kind = kinds[name] else { return nil }
        let written = after[after.index(after: close)...].trimmingCharacters(in: .whitespaces)
        let title = written.isEmpty ? name.prefix(1).uppercased() + name.dropFirst() : written
        return (colons, kind, name == "seealso" && written.isEmpty ? "See also" : title)
    }

    /// The colons of a closing line (colons alone, at most three spaces in).
    static func closing(_ line: String) -> Int? {
        let rest = line.drop(while: { $0 == " " })
        guard line.count - rest.count <= 3 else { return nil }
        let colons = rest.prefix(while: { $0 == ":" }).count
        guard colons >= 3, rest.dropFirst(colons).allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        return colons
    }
}
