import Foundation
import XCTest

/// `lectern render` as a course author uses it: frozen outputs, parallel runs, parameters,
/// shards, the lock, and an output folder that is never half-built.
final class RenderTests: XCTestCase {
    static func lesson(_ title: String, prose: String = "Some prose.", figure: Bool = true) -> String {
        var text = "# \(title)\n\n\(prose)\n\n```experiment id=data\nimport numpy as np\nnp.random.seed(3)\nx = np.random.rand(40)\nprint(round(float(x.sum()), 6))\n```\n"
        if figure {
            text += "\n```experiment id=plot\nimport matplotlib.pyplot as plt\nplt.plot(x)\nplt.title('\(title)')\n```\n"
        }
        return text
    }

    func makeCourse(_ name: String, lessons: Int = 3) throws -> URL {
        let dir = try LecternProcess.scratch(name)
        for i in 1...lessons {
            try LecternProcess.write(Self.lesson("Lesson \(i)"), to: dir.appendingPathComponent("course/0\(i)-lesson.md"))
        }
        return dir
    }

    func testSecondRenderRunsNothingAndAProseEditChangesOnlyThatPage() throws {
        let dir = try makeCourse("frozen")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout.components(separatedBy: "rendered ").count - 1, 3)
        let before = LecternProcess.snapshot(dir.appendingPathComponent("out"))

        try LecternProcess.write(Self.lesson("Lesson 2", prose: "Edited prose, *new*."), to: dir.appendingPathComponent("course/02-lesson.md"))
        let second = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(second.stdout.contains("rendered "), "nothing runs: \(second.stdout)")
        XCTAssertEqual(second.stdout.components(separatedBy: "unchanged ").count - 1, 3)
        let after = LecternProcess.snapshot(dir.appendingPathComponent("out"))
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        // The search index holds the prose too.
        XCTAssertEqual(changed, ["02-lesson.html", "02-lesson.md.txt", "search-index.js"])
        XCTAssertTrue(String(decoding: after["02-lesson.html"]!, as: UTF8.self).contains("Edited prose"))

