import XCTest
import Foundation
import Lesson
import Notebook
@testable import Site

/// A lesson run in memory, exported, read back as JSON and validated by the real nbformat.
final class NotebookExportTests: XCTestCase {
    static let lessonSource = """
    # Export check

    Some *prose* before the first block.

    ```experiment id=first
    print('hello')
    41 + 1
    ```

    A shown block stays in the markdown:

    ```python
    x = 1
    ```

    ## A plot

    ```experiment id=plot
    import matplotlib.pyplot as plt
    plt.plot([0, 1, 2], [1, 0, 1])
    plt.show()
    ```

    ```experiment id=broken error=expected
    raise ValueError('bad')
    ```

    Closing words.

    """

    func export() -> (LessonRun, [String: Data], Data) {
        let run = NotebookRunner.run(LessonParser.parse(file: "export.md", source: Self.lessonSource))
        var figures: [String: Data] = [:]
        for (path, png) in run.figures { figures[path] = Data(png) }
        return (run, figures, NotebookExport.notebook(run.lesson, record: run.record, figures: figures))
    }

    func cells(_ data: Data) throws -> [[String: Any]] {
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(root["cells"] as? [[String: Any]])
    }

    func joined(_ value: Any?) -> String {
        (value as? [String])?.joined() ?? (value as? String) ?? ""
    }

