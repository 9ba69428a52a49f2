import Foundation
import Lesson
import Notebook

/// Renders a lesson and its run into one HTML page: its prose (see `ProseHTML`), code shown,
/// and each experiment block followed by its outputs.
public enum PageRenderer {
    public static func page(_ run: LessonRun) -> String {
        page(lesson: run.lesson, record: run.record)
    }

    /// The page of `lesson` with the outputs `record` holds: a fresh run's, or a frozen one's.
    public static func page(lesson: Lesson, record: LessonRecord) -> String {
        render(lesson: lesson, record: record).html
    }

    /// A lesson's page and the problems found while writing it: formulas that do not convert,
    /// at the lesson's line and column. They show on the page in the formula's place; whoever
    /// writes the site reports them and fails.
    public struct Page: Sendable {
        public var html: String
        public var problems: [LessonDiagnostic]
    }

    public static func render(lesson: Lesson, record: LessonRecord) -> Page {
        var body = ""
        let records = Dictionary(record.blocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var prose = ProseHTML(file: lesson.file, taken: lesson.experiments.map(\.id))
        for segment in lesson.segments {
            switch segment {
            case .prose(let content):
                body += prose.blocks(content.blocks)
            case .code(let block):
                body += codeHTML(block.code, language: block.language, classes: "code")
            case .experiment(let block):
                body += "<section class=\"experiment\" id=\"\(HTML.escape(block.id))\">\n"
                if block.options.echo {
                    body += codeHTML(block.code, language: "python", classes: "code experiment-code",
                                     label: "\(lesson.file):\(block.fenceLine) · \(block.id)")
                }
                if block.options.params, let parameters = record.parameters, !parameters.isEmpty {
                    body += "<p class=\"parameters\">Parameters set for this run: "
                    body += parameters.sorted { $0.key < $1.key }.map { "<code>\(HTML.escape($0.key)) = \(HTML.escape($0.value))</code>" }.joined(separator: ", ")
                    body += " (<code>--param</code>)</p>\n"
                }
                if let record = records[block.id], block.options.output {
                    body += outputsHTML(record.outputs)
                }
                body += "</section>\n"
            }
        }
        // The problems head the page; the math's are known once the prose is written.
        body = problemsHTML("This lesson has errors in its experiment options; no block was run.", lesson.diagnostics)
            + problemsHTML("This lesson has errors in its math; each shows in its formula's place.", prose.problems)
            + body
        return Page(html: document(title: lesson.title, body: body, stylesheet: "style.css"), problems: prose.problems)
    }

    static func problemsHTML(_ headline: String, _ problems: [LessonDiagnostic]) -> String {
        guard !problems.isEmpty else { return "" }
        return "<div class=\"problems\"><p>\(HTML.escape(headline))</p><pre>"
            + HTML.escape(problems.map(\.description).joined(separator: "\n")) + "</pre></div>\n"
    }

    static func codeHTML(_ code: String, language: String, classes: String, label: String? = nil) -> String {
        var out = "<div class=\"\(classes)\">"
        if let label { out += "<div class=\"label\">\(HTML.escape(label))</div>" }
        let highlighted = language == "python" || language == "experiment" || language == "py"
            ? Highlighter.python(code) : HTML.escape(code)
        out += "<pre><code class=\"language-\(HTML.escape(language))\">\(highlighted)</code></pre></div>\n"
        return out
    }

    static func outputsHTML(_ outputs: [OutputRecord]) -> String {
        guard !outputs.isEmpty else { return "" }
        var out = "<div class=\"outputs\">\n"
        for o in outputs {
            switch o.kind {
            case .text:
                out += "<pre class=\"output text\">\(HTML.escape(o.text))</pre>\n"
            case .value:
                out += "<pre class=\"output value\">\(HTML.escape(o.text))</pre>\n"
            case .figure:
                let file = HTML.escape(o.file ?? "")
                out += "<figure class=\"output figure\"><img src=\"\(file)\" width=\"\(o.width ?? 640)\" height=\"\(o.height ?? 480)\" alt=\"\(HTML.escape(firstLine(o.text)))\"></figure>\n"
            case .error:
                out += "<pre class=\"output error\" role=\"alert\">\(HTML.escape(o.text))</pre>\n"
            }
        }
        return out + "</div>\n"
    }

    static func firstLine(_ s: String) -> String {
        String(s.split(separator: "\n", maxSplits: 1).first ?? "figure")
    }

    /// The index page listing every lesson with its title and whether it ran cleanly.
    public static func index(_ runs: [LessonRun]) -> String {
        index(runs.map { IndexEntry(stem: $0.lesson.stem, title: $0.lesson.title, failed: $0.failed) })
    }

    /// One lesson as the index lists it.
    public struct IndexEntry: Sendable {
        public var stem: String
        public var title: String
        public var failed: Bool
        public init(stem: String, title: String, failed: Bool) {
            self.stem = stem
            self.title = title
            self.failed = failed
        }
    }

    /// The index page, from the lessons' records (so a site built from several machines' records
    /// lists them all).
    public static func index(_ entries: [IndexEntry]) -> String {
        var body = "<h1>Lessons</h1>\n<ol class=\"lessons\">\n"
        for entry in entries {
            let status = entry.failed ? " <span class=\"failed\">(has errors)</span>" : ""
            let title = entry.title.trimmingCharacters(in: .whitespaces).isEmpty ? entry.stem + ".md" : entry.title
            body += "<li><a href=\"\(HTML.escape(HTML.percentEncodePath(entry.stem))).html\">\(HTML.escape(title))</a>\(status)</li>\n"
        }
        body += "</ol>\n"
        return document(title: "Lessons", body: body, stylesheet: "style.css")
    }

    static func document(title: String, body: String, stylesheet: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <link rel="stylesheet" href="\(stylesheet)">
        </head>
        <body>
        <nav><a href="index.html">Lectern lessons</a></nav>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    public static let stylesheet = """
    body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; background: #fafafa; }
    nav { padding: .6rem 1.5rem; background: #24292f; }
    nav a { color: #fff; text-decoration: none; font-weight: 600; }
    main { max-width: 54rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; background: #fff; }
    h1, h2, h3 { line-height: 1.25; }
    pre { overflow-x: auto; padding: .7rem .9rem; border-radius: 6px; font: 13.5px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
    .code pre { background: #f5f7fa; border: 1px solid #e1e4e8; }
    .experiment { margin: 1.2rem 0; }
    .experiment .label { font: 12px ui-monospace, monospace; color: #6a737d; margin-bottom: .2rem; }
    .experiment-code pre { border-left: 4px solid #1f77b4; }
    .output { margin: .4rem 0; }
    pre.output.text, pre.output.value { background: #fff; border: 1px dashed #d0d7de; }
    pre.output.value { color: #444; }
    pre.output.error { background: #fff5f5; border: 1px solid #f1b0b0; color: #b31d28; white-space: pre-wrap; }
    figure.output { margin: .6rem 0; }
    figure.output img { max-width: 100%; height: auto; }
    .problems { background: #fff5f5; border: 1px solid #f1b0b0; padding: .2rem 1rem; border-radius: 6px; }
    .parameters { font-size: .9em; color: #444; margin: .2rem 0; }
    .failed { color: #b31d28; font-size: .9em; }
    h1, h2, h3, h4, h5, h6 { position: relative; scroll-margin-top: 1rem; }
    .anchor { margin-left: .3em; font-weight: 400; color: #8c959f; text-decoration: none; opacity: 0; transition: opacity .15s; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, h5:hover .anchor, h6:hover .anchor, .anchor:focus { opacity: 1; }
    .anchor:hover { color: #0969da; }
    @media (hover: none) { .anchor { opacity: .4; } }
    math { font-family: math, "STIX Two Math", "Latin Modern Math", "DejaVu Math TeX Gyre", serif; font-size: 1.08em; }
    .nowrap { white-space: nowrap; }
    .math-display { display: block; margin: .9rem 0; overflow-x: auto; overflow-y: hidden; padding: .1rem 0; }
    .math-error { display: inline-block; padding: 0 .35em; border: 1px solid #f1b0b0; border-radius: 4px; background: #fff5f5; color: #b31d28; font: 13px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; }
    div.math-error { display: block; padding: .4rem .7rem; }
    .table-wrap { margin: 1rem 0; overflow-x: auto; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: .35rem .75rem; border: 1px solid #d0d7de; vertical-align: top; }
    thead th { background: #f5f7fa; font-weight: 600; text-align: start; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    @media (max-width: 600px) { main { padding: .5rem 1rem 3rem; } th, td { padding: .3rem .5rem; } }
    del { color: #6a737d; }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid #d0d7de; color: #57606a; }
    code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; }
    pre code { font: inherit; }
    p code, li code, td code, th code, h1 code, h2 code, h3 code { padding: .1em .3em; background: #f0f2f5; border-radius: 4px; }
    img { max-width: 100%; height: auto; }
    .kw { color: #d73a49; } .str { color: #032f62; } .num { color: #005cc5; } .com { color: #6a737d; font-style: italic; } .fn { color: #6f42c1; }
    """
}
