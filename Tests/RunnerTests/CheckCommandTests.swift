import Foundation
import XCTest

/// `lectern check` as a course team uses it in CI.
final class CheckCommandTests: XCTestCase {
    static let lesson = """
    # Check me

    ```experiment id=score
    acc = 0.991
    print(f"accuracy {acc}")
    print("took 12 ms")
    ```

    ```experiment id=fails error=expected
    int("ten")
    ```

    ```experiment id=plot
    import matplotlib.pyplot as plt
    plt.plot([1, 2, 3], [1, 4, 9])
    ```

    """

    func makeCourse(_ name: String) throws -> URL {
        let dir = try LecternProcess.scratch(name)
        try LecternProcess.write(Self.lesson, to: dir.appendingPathComponent("course/check.md"))
        try LecternProcess.write(RenderTests.lesson("Other"), to: dir.appendingPathComponent("course/other.md"))
        let r = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(r.status, 0, "an expected error does not fail the render: \(r.stderr)")
        return dir
    }

    func editRecord(_ dir: URL, _ from: String, _ to: String) throws {
        let url = dir.appendingPathComponent("out/check.record.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(from), "the record holds \(from)")
        try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
    }

    func testAnEditedNumberPassesWithinToleranceAndFailsBeyondItWithADiff() throws {
        let dir = try makeCourse("tolerance")
        defer { try? FileManager.default.removeItem(at: dir) }
        let clean = try LecternProcess.run(["check", "course", "-o", "out"], in: dir)
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertTrue(clean.stdout.hasSuffix("5 passed, 0 failed\n"), clean.stdout)

        try editRecord(dir, "accuracy 0.991", "accuracy 0.992")
        let strict = try LecternProcess.run(["check", "course", "-o", "out"], in: dir)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("check.md:3: block 'score': output 1 (text) drifted"), strict.stdout)
        XCTAssertTrue(strict.stdout.contains("  -accuracy 0.992\n  +accuracy 0.991\n  ?         ^^^^^"), strict.stdout)
        XCTAssertTrue(strict.stdout.hasSuffix("4 passed, 1 failed\n"), strict.stdout)
        let loose = try LecternProcess.run(["check", "course", "-o", "out", "--atol", "0.002"], in: dir)
        XCTAssertEqual(loose.status, 0, loose.stdout)
    }

    func testATimingIsSanitizedAndAnExpectedErrorComparesItsMessage() throws {
        let dir = try makeCourse("sanitize")
        defer { try? FileManager.default.removeItem(at: dir) }
        try editRecord(dir, "took 12 ms", "took 48 ms")
        XCTAssertEqual(try LecternProcess.run(["check", "course", "-o", "out"], in: dir).status, 0)
        try editRecord(dir, "invalid literal for int()", "something else entirely")
        let r = try LecternProcess.run(["check", "course", "-o", "out"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("block 'fails': output 1 (error) drifted"), r.stdout)
        // A block that raises without error=expected fails the render.
        try LecternProcess.write(Self.lesson.replacingOccurrences(of: " error=expected", with: ""), to: dir.appendingPathComponent("course/check.md"))
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "out"], in: dir).status, 1)
    }

    func testAFigureWhoseDataChangedFailsAndKeepsTheNewPNGAndADiff() throws {
        let dir = try makeCourse("figure")
        defer { try? FileManager.default.removeItem(at: dir) }
        try LecternProcess.write(Self.lesson.replacingOccurrences(of: "[1, 4, 9]", with: "[1, 4, 16]"), to: dir.appendingPathComponent("course/check.md"))
        let r = try LecternProcess.run(["check", "course", "-o", "out"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("block 'plot': output 1 (figure) drifted"), r.stdout)
        let kept = dir.appendingPathComponent("out/check.drift")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kept.path).sorted(), ["plot-1.diff.png", "plot-1.new.png"])
        XCTAssertTrue(r.stdout.contains("plot-1.diff.png"), "the report names the files")
    }

    func testUpdateRewritesOnlyTheDriftedLesson() throws {
        let dir = try makeCourse("update")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = LecternProcess.snapshot(dir.appendingPathComponent("out"))
        try LecternProcess.write(Self.lesson.replacingOccurrences(of: "0.991", with: "0.5"), to: dir.appendingPathComponent("course/check.md"))
        let r = try LecternProcess.run(["check", "course", "-o", "out", "--update"], in: dir)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("updated check.md"), r.stdout)
        let after = LecternProcess.snapshot(dir.appendingPathComponent("out"))
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        XCTAssertEqual(changed, ["check.record.json", "check.html", "check.md.txt"], "the lesson's page, record and Markdown only")
        XCTAssertEqual(try LecternProcess.run(["check", "course", "-o", "out"], in: dir).status, 0)
    }

    func testJUnitIsReadByARealConsumerAndAnnotationsAreWrittenForGitHub() throws {
        let dir = try makeCourse("junit")
        defer { try? FileManager.default.removeItem(at: dir) }
        try editRecord(dir, "accuracy 0.991", "accuracy 0.7")
        let r = try LecternProcess.run(["check", "course", "-o", "out", "--junit", "report.xml", "--json", "report.json"], in: dir,
                                       environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("::error file=course/check.md,line=3,title=block 'score' drifted::output 1 (text) drifted%0A"), r.stdout)
        let script = """
        import sys
        from junitparser import JUnitXml
        xml = JUnitXml.fromfile(sys.argv[1])
        cases = [c for s in xml for c in s]
        failed = [c.name for c in cases if any(r._tag == 'failure' for r in c.result)]
        print(len(list(xml)), len(cases), ','.join(failed))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, dir.appendingPathComponent("report.xml").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let parsed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, "junitparser is installed by make test-deps")
        XCTAssertEqual(parsed, "2 5 score\n")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json"))) as? [String: Any]
        XCTAssertEqual(json?["passed"] as? Int, 4)
        XCTAssertEqual(json?["failed"] as? Int, 1)
    }

    func testALessonThatCannotBeCheckedExitsTwo() throws {
        let dir = try makeCourse("missing")
        defer { try? FileManager.default.removeItem(at: dir) }
        try LecternProcess.write(RenderTests.lesson("New"), to: dir.appendingPathComponent("course/new.md"))
        let r = try LecternProcess.run(["check", "course", "-o", "out"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stdout.contains("new.md: error: no record at"), r.stdout)
        XCTAssertEqual(try LecternProcess.run(["check", "course", "--rtol", "-1"], in: dir).status, 2, "bad usage")
        // A record that belongs to another lesson is refused.
        try FileManager.default.copyItem(at: dir.appendingPathComponent("out/other.record.json"), to: dir.appendingPathComponent("out/new.record.json"))
        let wrong = try LecternProcess.run(["check", "course", "-o", "out"], in: dir)
        XCTAssertTrue(wrong.stdout.contains("belongs to other.md, not new.md"), wrong.stdout)
    }
}
