import XCTest
import Lesson
import Notebook
@testable import Site

/// The course around a page: the order of the lessons, the sidebar, previous and next, the table
/// of contents, numbered figures and their references, and alt text.
final class CourseNavigationTests: XCTestCase {
    func entry(_ stem: String, order: Double? = nil, draft: Bool = false) -> CourseOutline.Entry {
        CourseOutline.Entry(stem: stem, title: "Title of \(stem)", order: order, draft: draft)
    }

    func testTheCourseFileOrdersThePartsAndTheRestGoLastInOtherLessons() {
        let course = CourseFile(title: "Deep nets", parts: [
            .init(title: "Start", lessons: [.init(file: "03-c.md"), .init(file: "01-a.md")]),
            .init(title: "More", lessons: [.init(file: "02-b.md"), .init(file: "09-missing.md")]),
        ])
        let outline = CourseOutline(course: course, lessons: [entry("01-a"), entry("02-b"), entry("03-c"), entry("05-e"), entry("04-d", order: 7)])
        XCTAssertEqual(outline.title, "Deep nets")
        XCTAssertEqual(outline.parts.map(\.title), ["Start", "More", "Other lessons"])
        XCTAssertEqual(outline.parts.map { $0.entries.map(\.stem) }, [["03-c", "01-a"], ["02-b"], ["04-d", "05-e"]])
        XCTAssertEqual(outline.lessons.map(\.stem), ["03-c", "01-a", "02-b", "04-d", "05-e"])
    }

    func testWithoutACourseFileFrontMatterOrderThenFileName() {
        let outline = CourseOutline(course: nil, lessons: [entry("a"), entry("b", order: 2), entry("c", order: 1), entry("d"), entry("e", draft: true)])
        XCTAssertEqual(outline.title, "Lectern lessons")
        XCTAssertEqual(outline.parts.count, 1)
        XCTAssertNil(outline.parts[0].title)
        XCTAssertEqual(outline.lessons.map(\.stem), ["c", "b", "a", "d"], "a draft is left out")
        XCTAssertEqual(CourseOutline(course: nil, lessons: [entry("a"), entry("e", draft: true)], drafts: true).lessons.map(\.stem), ["a", "e"])
        XCTAssertEqual(outline.neighbors(of: "b").previous?.stem, "c")
        XCTAssertEqual(outline.neighbors(of: "b").next?.stem, "a")
        XCTAssertNil(outline.neighbors(of: "c").previous)
        XCTAssertNil(outline.neighbors(of: "d").next)
    }

    static let course = CourseFile(title: "Deep <nets>", description: "A course.", parts: [
        .init(title: "Part one", lessons: [.init(file: "01-first.md"), .init(file: "02-second.md")]),
        .init(title: "Part two", lessons: [.init(file: "03-third.md")]),
    ])

    static let second = """
    ---
    title: The second lesson
    description: What comes second.
    ---
    # Second

    Intro, see @fig-loss and @fig-acc.

    ## Loss

    ```experiment id=loss caption="Loss per epoch" label=fig-loss
    print(1)
    ```

    ### Detail of the loss

    ## Accuracy & more

    ```experiment id=acc
    #| label: fig-acc
    #| fig-cap: Accuracy
    print(2)
    ```

    ```experiment id=plain
    print(3)
    ```

    ## Loss
    """

    func renderSecond(draft: Bool = false, notebook: String? = nil) -> PageRenderer.Page {
        let lessons = [
            CourseOutline.Entry(stem: "01-first", title: "First"),
            CourseOutline.Entry(LessonParser.parse(file: "02-second.md", source: Self.second)),
            CourseOutline.Entry(stem: "03-third", title: "Third"),
        ]
        let lesson = LessonParser.parse(file: "02-second.md", source: Self.second)
        let figure = { (id: String, n: Int) in
            OutputRecord(kind: .figure, text: "figure 6.4x4.8 in at 100 dpi\naxes 1x1#1 title 'T\(n)' xlim [0, 1] ylim [0, 1]\n  line #1f77b4 3 points",
                         file: "02-second/\(id)-1.png", width: 640, height: 480)
        }
        let record = LessonRecord(lesson: lesson.file, blocks: [
            BlockRecord(id: "loss", line: 11, outputs: [figure("loss", 1)]),
            BlockRecord(id: "acc", line: 19, outputs: [OutputRecord(kind: .text, text: "2\n"), figure("acc", 2)]),
            BlockRecord(id: "plain", line: 25, outputs: [figure("plain", 3)]),
        ])
        let context = PageRenderer.Context(course: CourseOutline(course: Self.course, lessons: lessons), draft: draft, notebook: notebook)
        return PageRenderer.render(lesson: lesson, record: record, context: context)
    }

