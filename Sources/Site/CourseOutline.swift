import Lesson

/// The course as its navigation shows it: a title, and the lessons in parts, in reading order.
///
/// The order is the course file's parts, in the order it names their lessons; lessons it does not
/// name follow in a last part, "Other lessons". Without a course file there is one untitled part.
/// Lessons not placed by the course file go by their front matter's `order` (smaller first,
/// lessons without one after those with one), then by file name.
public struct CourseOutline: Sendable, Equatable {
    public static let defaultTitle = "Lectern lessons"
    public static let otherLessonsTitle = "Other lessons"

    /// One lesson as the navigation lists it.
    public struct Entry: Sendable, Equatable {
        /// The file name without `.md`; the page is `STEM.html`.
        public var stem: String
        public var title: String
        public var description: String?
        public var order: Double?
        public var draft: Bool
        /// The lesson's last run ended in an error (the index says so).
        public var failed: Bool

        public init(stem: String, title: String, description: String? = nil, order: Double? = nil, draft: Bool = false, failed: Bool = false) {
            self.stem = stem
            self.title = title
            self.description = description
            self.order = order
            self.draft = draft
            self.failed = failed
        }

        public init(_ lesson: Lesson, failed: Bool = false) {
            let title = lesson.title.trimmingCharacters(in: .whitespaces).isEmpty ? lesson.file : lesson.title
            self.init(stem: lesson.stem, title: title, description: lesson.description, order: lesson.frontMatter.order,
                      draft: lesson.frontMatter.draft, failed: failed)
        }

        /// The page's address, relative to the site's folder.
        public var page: String { HTML.percentEncodePath(stem) + ".html" }
    }

    public struct Part: Sendable, Equatable {
        /// nil for the one part of a course without a course file.
        public var title: String?
        public var entries: [Entry]

        public init(title: String?, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    public var title: String
    public var author: String?
    public var description: String?
    public var parts: [Part]

    public init(title: String = CourseOutline.defaultTitle, author: String? = nil, description: String? = nil, parts: [Part]) {
        self.title = title
        self.author = author
        self.description = description
        self.parts = parts
    }

    /// The outline of `lessons` (every lesson of the course's folder, in any order) arranged by
    /// `course`. Drafts are left out unless `drafts`; the course file's names of lessons that are
    /// not among `lessons` are skipped (the course file's own check reports them).
    public init(course: CourseFile?, lessons: [Entry], drafts: Bool = false) {
        let listed = lessons.filter { drafts || !$0.draft }
        var byFile = Dictionary(listed.map { ($0.stem + ".md", $0) }, uniquingKeysWith: { a, _ in a })
        var parts: [Part] = []
        for part in course?.parts ?? [] {
            var entries: [Entry] = []
            for name in part.lessons {
                if let entry = byFile.removeValue(forKey: name.file) { entries.append(entry) }
            }
            parts.append(Part(title: part.title, entries: entries))
        }
        let rest = listed.filter { byFile[$0.stem + ".md"] != nil }.sorted(by: Self.readingOrder)
        if !rest.isEmpty {
            parts.append(Part(title: course?.parts.isEmpty == false ? Self.otherLessonsTitle : nil, entries: rest))
        }
        self.init(title: course?.title ?? Self.defaultTitle, author: course?.author, description: course?.description, parts: parts)
    }

    /// A course of one lesson, for a page rendered on its own.
    public static func single(_ lesson: Lesson) -> CourseOutline {
        CourseOutline(course: nil, lessons: [Entry(lesson)], drafts: true)
    }

    /// Front-matter order first (lessons without one after), then file name.
    static func readingOrder(_ a: Entry, _ b: Entry) -> Bool {
        switch (a.order, b.order) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        case (_?, _?), (nil, nil): return a.stem < b.stem
        }
    }

    /// Every lesson in reading order.
    public var lessons: [Entry] { parts.flatMap(\.entries) }

    /// The lessons before and after `stem` in reading order (across parts).
    public func neighbors(of stem: String) -> (previous: Entry?, next: Entry?) {
        let all = lessons
        guard let i = all.firstIndex(where: { $0.stem == stem }) else { return (nil, nil) }
        return (i > 0 ? all[i - 1] : nil, i + 1 < all.count ? all[i + 1] : nil)
    }
}
