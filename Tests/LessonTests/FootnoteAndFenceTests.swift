import XCTest
@testable import Lesson

/// GitHub's footnotes and MyST's `:::{note}` fences, read before cmark as math is.
final class FootnoteAndFenceTests: XCTestCase {
    private func parse(_ source: String) -> Lesson { LessonParser.parse(file: "t.md", source: source) }

    private func blocks(_ lesson: Lesson) -> [Prose.Block] {
        lesson.segments.flatMap { segment -> [Prose.Block] in
            if case .prose(let p) = segment { return p.blocks } else { return [] }
        }
    }

    func testReferencesAreNumberedByFirstUseAndEachOccurrenceCounted() {
        let lesson = parse("""
        Dropout[^b] is an ensemble[^a], says [^B] again.

        [^a]: First defined, second used.
        [^b]: Srivastava *et al.*
        [^unused]: Nobody refers to this.
        """)
        XCTAssertEqual(blocks(lesson), [.paragraph([
            .text("Dropout"), .footnoteReference(number: 1, occurrence: 1), .text(" is an ensemble"),
            .footnoteReference(number: 2, occurrence: 1), .text(", says "), .footnoteReference(number: 1, occurrence: 2),
            .text(" again."),
        ])])
        XCTAssertEqual(lesson.footnotes.map(\.label), ["b", "a"], "labels match without regard to case; unused ones are left out")
        XCTAssertEqual(lesson.footnotes.map(\.referenceCount), [2, 1])
        XCTAssertEqual(lesson.footnotes[0].blocks, [.paragraph([.text("Srivastava "), .emphasis([.text("et al.")])])])
    }

    func testCodeEscapesAndUndefinedLabelsAreNotReferences() {
        let lesson = parse("""
        In `x[^a]` code, \\[^a] escaped, [^nothing] undefined, and [^a] real.

        ```python
        y = z[^a]
        [^a]: not a definition either
        ```

        [^a]: The note.
        """)
        XCTAssertEqual(blocks(lesson).first, .paragraph([
            .text("In "), .code("x[^a]"), .text(" code, [^a] escaped, [^nothing] undefined, and "),
            .footnoteReference(number: 1, occurrence: 1), .text(" real."),
        ]))
        XCTAssertEqual(lesson.footnotes.map(\.blocks), [[.paragraph([.text("The note.")])]])
        guard case .code(let code)? = lesson.segments.dropFirst().first else { return XCTFail("\(lesson.segments)") }
        XCTAssertEqual(code.code, "y = z[^a]\n[^a]: not a definition either\n")
    }

    func testADefinitionRunsOverLazyAndIndentedLinesAndEveryLineKeepsItsNumber() {
        let lesson = parse("""
        Text[^long].

        [^long]: First line
        lazily continued, with $x^2$.

            A second paragraph, indented.

        Back in the lesson with $\\frac{1}{2}$.
        """)
        XCTAssertEqual(lesson.footnotes.count, 1)
        let note = lesson.footnotes[0].blocks
        XCTAssertEqual(note.count, 2, "\(note)")
        XCTAssertEqual(note.last, .paragraph([.text("A second paragraph, indented.")]))
        // The formulas keep the places they have in the file, inside and outside the note.
        XCTAssertEqual(lesson.math.map { [$0.line, $0.column] }, [[4, 25], [8, 26]])
        XCTAssertEqual(blocks(lesson).count, 2, "the definition leaves nothing in the prose: \(blocks(lesson))")
    }

    func testColonFencesBecomeNotesWithTheirNamesAsTitles() {
        let rewritten = ColonFences.rewrite("""
        Before.
        :::{warning}
        Scale first.
        :::
        ::::{admonition} Why it works
        :class: dropdown
        Outer.
        :::{hint}
        Inner.
        :::
        ```
        :::
        ```
        ::::
        :::{figure} x.png
        :::
        """)
        let mark = ColonFences.titleMark
        XCTAssertEqual(rewritten.split(separator: "\n", omittingEmptySubsequences: false), [
            "Before.", "> [!WARNING]\(mark)Warning", "> Scale first.", "",
            "> [!NOTE]\(mark)Why it works", "> ", "> Outer.", "> > [!TIP]\(mark)Hint", "> > Inner.", "> ",
            "> ```", "> :::", "> ```", "",
            ":::{figure} x.png", ":::",
        ])
    }

    func testAColonFenceInsideCodeIsCodeAndTheLessonKeepsItsLines() {
        let lesson = parse("```markdown\n:::{note}\nshown as written\n:::\n```\n\n:::{tip}\nA *tip*.\n:::\n\n$y$\n")
        guard case .code(let code)? = lesson.segments.first else { return XCTFail("\(lesson.segments)") }
        XCTAssertEqual(code.code, ":::{note}\nshown as written\n:::\n")
        guard case .blockQuote(let quote)? = blocks(lesson).first else { return XCTFail("\(blocks(lesson))") }
        XCTAssertEqual(quote, [.paragraph([.text("[!TIP]\(ColonFences.titleMark)Tip"), .softBreak, .text("A "), .emphasis([.text("tip")]), .text(".")])])
        XCTAssertEqual(lesson.math.first?.line, 11)
    }
}
