/// The ways around the course a page offers: the sidebar with every lesson in its part, the
/// previous and next lessons, and the page's own table of contents.
enum Navigation {
    /// A heading of the page as the table of contents lists it.
    struct Heading: Equatable {
        var level: Int
        /// The id the heading has on the page.
        var id: String
        /// Its content as HTML, links flattened to their text (the entry is itself a link).
        var html: String
    }

    /// The course's lessons in their parts, the current one marked with `aria-current="page"`.
    static func sidebar(_ course: CourseOutline, current: String?) -> String {
        var out = "<nav class=\"sidebar\" id=\"lectern-nav\" aria-label=\"Lessons of the course\">\n"
        out += "<p class=\"course-title\"><a href=\"index.html\">\(HTML.escape(course.title))</a></p>\n"
        for part in course.parts where !part.entries.isEmpty {
            out += "<div class=\"part\">\n"
            if let title = part.title { out += "<p class=\"part-title\">\(HTML.escape(title))</p>\n" }
            out += "<ol class=\"lesson-list\">\n"
            for entry in part.entries {
                let mark = entry.stem == current ? " aria-current=\"page\"" : ""
                out += "<li><a href=\"\(HTML.escape(entry.page))\"\(mark)>\(HTML.escape(entry.title))</a></li>\n"
            }
            out += "</ol>\n</div>\n"
        }
        return out + "</nav>\n"
    }

    /// Links to the lessons before and after `current` in reading order; empty when it has none
    /// (a lesson outside the course, a draft).
    static func pager(_ course: CourseOutline, current: String) -> String {
        let (previous, next) = course.neighbors(of: current)
        guard previous != nil || next != nil else { return "" }
        var out = "<nav class=\"pager\" aria-label=\"Previous and next lessons\">\n"
        if let previous {
            out += "<a class=\"prev\" rel=\"prev\" href=\"\(HTML.escape(previous.page))\"><small>← Previous</small>\(HTML.escape(previous.title))</a>\n"
        }
        if let next {
            out += "<a class=\"next\" rel=\"next\" href=\"\(HTML.escape(next.page))\"><small>Next →</small>\(HTML.escape(next.title))</a>\n"
        }
        return out + "</nav>\n"
    }

    /// The page's `##` and `###` headings as nested lists of links to their ids; empty when the
    /// page has none.
    static func tableOfContents(_ headings: [Heading]) -> String {
        let shown = headings.filter { $0.level == 2 || $0.level == 3 }
        guard !shown.isEmpty else { return "" }
        var out = "<aside class=\"toc\" id=\"lectern-toc\">\n<nav aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ol>\n"
        var itemOpen = false   // a top-level item waits for its </li>
        var itemIsSection = false  // ... and is an h2, so h3s nest under it
        var sublist = false
        for heading in shown {
            let link = "<a href=\"#\(HTML.escape(heading.id))\">\(heading.html)</a>"
            if heading.level == 3 && itemIsSection {
                if !sublist { out += "\n<ol>\n"; sublist = true }
                out += "<li>\(link)</li>\n"
                continue
            }
            if sublist { out += "</ol>\n"; sublist = false }
            if itemOpen { out += "</li>\n" }
            out += "<li>\(link)"
            itemOpen = true
            itemIsSection = heading.level == 2
        }
        if sublist { out += "</ol>\n" }
        if itemOpen { out += "</li>\n" }
        return out + "</ol>\n</nav>\n</aside>\n"
    }
}
