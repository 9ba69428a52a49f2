import Foundation
import Lesson
import Notebook

/// Renders a lesson and its run into one HTML page: its prose (see `ProseHTML`), code shown,
/// and each experiment block followed by its outputs, inside the site's layout (`PageLayout`):
/// the course's lessons, the page's contents, the previous and next lessons.
public enum PageRenderer {
    public static func page(_ run: LessonRun) -> String {
        page(lesson: run.lesson, record: run.record)
    }

    /// The page of `lesson` with the outputs `record` holds: a fresh run's, or a frozen one's.
    public static func page(lesson: Lesson, record: LessonRecord) -> String {
        render(lesson: lesson, record: record).html
    }

    /// What a page needs to know beyond its lesson: the course around it and how the site is built.
    public struct Context: Sendable {
        public var course: CourseOutline
        /// For authors (`lectern render --draft`): each block shows where it is (`file:line · id`).
        public var draft: Bool
        /// The lesson's Jupyter notebook beside the page (`STEM.ipynb`), when there is one.
        public var notebook: String?
        /// The lesson's Markdown beside the page, to take home (`STEM.md.txt`: a name no render
        /// reads as a lesson), when the site has it.
        public var markdown: String?

        public init(course: CourseOutline, draft: Bool = false, notebook: String? = nil, markdown: String? = nil) {
            self.course = course
            self.draft = draft
            self.notebook = notebook
            self.markdown = markdown
        }

        /// The file name a lesson's Markdown is kept under in the site.
        public static func markdownFile(_ stem: String) -> String { "\(stem).md.txt" }
    }

    /// A lesson's page and the problems found while writing it: formulas that do not convert and
    /// `@fig-` references to no figure, at the lesson's line and column. They show on the page;
    /// whoever writes the site reports them and fails.
    public struct Page: Sendable {
        public var html: String
        public var problems: [LessonDiagnostic]
    }

