import Foundation
import XCTest

/// Lessons that kill their own process, run out of memory or overrun their time limit: each ends
/// with an error under the block that was running, "not run" under the later blocks, the rest of
/// the course rendered, exit status 1 and nothing left in the temporary folder.
final class HostileLessonTests: XCTestCase {
    struct Case {
        var name: String
        var code: String
        var options = ""
        var expected: String
    }

    static let cases: [Case] = [
        Case(name: "doubling-string", code: "s = 'x' * 1000000\nwhile True:\n    s = s + s", expected: "MemoryError: the lesson went over its 512 MiB memory limit"),
        Case(name: "many-small-lists", code: "keep = []\nwhile True:\n    keep.append([0.5] * 1000)", expected: "MemoryError: the lesson went over its 512 MiB memory limit"),
        Case(name: "extend-itself", code: "l = [1] * 1000\nwhile True:\n    l.extend(l)", expected: "MemoryError: the lesson went over its 512 MiB memory limit"),
        Case(name: "slow-native-call", code: "import numpy as np\na = np.ones((4000, 4000))\nb = a @ a", options: " timeout=1",
             expected: "TimeoutError: "),
        Case(name: "huge-figure", code: "import numpy as np\nimport matplotlib.pyplot as plt\nx = np.arange(3000000)\nplt.plot(x, x % 7)",
             options: " timeout=1", expected: "TimeoutError: "),
    ]

    func testEachHostileLessonEndsInAnErrorUnderItsBlockAndTheCourseStillRenders() throws {
        let dir = try LecternProcess.scratch("hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = dir.appendingPathComponent("course")
        try LecternProcess.write("# Fine\n\n```experiment id=hello\nprint('fine')\n```\n", to: course.appendingPathComponent("00-fine.md"))
        for (i, c) in Self.cases.enumerated() {
            let lesson = """
            # \(c.name)

            ```experiment id=before
            print('before')
            ```

            ```experiment id=hostile\(c.options)
            \(c.code)
            ```

            ```experiment id=after
            print('after')
            ```

            """
            try LecternProcess.write(lesson, to: course.appendingPathComponent(String(format: "%02d-%@.md", i + 1, c.name)))
        }
        try LecternProcess.write("# Last\n\n```experiment\nprint('last')\n```\n", to: course.appendingPathComponent("99-last.md"))

        let result = try LecternProcess.run(["render", "course", "-o", "out", "--memory-limit", "512", "-j", "2"], in: dir)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let out = dir.appendingPathComponent("out")
        for (i, c) in Self.cases.enumerated() {
            let stem = String(format: "%02d-%@", i + 1, c.name)
            let record = try String(contentsOf: out.appendingPathComponent("\(stem).record.json"), encoding: .utf8)
            XCTAssertTrue(record.contains(c.expected), "\(c.name): \(record)")
            XCTAssertTrue(record.contains("before\\n"), "\(c.name): the block before keeps its output")
            XCTAssertTrue(record.contains("not run: the lesson stopped in block 'hostile'"), c.name)
            let page = try String(contentsOf: out.appendingPathComponent("\(stem).html"), encoding: .utf8)
            XCTAssertTrue(page.contains("not run: the lesson stopped in block"), c.name)
            XCTAssertTrue(result.stderr.contains("\(stem).md:"), "\(c.name) is reported: \(result.stderr)")
        }
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("99-last.html") && index.contains("00-fine.html"), index)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("style.css").path))
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("99-last.record.json"), encoding: .utf8).contains("last\\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path)
        XCTAssertEqual(leftovers, [], "the temporary folder is empty afterwards")
    }

    /// Data that once crashed the lesson's process (a list holding itself, 20000 nested
    /// parentheses) now ends as Python ends it: the list prints as `[[...]]`, the parentheses are a
    /// SyntaxError under their block; the process survives.
    func testDataThatOnceCrashedTheProcessEndsAsInPython() throws {
        let dir = try LecternProcess.scratch("once-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = dir.appendingPathComponent("course")
        try LecternProcess.write("# Self\n\n```experiment id=self\nl = []\nl.append(l)\nprint(l)\n```\n", to: course.appendingPathComponent("01-self.md"))
        let deep = "x = " + String(repeating: "(", count: 20000) + "1" + String(repeating: ")", count: 20000)
        try LecternProcess.write("# Deep\n\n```experiment id=deep\n\(deep)\n```\n", to: course.appendingPathComponent("02-deep.md"))
        let result = try LecternProcess.run(["render", "course", "-o", "out", "-j", "1"], in: dir)
        XCTAssertEqual(result.status, 1, "the SyntaxError fails the render")
        XCTAssertFalse(result.stderr.contains("crashed"), result.stderr)
        let selfRecord = try String(contentsOf: dir.appendingPathComponent("out/01-self.record.json"), encoding: .utf8)
        XCTAssertTrue(selfRecord.contains("[[...]]"), selfRecord)
        XCTAssertTrue(result.stderr.contains("02-deep.md:4:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("SyntaxError: too many nested parentheses"), result.stderr)
    }
}