    func testTheSidebarListsThePartsAndMarksTheCurrentLesson() {
        let html = renderSecond().html
        XCTAssertTrue(html.contains("<title>The second lesson · Deep &lt;nets&gt;</title>"), html)
        XCTAssertTrue(html.contains("<a class=\"site-title\" href=\"index.html\">Deep &lt;nets&gt;</a>"), html)
        XCTAssertTrue(html.contains("<p class=\"part-title\">Part one</p>"), html)
        XCTAssertTrue(html.contains("<li><a href=\"01-first.html\">First</a></li>"), html)
        XCTAssertTrue(html.contains("<li><a href=\"02-second.html\" aria-current=\"page\">The second lesson</a></li>"), html)
        XCTAssertEqual(html.components(separatedBy: "aria-current").count - 1, 1)
        XCTAssertTrue(html.contains("<meta name=\"description\" content=\"What comes second.\">"), html)
        XCTAssertTrue(html.contains(SearchIndex.searchBoxHTML()), "the search box is on the page")
    }

    func testPreviousAndNextFollowTheCourseAcrossParts() {
        let html = renderSecond().html
        XCTAssertTrue(html.contains("<a class=\"prev\" rel=\"prev\" href=\"01-first.html\"><small>← Previous</small>First</a>"), html)
        XCTAssertTrue(html.contains("<a class=\"next\" rel=\"next\" href=\"03-third.html\"><small>Next →</small>Third</a>"), html)
    }

