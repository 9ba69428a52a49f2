/// Alt text for a figure's image, read from the description its record keeps (`Figure.describe()`
/// in Plot: a line per axes, then one per series): the first axes' kind of plot, its title, its
/// axis labels and the names of its series, as in
/// `Line plot titled “Loss”: loss against epoch; series train and test.`
/// The record's text is all the site has of a figure, so it reads that text rather than the model.
enum FigureAltText {
    /// The alt text, or nil when the description names no axes (the caller says something plainer).
    static func text(_ description: String) -> String? {
        var suptitle: String?
        var panels: [Panel] = []
        for raw in description.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("suptitle '") {
                suptitle = String(line.dropFirst("suptitle '".count).dropLast())
            } else if line.hasPrefix("axes ") {
                panels.append(Panel(head: Substring(line)))
            } else if !panels.isEmpty {
                panels[panels.count - 1].add(line)
            }
        }
        guard let first = panels.first else {
            return suptitle.map { "Figure titled “\($0)”." }
        }
        var text = first.sentence
        if panels.count > 1 {
            let what = suptitle.map { "Figure “\($0)” of \(panels.count) plots" } ?? "Figure of \(panels.count) plots"
            text = what + "; the first: " + lowercasedFirst(text)
        } else if let suptitle {
            text = "“\(suptitle)”: " + lowercasedFirst(text)
        }
        return text
    }

    /// One axes of the description.
    struct Panel {
        var title: String?
        var xlabel: String?
        var ylabels: [String] = []
        var kinds: [String] = []
        var series: [String] = []
        var unlabeledLines = false

        init(head: Substring) {
            var rest = head
            title = Self.quoted(&rest, key: "title", before: ["xlabel", "ylabel"])
            xlabel = Self.quoted(&rest, key: "xlabel", before: ["ylabel"])
            if let y = Self.quoted(&rest, key: "ylabel", before: []) { ylabels.append(y) }
        }

        /// The value of `key '...'` in an axes line, ending before the next key or the limits.
        /// Moves `rest` past it.
        static func quoted(_ rest: inout Substring, key: String, before: [String]) -> String? {
            guard let start = rest.range(of: " \(key) '") else { return nil }
            let value = rest[start.upperBound...]
            let ends = (before.map { "' \($0) '" } + ["' xlim ["]).compactMap { value.range(of: $0)?.lowerBound }
            guard let end = ends.min() else { return nil }
            rest = value[end...]
            return String(value[..<end])
        }

        mutating func add(_ line: String) {
            var line = Substring(line)
            if line.hasPrefix("twin ") {
                line = line.dropFirst("twin ".count)
                if line.hasPrefix("axes ") {
                    var rest = line
                    if let y = Self.quoted(&rest, key: "ylabel", before: []) { ylabels.append(y) }
                    return
                }
            }
            if line.hasPrefix("line ") {
                if line.hasPrefix("line '"), let end = line.range(of: "' #") {
                    note("line plot", name: String(line[line.index(line.startIndex, offsetBy: 6)..<end.lowerBound]))
                } else {
                    unlabeledLines = true
                }
            } else if line.hasPrefix("scatter") {
                var name: String?
                if line.hasPrefix("scatter '"), let end = line.range(of: "' ", options: .backwards) {
                    name = String(line[line.index(line.startIndex, offsetBy: 9)..<end.lowerBound])
                }
                note("scatter plot", name: name)
            } else if line.hasPrefix("bars ") {
                note("bar chart")
            } else if line.hasPrefix("fill ") {
                note("filled area")
            } else if line.hasPrefix("mesh ") {
                note("heat map")
            } else if line.hasPrefix("box ") {
                note("box plot")
            }
        }

        mutating func note(_ kind: String, name: String? = nil) {
            if !kinds.contains(kind) { kinds.append(kind) }
            if let name, !name.isEmpty, !name.hasPrefix("_"), !series.contains(name) { series.append(name) }
        }

        /// "Line plot titled “T”: y against x; series a and b."
        var sentence: String {
            // Lines without a name are drawn for box whiskers and error bars too: a plot kind of
            // their own only when nothing else is drawn.
            let kinds = unlabeledLines && self.kinds.isEmpty ? ["line plot"] : self.kinds
            var text = kinds.isEmpty ? "Empty plot" : FigureAltText.capitalizedFirst(FigureAltText.list(kinds))
            if let title, !title.isEmpty { text += " titled “\(title)”" }
            var details: [String] = []
            let y = ylabels.filter { !$0.isEmpty }
            switch (xlabel.flatMap { $0.isEmpty ? nil : $0 }, y.isEmpty ? nil : FigureAltText.list(y)) {
            case let (x?, y?): details.append("\(y) against \(x)")
            case let (x?, nil): details.append("x axis \(x)")
            case let (nil, y?): details.append("y axis \(y)")
            case (nil, nil): break
            }
            if !series.isEmpty {
                // Names with commas of their own are quoted, so the list still reads as a list.
                let names = series.contains { $0.contains(",") } ? series.map { "“\($0)”" } : series
                details.append("series " + FigureAltText.list(names))
            }
            if !details.isEmpty { text += ": " + details.joined(separator: "; ") }
            return text + "."
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    static func capitalizedFirst(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
    static func lowercasedFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
