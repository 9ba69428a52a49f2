import Foundation
import XCTest

/// Lesson files and names a careless or hostile author may leave in the course folder.
final class LessonFilesTests: XCTestCase {
    func testLinksPipesAndNamesTheSiteNeedsAreRefusedAndTheRestRenders() throws {
        let dir = try LecternProcess.scratch("names")
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = dir.appendingPathComponent("course")
        try LecternProcess.write("# Fine\n\n```experiment\nprint(1)\n```\n", to: course.appendingPathComponent("fine.md"))
        try FileManager.default.createSymbolicLink(atPath: course.appendingPathComponent("passwd.md").path, withDestinationPath: "/etc/passwd")
        XCTAssertEqual(mkfifo(course.appendingPathComponent("pipe.md").path, 0o644), 0)
        for name in ["index.md", "style.css.md", "x.record.json.md"] {
            try LecternProcess.write("# Clash\n", to: course.appendingPathComponent(name))
        }
        try LecternProcess.write("# \n\nNo title.\n", to: course.appendingPathComponent("untitled.md"))
        try LecternProcess.write("# Upper\n", to: course.appendingPathComponent("UPPER.MD"))
        try LecternProcess.write("# Odd name\n\n```experiment id=p\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\n```\n",
                                 to: course.appendingPathComponent("my lesson #1?.md"))

        let r = try LecternProcess.run(["render", "course", "-o", "out"], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("passwd.md: error: passwd.md is a symbolic link"), r.stderr)
        XCTAssertTrue(r.stderr.contains("pipe.md: error: pipe.md is not a regular file"), r.stderr)
        for stem in ["index", "style.css", "x.record.json"] {
            XCTAssertTrue(r.stderr.contains("\(stem).md would overwrite the site's own files"), r.stderr)
        }
        let out = dir.appendingPathComponent("out")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("passwd.html").path), "a link is never published")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("my%20lesson%20%231%3F.html"), index)
        XCTAssertTrue(index.contains(">untitled.md<"), "a lesson with an empty heading is listed by its file name: \(index)")
        XCTAssertTrue(index.contains("UPPER.html"), ".MD lessons are found")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("my lesson #1?.html").path))
        let page = try String(contentsOf: out.appendingPathComponent("my lesson #1?.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("src=\"my%20lesson%20%231%3F/p-1.png\""), "figure paths are percent-encoded too")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("my lesson #1?/p-1.png").path))
    }

    func testRunOfAFolderWithoutLessonsFails() throws {
        let dir = try LecternProcess.scratch("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try LecternProcess.run(["run", "course"], in: dir)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no lessons (.md files) in course"), r.stderr)
    }
}