    func testTheTableOfContentsLinksToTheHeadingsOwnIds() throws {
        let html = renderSecond().html
        let headingIDs = matches(#"<h[23] id="([^"]+)""#, in: html)
        let toc = try XCTUnwrap(html.range(of: "<aside class=\"toc\"").map { String(html[$0.lowerBound...]) })
        let tocLinks = matches(##"<a href="#([^"]+)""##, in: toc.components(separatedBy: "</aside>")[0])
        XCTAssertEqual(headingIDs, ["loss-1", "detail-of-the-loss", "accuracy--more", "loss-2"],
                       "a heading never takes a block's id (loss) or a figure's label")
        XCTAssertEqual(tocLinks, headingIDs)
        XCTAssertTrue(toc.contains("<li><a href=\"#loss-1\">Loss</a>\n<ol>\n<li><a href=\"#detail-of-the-loss\">Detail of the loss</a></li>\n</ol>\n</li>"), toc)
        // The search index gives the same anchors.
        let sections = SearchIndex.entry(LessonParser.parse(file: "02-second.md", source: Self.second)).sections
        XCTAssertEqual(sections.filter { $0.level == 2 || $0.level == 3 }.map(\.slug), headingIDs)
    }

    func testFiguresWithACaptionOrLabelAreNumberedAndReferencesLinkToThem() {
        let page = renderSecond()
        XCTAssertEqual(page.problems.map(\.description), [])
        let html = page.html
        XCTAssertTrue(html.contains("see <a class=\"xref\" href=\"#fig-loss\">Figure\u{a0}1</a> and <a class=\"xref\" href=\"#fig-acc\">Figure\u{a0}2</a>."), html)
        XCTAssertTrue(html.contains("<figure class=\"output figure numbered\" id=\"fig-loss\"><img src=\"02-second/loss-1.png\""), html)
        XCTAssertTrue(html.contains("<figcaption><span class=\"figure-number\">Figure\u{a0}1:</span> Loss per epoch</figcaption>"), html)
        XCTAssertTrue(html.contains("<figcaption><span class=\"figure-number\">Figure\u{a0}2:</span> Accuracy</figcaption>"), html)
        XCTAssertEqual(html.components(separatedBy: "<figcaption>").count - 1, 2, "a figure without caption or label has no number")
        XCTAssertFalse(html.contains("#| label"), "the #| lines are not shown")
        XCTAssertTrue(html.contains("<section class=\"experiment\" id=\"acc\">\n<a class=\"anchor block-anchor\" href=\"#acc\""), html)
    }

    func testAReferenceToNoFigureIsAProblemAtItsLine() {
        let source = "# T\n\nSee @fig-los here.\n\n```experiment id=a label=fig-loss\nprint(1)\n```\n"
        let lesson = LessonParser.parse(file: "r.md", source: source)
        let page = PageRenderer.render(lesson: lesson, record: LessonRecord(lesson: "r.md", blocks: []))
        XCTAssertEqual(page.problems.map(\.description), ["r.md:3:5: error: @fig-los names no figure of this lesson; did you mean @fig-loss?"])
        XCTAssertTrue(page.html.contains("<span class=\"xref-missing\""), page.html)
        XCTAssertTrue(page.html.contains("<figure class=\"output figure numbered\" id=\"fig-loss\"><figcaption>"),
                      "a figure that was not drawn still has its caption, so references land: \(page.html)")
    }

    func testAFrontMatterTitleHeadsAPageWithoutAHeadingOfItsOwnAndADraftSaysSo() {
        let lesson = LessonParser.parse(file: "t.md", source: "---\ntitle: From the front matter\ndraft: true\n---\nJust prose.\n")
        let html = PageRenderer.render(lesson: lesson, record: LessonRecord(lesson: "t.md", blocks: [])).html
        XCTAssertTrue(html.contains("<article class=\"lesson\">\n<h1 class=\"lesson-title\">From the front matter</h1>\n<p>Just prose.</p>"), html)
        XCTAssertTrue(html.contains("<p class=\"draft-note\">"), html)
        XCTAssertFalse(html.contains("class=\"toc\""), "no contents without headings")
    }

    func testTheAuthorsLabelShowsOnlyInDrafts() {
        XCTAssertFalse(renderSecond().html.contains("class=\"label\""))
        XCTAssertTrue(renderSecond(draft: true).html.contains("<div class=\"label\">02-second.md:11 · loss</div>"))
    }

    func testTheNotebookIsLinkedWhenThereIsOne() {
        XCTAssertFalse(renderSecond().html.contains("Download notebook"))
        XCTAssertTrue(renderSecond(notebook: "02-second.ipynb").html.contains("<a href=\"02-second.ipynb\" download>Download notebook</a>"))
    }

    func testTheIndexShowsTheCourseItsPartsAndEachLessonsDescription() {
        let outline = CourseOutline(course: Self.course, lessons: [
            CourseOutline.Entry(stem: "01-first", title: "First", description: "Where it starts."),
            CourseOutline.Entry(stem: "03-third", title: "Third", failed: true),
            CourseOutline.Entry(stem: "04-extra", title: "Extra"),
        ])
        let html = PageRenderer.index(course: outline)
        XCTAssertTrue(html.contains("<h1>Deep &lt;nets&gt;</h1>\n<p class=\"description\">A course.</p>"), html)
        XCTAssertTrue(html.contains("<h2>Part one</h2>"), html)
        XCTAssertTrue(html.contains("<li><a href=\"01-first.html\">First</a><p class=\"description\">Where it starts.</p></li>"), html)
        XCTAssertTrue(html.contains("<a href=\"03-third.html\">Third</a> <span class=\"failed\">(has errors)</span>"), html)
        XCTAssertTrue(html.contains("<h2>Other lessons</h2>"), html)
        XCTAssertFalse(html.contains("aria-current"))
    }

    // MARK: Alt text

    func testAltTextSaysWhatTheFigureDraws() {
        let recorded = "figure 6.4x4.8 in at 100 dpi\naxes 1x1#1 title 'Accuracy of the unregularized model' xlabel 'epoch' ylabel 'accuracy' xlim [-199.95, 4198.95] ylim [0.715, 1.01357] legend best\n  line 'train' #1f77b4 4000 points y [0.833333, 1] first 0.833333 last 1\n  line 'test' #ff7f0e 4000 points y [0.728571, 0.942857] first 0.785714 last 0.914286"
        XCTAssertEqual(FigureAltText.text(recorded), "Line plot titled “Accuracy of the unregularized model”: accuracy against epoch; series train and test.")
        let panels = "figure 12x4 in at 100 dpi\nsuptitle 'Gradients'\naxes 1x2#1 title 'Layer 1' xlabel 'value' xlim [0, 1] ylim [0, 1]\n  bars 20 total height 100 max 12\naxes 1x2#2 xlim [0, 1] ylim [0, 1]\n  scatter 40 points"
        XCTAssertEqual(FigureAltText.text(panels), "Figure “Gradients” of 2 plots; the first: bar chart titled “Layer 1”: x axis value.")
        let mixed = "figure 6.4x4.8 in at 100 dpi\naxes 1x1#1 xlabel 'x1' ylabel 'x2' xlim [0, 1] ylim [0, 1]\n  scatter 'class 0' 50 points\n  scatter 'class 1' 50 points\n  mesh 100x100 cells\n  twin axes 1x1#1 ylabel 'loss' xlim [0, 1] ylim [0, 1]"
        XCTAssertEqual(FigureAltText.text(mixed), "Scatter plot and heat map: x2 and loss against x1; series class 0 and class 1.")
        let commas = "figure 6.4x4.8 in at 100 dpi\naxes 1x1#1 title 'Test accuracy' xlim [0, 1] ylim [0, 1]\n  line 'tanh, RandomUniform(0, 1)' #1f77b4 3 points\n  line 'relu' #ff7f0e 3 points"
        XCTAssertEqual(FigureAltText.text(commas), "Line plot titled “Test accuracy”: series “tanh, RandomUniform(0, 1)” and “relu”.")
        XCTAssertNil(FigureAltText.text("figure 6.4x4.8 in at 100 dpi"))
        XCTAssertEqual(FigureAltText.text("figure 6.4x4.8 in at 100 dpi\naxes 1x1#1 xlim [0, 1] ylim [0, 1]"), "Empty plot.")
    }

    func testNoImageHasTheFiguresSizeAsItsAltText() {
        let html = renderSecond().html
        let alts = matches(#"<img [^>]*alt="([^"]*)""#, in: html)
        XCTAssertEqual(alts, ["Line plot titled “T1”.", "Line plot titled “T2”.", "Line plot titled “T3”."])
    }

    func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