        // A code edit runs that lesson again; --force runs them all.
        try LecternProcess.write(Self.lesson("Lesson 3").replacingOccurrences(of: "seed(3)", with: "seed(4)"), to: dir.appendingPathComponent("course/03-lesson.md"))
        let third = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(third.stdout.components(separatedBy: "rendered ").count - 1, 1, third.stdout)
        XCTAssertTrue(third.stdout.contains("rendered 03-lesson.md"))
        let forced = try LecternProcess.run(["render", "course", "-o", "out", "--force"], in: dir)
        XCTAssertEqual(forced.stdout.components(separatedBy: "rendered ").count - 1, 3)
    }

    func testProseThatMovesBlocksKeepsTheRecordAsAFreshRunWouldWriteIt() throws {
        let dir = try makeCourse("moved", lessons: 1)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "out"], in: dir).status, 0)
        let lesson = dir.appendingPathComponent("course/01-lesson.md")
        try LecternProcess.write(Self.lesson("Lesson 1", prose: "Two more lines\nof prose.\n\nAnd a paragraph."), to: lesson)
        let frozen = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertFalse(frozen.stdout.contains("rendered "), "nothing runs: \(frozen.stdout)")
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "fresh", "--force"], in: dir).status, 0)
        let a = try Data(contentsOf: dir.appendingPathComponent("out/01-lesson.record.json"))
        let b = try Data(contentsOf: dir.appendingPathComponent("fresh/01-lesson.record.json"))
        XCTAssertEqual(String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self))
    }

    func testParallelRenderGivesTheSameBytesAsOneAtATime() throws {
        let dir = try makeCourse("parallel", lessons: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "one", "-j", "1"], in: dir).status, 0)
        let two = try LecternProcess.run(["render", "course", "-o", "two", "-j", "2"], in: dir)
        XCTAssertEqual(two.status, 0)
        let a = LecternProcess.snapshot(dir.appendingPathComponent("one"))
        let b = LecternProcess.snapshot(dir.appendingPathComponent("two"))
        // Per lesson a page, its Markdown, a record and a figure; then the index, the stylesheet and the search's two scripts.
        XCTAssertEqual(a.count, 4 * 4 + 4, a.keys.sorted().joined(separator: " "))
        XCTAssertEqual(a, b)
        // Not on a terminal, the summary lines keep lesson order.
        let lines = two.stdout.split(separator: "\n").map { String($0.prefix(20)) }
        XCTAssertEqual(lines, (1...4).map { String("rendered 0\($0)-lesson.md".prefix(20)) })
    }

    func testParametersOverrideTheParamsBlockAndShowOnThePage() throws {
        let dir = try LecternProcess.scratch("params")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lesson = "# P\n\n```experiment params\nepochs = 10\nname = 'base'\n```\n\n```experiment id=use\nprint(epochs * 2, name)\n```\n"
        try LecternProcess.write(lesson, to: dir.appendingPathComponent("course/p.md"))
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "out"], in: dir).status, 0)
        var record = try String(contentsOf: dir.appendingPathComponent("out/p.record.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("20 base"), record)
        let run = try LecternProcess.run(["render", "course", "-o", "out", "--param", "epochs=3", "--param", "name=tuned run"], in: dir)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("rendered p.md"), "parameters are part of the key")
        record = try String(contentsOf: dir.appendingPathComponent("out/p.record.json"), encoding: .utf8)
        XCTAssertTrue(record.contains("6 tuned run"), record)
        let page = try String(contentsOf: dir.appendingPathComponent("out/p.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("epochs = 3"), page)
        let bad = try LecternProcess.run(["render", "course", "-o", "out", "--param", "epohcs=3"], in: dir)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("--param epohcs=… names no parameter; the params block assigns epochs, name"), bad.stderr)
    }

    func testShardsSplitTheCourseAndIndexMergesTheirRecords() throws {
        let dir = try makeCourse("shards", lessons: 5)
        defer { try? FileManager.default.removeItem(at: dir) }
        var ran: [String] = []
        for i in 1...2 {
            let r = try LecternProcess.run(["render", "course", "-o", "shard\(i)", "--shard", "\(i)/2"], in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
            ran += r.stdout.split(separator: "\n").filter { $0.hasPrefix("rendered ") }.map(String.init)
        }
        XCTAssertEqual(ran.count, 5, "every lesson runs in exactly one shard: \(ran)")
        let merged = dir.appendingPathComponent("merged")
        try FileManager.default.createDirectory(at: merged, withIntermediateDirectories: true)
        for i in 1...2 {
            let shard = dir.appendingPathComponent("shard\(i)")
            for name in try FileManager.default.contentsOfDirectory(atPath: shard.path) where !name.hasPrefix(".") && name != "index.html" {
                try? FileManager.default.copyItem(at: shard.appendingPathComponent(name), to: merged.appendingPathComponent(name))
            }
        }
        let index = try LecternProcess.run(["index", "course", "-o", "merged"], in: dir)
        XCTAssertEqual(index.status, 0, index.stderr + index.stdout)
        let html = try String(contentsOf: merged.appendingPathComponent("index.html"), encoding: .utf8)
        for i in 1...5 { XCTAssertTrue(html.contains("0\(i)-lesson.html"), html) }
        // A lesson with no record is an error for index, which runs nothing.
        try LecternProcess.write(Self.lesson("New"), to: dir.appendingPathComponent("course/06-new.md"))
        let missing = try LecternProcess.run(["index", "course", "-o", "merged"], in: dir)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("06-new.md: error: no up-to-date record"), missing.stderr)
    }

    // MARK: The course

    func testTheCourseFileOrdersTheSiteAndRenderingOneLessonKeepsItsNavigation() throws {
        let dir = try makeCourse("course", lessons: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        try LecternProcess.write("""
        title: Nets in practice
        description: Three short lessons.
        parts:
          - title: Second first
            lessons: [02-lesson.md]
          - title: Then
            lessons: [01-lesson]
        """, to: dir.appendingPathComponent("course/lectern.yml"))
        let first = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(first.status, 0, first.stderr)
        func page(_ name: String) throws -> String { try String(contentsOf: dir.appendingPathComponent("out/\(name)"), encoding: .utf8) }
        let index = try page("index.html")
        XCTAssertTrue(index.contains("<h1>Nets in practice</h1>"), index)
        let order = ["02-lesson.html", "01-lesson.html", "03-lesson.html"].map { index.range(of: "<li><a href=\"\($0)\"")?.lowerBound }
        XCTAssertTrue(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "the course's order, then the rest: \(index)")
        XCTAssertTrue(index.contains("<h2>Other lessons</h2>"), index)
        var one = try page("01-lesson.html")
        XCTAssertTrue(one.contains("rel=\"prev\" href=\"02-lesson.html\""), one)
        XCTAssertTrue(one.contains("rel=\"next\" href=\"03-lesson.html\""), one)
        XCTAssertFalse(one.contains("class=\"label\""), "readers do not see the author's file:line label")
        let search = try page("search-index.js")
        XCTAssertTrue(search.contains("\"page\":\"02-lesson.html\""), search)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/search.js").path))

        // One lesson rendered on its own still gets the whole course around it; --draft shows the labels.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/01-lesson.html"))
        let single = try LecternProcess.run(["render", "course/01-lesson.md", "-o", "out", "--draft"], in: dir)
        XCTAssertEqual(single.status, 0, single.stderr)
        one = try page("01-lesson.html")
        XCTAssertTrue(one.contains("<a class=\"site-title\" href=\"index.html\">Nets in practice</a>"), one)
        XCTAssertTrue(one.contains("<li><a href=\"03-lesson.html\">Lesson 3</a></li>"), one)
        XCTAssertTrue(one.contains("<li><a href=\"01-lesson.html\" aria-current=\"page\">Lesson 1</a></li>"), one)
        XCTAssertTrue(one.contains("rel=\"prev\" href=\"02-lesson.html\""), one)
        XCTAssertTrue(one.contains("<div class=\"label\">01-lesson.md:5 · data</div>"), one)
    }

    func testRenderingOneLessonWithANewTitleRefreshesTheOtherPagesNavigation() throws {
        let dir = try makeCourse("retitle", lessons: 3)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try LecternProcess.run(["render", "course", "-o", "out"], in: dir).status, 0)
        try LecternProcess.write(Self.lesson("Lesson 3").replacingOccurrences(of: "# Lesson 3", with: "# Renamed third"), to: dir.appendingPathComponent("course/03-lesson.md"))
        let single = try LecternProcess.run(["render", "course/03-lesson.md", "-o", "out"], in: dir)
        XCTAssertEqual(single.status, 0, single.stderr)
        XCTAssertFalse(single.stdout.contains("rendered "), "a title is prose: nothing runs: \(single.stdout)")
        for name in ["01-lesson.html", "02-lesson.html", "index.html"] {
            let page = try String(contentsOf: dir.appendingPathComponent("out/\(name)"), encoding: .utf8)
            XCTAssertTrue(page.contains(">Renamed third</a>"), "\(name) lists the new title: \(page)")
            XCTAssertFalse(page.contains(">Lesson 3</a>"), name)
        }
        // A lesson whose code changed since its record is not rebuilt by another's render.
        try LecternProcess.write(Self.lesson("Lesson 1").replacingOccurrences(of: "seed(3)", with: "seed(4)"),
                                 to: dir.appendingPathComponent("course/01-lesson.md"))
        let before = try Data(contentsOf: dir.appendingPathComponent("out/01-lesson.html"))
        XCTAssertEqual(try LecternProcess.run(["render", "course/03-lesson.md", "-o", "out"], in: dir).status, 0)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("out/01-lesson.html")), before)
    }

    func testProblemsInTheCourseFileAndTheFrontMatterAreReportedAtTheirLines() throws {
        let dir = try makeCourse("course-problems", lessons: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        try LecternProcess.write("title: C\nparts:\n  - title: One\n    lessons: [01-lesson.md, 03-lesson.md]\n",
                                 to: dir.appendingPathComponent("course/lectern.yml"))
        try LecternProcess.write("---\ntitle: Two\ntimeout: 5\n---\n" + Self.lesson("Lesson 2"), to: dir.appendingPathComponent("course/02-lesson.md"))
        let run = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("course/lectern.yml:4:29: error: the course names 03-lesson.md, which is not a lesson in the folder"), run.stderr)
        XCTAssertTrue(run.stderr.contains("02-lesson.md:3:1: error: unknown key 'timeout' in the front matter"), run.stderr)
        // The site is still built: the other lesson ran, the broken one has its page with the problem.
        let two = try String(contentsOf: dir.appendingPathComponent("out/02-lesson.html"), encoding: .utf8)
        XCTAssertTrue(two.contains("unknown key &#39;timeout&#39; in the front matter"), two)
    }
}