    /// The page of `lesson`; without a context, as a course of its own.
    public static func render(lesson: Lesson, record: LessonRecord, context: Context? = nil) -> Page {
        let context = context ?? Context(course: .single(lesson))
        let figures = FigureNumbers(lesson)
        var body = ""
        let records = Dictionary(record.blocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var prose = ProseHTML(lesson: lesson, figures: figures)
        if lesson.frontMatter.title != nil, !hasTitleHeading(lesson) {
            body += "<h1 class=\"lesson-title\">\(HTML.escape(lesson.title))</h1>\n"
        }
        for segment in lesson.segments {
            switch segment {
            case .prose(let content):
                body += prose.blocks(content.blocks)
            case .code(let block):
                body += codeHTML(block.code, language: block.language, classes: "code")
            case .experiment(let block):
                body += experimentHTML(block, record: records[block.id], lesson: lesson, parameters: record.parameters,
                                       figures: figures, draft: context.draft)
            }
        }
        body += prose.footnotes(lesson.footnotes)
        let problems = prose.problems + figures.problems(lesson)
        // The problems head the page; the prose's are known once it is written.
        body = problemsHTML("This lesson has errors in its front matter or experiment options; no block was run.", lesson.diagnostics)
            + problemsHTML("This lesson has errors in its prose (math, figure references); each shows in its place.", problems)
            + body
        var main = ""
        if lesson.frontMatter.draft {
            main += "<p class=\"draft-note\">Draft: this lesson is left out of the course's navigation and search.</p>\n"
        }
        var tools: [String] = []
        if let markdown = context.markdown {
            tools.append("<a href=\"\(HTML.escape(HTML.percentEncodePath(markdown)))\" download=\"\(HTML.escape(lesson.file))\">Download the lesson (Markdown)</a>")
        }
        if let notebook = context.notebook {
            tools.append("<a href=\"\(HTML.escape(HTML.percentEncodePath(notebook)))\" download>Download notebook</a>")
        }
        if !tools.isEmpty { main += "<p class=\"page-tools\">" + tools.joined(separator: " · ") + "</p>\n" }
        main += "<article class=\"lesson\">\n\(body)</article>\n" + Navigation.pager(context.course, current: lesson.stem)
        let title = lesson.title == context.course.title ? lesson.title : "\(lesson.title) · \(context.course.title)"
        let html = PageLayout.document(PageLayout.Parts(
            title: title, description: lesson.description, course: context.course, current: lesson.stem,
            main: main, toc: Navigation.tableOfContents(prose.headings)))
        return Page(html: html, problems: problems)
    }

    /// Whether the lesson's prose has a `#` heading of its own (else the front matter's title heads the page).
    static func hasTitleHeading(_ lesson: Lesson) -> Bool {
        lesson.segments.contains { segment in
            guard case .prose(let prose) = segment else { return false }
            return prose.blocks.contains { if case .heading(1, _) = $0 { true } else { false } }
        }
    }

    static func experimentHTML(_ block: ExperimentBlock, record: BlockRecord?, lesson: Lesson, parameters: [String: String]?,
                               figures: FigureNumbers, draft: Bool) -> String {
        let id = HTML.escape(block.id)
        var out = "<section class=\"experiment\" id=\"\(id)\">\n"
        out += "<a class=\"anchor block-anchor\" href=\"#\(id)\" aria-label=\"Link to this experiment (\(id))\">#</a>\n"
        if draft {
            out += "<div class=\"label\">\(HTML.escape("\(lesson.file):\(block.fenceLine) · \(block.id)"))</div>\n"
        }
        if block.options.echo {
            out += codeHTML(block.shownCode, language: "python", classes: "code experiment-code")
        }
        if block.options.params, let parameters, !parameters.isEmpty {
            out += "<p class=\"parameters\">Parameters set for this run: "
            out += parameters.sorted { $0.key < $1.key }.map { "<code>\(HTML.escape($0.key)) = \(HTML.escape($0.value))</code>" }.joined(separator: ", ")
            out += " (<code>--param</code>)</p>\n"
        }
        if block.options.output {
            out += outputsHTML(record?.outputs ?? [], block: block, figures: figures)
        }
        return out + "</section>\n"
    }

    static func problemsHTML(_ headline: String, _ problems: [LessonDiagnostic]) -> String {
        guard !problems.isEmpty else { return "" }
        return "<div class=\"problems\"><p>\(HTML.escape(headline))</p><pre>"
            + HTML.escape(problems.map(\.description).joined(separator: "\n")) + "</pre></div>\n"
    }

    static func codeHTML(_ code: String, language: String, classes: String) -> String {
        let highlighted = language == "python" || language == "experiment" || language == "py"
            ? Highlighter.python(code) : HTML.escape(code)
        return "<div class=\"\(classes)\"><pre><code class=\"language-\(HTML.escape(language))\">\(highlighted)</code></pre></div>\n"
    }

    /// A block's outputs in order. A numbered figure's images (see `FigureNumbers`) stand together
    /// where its first image is, under one caption.
    static func outputsHTML(_ outputs: [OutputRecord], block: ExperimentBlock, figures: FigureNumbers) -> String {
        let numbered = figures.byBlock[block.id] != nil
        let images = outputs.filter { $0.kind == .figure }
        guard !outputs.isEmpty || numbered else { return "" }
        var out = "<div class=\"outputs\">\n"
        var figurePlaced = false
        for o in outputs {
            switch o.kind {
            case .text:
                out += "<pre class=\"output text\">\(HTML.escape(o.text))</pre>\n"
            case .value:
                out += "<pre class=\"output value\">\(HTML.escape(o.text))</pre>\n"
            case .figure:
                if !numbered {
                    out += figures.html([o], block: block)
                } else if !figurePlaced {
                    out += figures.html(images, block: block)
                    figurePlaced = true
                }
            case .error:
                out += "<pre class=\"output error\" role=\"alert\">\(HTML.escape(o.text))</pre>\n"
            }
        }
        // A numbered block that drew nothing still has its caption, so references to it land.
        if numbered && !figurePlaced { out += figures.html([], block: block) }
        return out + "</div>\n"
    }

    /// The index page listing every lesson with its title and whether it ran cleanly.
    public static func index(_ runs: [LessonRun]) -> String {
        index(course: CourseOutline(course: nil, lessons: runs.map { CourseOutline.Entry($0.lesson, failed: $0.failed) }))
    }

    /// The index page: the course's title, author and description, then its parts with each
    /// lesson's title, description and whether its last run failed.
    public static func index(course: CourseOutline) -> String {
        var body = "<article class=\"course-intro\">\n<h1>\(HTML.escape(course.title))</h1>\n"
        if let author = course.author { body += "<p class=\"author\">\(HTML.escape(author))</p>\n" }
        if let description = course.description { body += "<p class=\"description\">\(HTML.escape(description))</p>\n" }
        for part in course.parts where !part.entries.isEmpty {
            if let title = part.title { body += "<h2>\(HTML.escape(title))</h2>\n" }
            body += "<ol class=\"lesson-index\">\n"
            for entry in part.entries {
                let status = entry.failed ? " <span class=\"failed\">(has errors)</span>" : ""
                body += "<li><a href=\"\(HTML.escape(entry.page))\">\(HTML.escape(entry.title))</a>\(status)"
                if let description = entry.description { body += "<p class=\"description\">\(HTML.escape(description))</p>" }
                body += "</li>\n"
            }
            body += "</ol>\n"
        }
        body += "</article>\n"
        return PageLayout.document(PageLayout.Parts(title: course.title, description: course.description, course: course,
                                                    current: nil, main: body))
    }
}