    func testTheNotebookHasTheLessonsCellsInOrderWithTheirOutputs() throws {
        let (run, figures, data) = export()
        XCTAssertEqual(run.figures.count, 1)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(root["nbformat"] as? Int, 4)
        XCTAssertEqual(root["nbformat_minor"] as? Int, 5)
        let metadata = try XCTUnwrap(root["metadata"] as? [String: Any])
        XCTAssertEqual((metadata["kernelspec"] as? [String: Any])?["name"] as? String, "python3")
        XCTAssertEqual((metadata["language_info"] as? [String: Any])?["name"] as? String, "python")

        let cells = try cells(data)
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "markdown", "code", "code", "markdown"])
        XCTAssertEqual(cells.map { $0["id"] as? String }, ["markdown-1", "first", "markdown-2", "plot", "broken", "markdown-3"])
        XCTAssertEqual(joined(cells[0]["source"]), "# Export check\n\nSome *prose* before the first block.")
        XCTAssertEqual(joined(cells[2]["source"]), "A shown block stays in the markdown:\n\n```python\nx = 1\n```\n\n## A plot")
        XCTAssertEqual(joined(cells[5]["source"]), "Closing words.")
        XCTAssertEqual(cells[1]["source"] as? [String], ["print('hello')\n", "41 + 1"])
        XCTAssertEqual(cells.compactMap { $0["execution_count"] as? Int }, [1, 2, 3])

        let first = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first[0]["output_type"] as? String, "stream")
        XCTAssertEqual(first[0]["name"] as? String, "stdout")
        XCTAssertEqual(joined(first[0]["text"]), "hello\n")
        XCTAssertEqual(first[1]["output_type"] as? String, "execute_result")
        XCTAssertEqual(first[1]["execution_count"] as? Int, 1)
        XCTAssertEqual(joined((first[1]["data"] as? [String: Any])?["text/plain"]), "42")

        let plot = try XCTUnwrap(cells[3]["outputs"] as? [[String: Any]])
        XCTAssertEqual(plot.count, 1)
        XCTAssertEqual(plot[0]["output_type"] as? String, "display_data")
        let bundle = try XCTUnwrap(plot[0]["data"] as? [String: Any])
        let png = try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(bundle["image/png"] as? String)))
        XCTAssertEqual(png, figures[try XCTUnwrap(run.record.figureFiles.first)])
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertFalse(joined(bundle["text/plain"]).isEmpty)
        let size = (plot[0]["metadata"] as? [String: Any])?["image/png"] as? [String: Any]
        XCTAssertEqual(size?["width"] as? Int, 640)
        XCTAssertEqual(size?["height"] as? Int, 480)

        let broken = try XCTUnwrap(cells[4]["outputs"] as? [[String: Any]])
        XCTAssertEqual(broken.count, 1)
        XCTAssertEqual(broken[0]["output_type"] as? String, "error")
        XCTAssertEqual(broken[0]["ename"] as? String, "ValueError")
        XCTAssertEqual(broken[0]["evalue"] as? String, "bad")
        let traceback = try XCTUnwrap(broken[0]["traceback"] as? [String])
        XCTAssertTrue(traceback.contains("export.md:25:1: error: ValueError: bad"), "\(traceback)")
    }

    func testTheRealNbformatReadsAndValidatesTheNotebook() throws {
        let (_, _, data) = export()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-export-\(UUID().uuidString).ipynb")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let (status, out, err) = try python([
            "-c", "import nbformat, sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(len(nb.cells))",
            file.path,
        ])
        XCTAssertEqual(status, 0, "nbformat rejected the notebook (python3 -m pip install nbformat if it is missing): \(err)")
        XCTAssertEqual(out.trimmingCharacters(in: .whitespacesAndNewlines), "6")
    }

    func testTheBytesAreTheOnesJupyterWouldWriteAndTheSameEachTime() throws {
        let (_, _, data) = export()
        let (_, _, again) = export()
        XCTAssertEqual(data, again)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-export-\(UUID().uuidString).ipynb")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // nbformat's own writer: sorted keys, one-space indent.
        let (status, out, err) = try python([
            "-c", "import nbformat, sys; s = open(sys.argv[1]).read(); print(nbformat.writes(nbformat.reads(s, as_version=4)) + '\\n' == s)",
            file.path,
        ])
        XCTAssertEqual(status, 0, err)
        XCTAssertEqual(out.trimmingCharacters(in: .whitespacesAndNewlines), "True")
    }

    func testABlockTheRecordDoesNotKnowHasNoCountAndNoOutputs() throws {
        let lesson = LessonParser.parse(file: "stale.md", source: "```experiment id=a\n1\n```\n\n```experiment id=new\n2\n```\n")
        let record = LessonRecord(lesson: "stale.md", blocks: [BlockRecord(id: "a", line: 1, outputs: [OutputRecord(kind: .value, text: "1")])])
        let cells = try cells(NotebookExport.notebook(lesson, record: record, figures: [:]))
        XCTAssertEqual(cells.count, 2)
        XCTAssertEqual(cells[0]["execution_count"] as? Int, 1)
        XCTAssertTrue(cells[1]["execution_count"] is NSNull)
        XCTAssertEqual((cells[1]["outputs"] as? [Any])?.count, 0)
    }

    func testAMissingFigureIsExportedAsItsDescription() throws {
        let lesson = LessonParser.parse(file: "f.md", source: "```experiment\nplot()\n```\n")
        let figure = OutputRecord(kind: .figure, text: "a line", file: "f/block-1-1.png", width: 640, height: 480, sha256: "0")
        let record = LessonRecord(lesson: "f.md", blocks: [BlockRecord(id: "block-1", line: 1, outputs: [figure])])
        let cells = try cells(NotebookExport.notebook(lesson, record: record, figures: [:]))
        let output = try XCTUnwrap((cells[0]["outputs"] as? [[String: Any]])?.first)
        XCTAssertEqual((output["data"] as? [String: Any])?.keys.sorted(), ["text/plain"])
    }

    func testErrorReportsSplitIntoClassAndMessage() {
        XCTAssertTrue(NotebookExport.errorParts("lesson.md:3:1: error: ValueError: bad") == ("ValueError", "bad"))
        let traced = "Traceback (most recent call last):\n  l.md:4:1: in f\nl.md:2:5: error: ZeroDivisionError: division by zero\n    1 / 0\n    ^"
        XCTAssertTrue(NotebookExport.errorParts(traced) == ("ZeroDivisionError", "division by zero"))
        XCTAssertTrue(NotebookExport.errorParts("l.md:1:14: error: unknown option 'tiemout'") == ("Error", "unknown option 'tiemout'"))
        XCTAssertTrue(NotebookExport.errorParts("not run: the lesson stopped in block 'fit'") == ("Error", "not run: the lesson stopped in block 'fit'"))
    }

    func testCellIDsFollowTheSchemasPatternAndAreUnique() {
        var ids = CellIDs()
        XCTAssertEqual(ids.make("fit"), "fit")
        XCTAssertEqual(ids.make("fit"), "fit-2")
        XCTAssertEqual(ids.make("données été"), "donn-es--t-")
        XCTAssertEqual(ids.make(""), "cell")
        XCTAssertEqual(ids.make(String(repeating: "x", count: 100)).count, 56)
    }

    func python(_ arguments: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
