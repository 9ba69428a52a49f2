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
        // Whichever sees it first: the check before the allocation, or the watch from outside.
        Case(name: "doubling-string", code: "s = 'x' * 1000000\nwhile True:\n    s = s + s", expected: "MemoryError: "),
        Case(name: "many-small-lists", code: "keep = []\nwhile True:\n    keep.append([0.5] * 1000)", expected: "MemoryError: the lesson went over its 512 MiB memory limit"),
        Case(name: "extend-itself", code: "l = [1] * 1000\nwhile True:\n    l.extend(l)", expected: "MemoryError: "),
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
            // Stopped from outside, the later blocks are not run; an error raised inside the
            // lesson lets them run, as in a notebook.
            let stopped = record.contains("not run: the lesson stopped in block 'hostile'")
            XCTAssertTrue(stopped || record.contains("after\\n"), c.name)
            let page = try String(contentsOf: out.appendingPathComponent("\(stem).html"), encoding: .utf8)
            XCTAssertTrue(page.contains(stopped ? "not run: the lesson stopped in block" : "after"), c.name)
            XCTAssertTrue(result.stderr.contains("\(stem).md:"), "\(c.name) is reported: \(result.stderr)")
        }
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("99-last.html") && index.contains("00-fine.html"), index)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("style.css").path))
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("99-last.record.json"), encoding: .utf8).contains("last\\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path)
        XCTAssertEqual(leftovers, [], "the temporary folder is empty afterwards")
    }

    /// A child that dies of a signal (here sent from outside, as a crash in native code would
    /// end it) is reported under the block that was running.
    func testACrashedChildIsReportedUnderItsRunningBlock() throws {
        let dir = try LecternProcess.scratch("crash")
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = dir.appendingPathComponent("course")
        try LecternProcess.write("# Fine\n\n```experiment\nprint('fine')\n```\n", to: course.appendingPathComponent("a-fine.md"))
        try LecternProcess.write("# Crash\n\n```experiment id=first\nprint(1)\n```\n\n```experiment id=spin timeout=60\nwhile True:\n    pass\n```\n\n```experiment id=after\nprint(2)\n```\n",
                                 to: course.appendingPathComponent("b-crash.md"))
        let render = try LecternProcess.start(["render", "course", "-o", "out", "-j", "1"], in: dir)
        var child: Int32?
        for _ in 0..<200 where child == nil {
            usleep(50_000)
            child = Self.process(containing: "--name b-crash.md")
        }
        let pid = try XCTUnwrap(child, "the lesson's child process was found")
        usleep(300_000)
        kill(pid, SIGSEGV)
        render.waitUntilExit()
        XCTAssertEqual(render.terminationStatus, 1)
        let record = try String(contentsOf: dir.appendingPathComponent("out/b-crash.record.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("b-crash.md:7:1: error: the lesson's process crashed (SIGSEGV)"), record)
        XCTAssertTrue(record.contains("not run: the lesson stopped in block 'spin'"), record)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/a-fine.html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("tmp").path), [])
    }

    /// The pid of a process whose command line contains `text`.
    static func process(containing text: String) -> Int32? {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name),
                  let raw = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { continue }
            let command = String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            if command.contains(text) && command.contains("_child") { return pid }
        }
        return nil
    }
}
