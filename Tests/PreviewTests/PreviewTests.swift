import Foundation
import XCTest

/// `lectern preview` end to end: the real binary, real HTTP on 127.0.0.1, real edits on disk.
final class PreviewTests: XCTestCase {
    static func lesson(_ title: String, prose: String, code: String = "x = 3\nprint(x * 2)") -> String {
        "# \(title)\n\n\(prose)\n\n```experiment id=main\n\(code)\n```\n"
    }

    /// A course of two small lessons, and a preview of it.
    func startPreview(_ name: String) throws -> PreviewProcess {
        let dir = try PreviewProcess.scratch(name)
        try PreviewProcess.write(Self.lesson("One", prose: "The first lesson has prose."), to: dir.appendingPathComponent("course/01-one.md"))
        try PreviewProcess.write(Self.lesson("Two", prose: "The second lesson has prose."), to: dir.appendingPathComponent("course/02-two.md"))
        let preview = try PreviewProcess(in: dir)
        addTeardownBlock {
            preview.stop()
            try? FileManager.default.removeItem(at: dir)
        }
        return preview
    }

    func testEditingALessonsProseReloadsTheOpenPageWithTheNewProse() throws {
        let preview = try startPreview("reload")
        let http = RawHTTP(port: preview.port)
        XCTAssertNotEqual(preview.port, 0, preview.output)

        let index = try http.get("/")
        XCTAssertEqual(index.status, 200)
        XCTAssertEqual(index.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(index.body.contains("01-one.html") && index.body.contains("02-two.html"), index.body)
        XCTAssertTrue(index.body.contains("new EventSource(\"/__lectern/events\")"), "the index gets the script too")

        let page = try http.get("/01-one.html")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("The first lesson has prose."))
        let script = try XCTUnwrap(page.body.range(of: "new EventSource(\"/__lectern/events\")"), page.body)
        let bodyEnd = try XCTUnwrap(page.body.range(of: "</body>", options: .backwards))
        XCTAssertLessThan(script.upperBound, bodyEnd.lowerBound, "the script sits before </body>")
        XCTAssertEqual(page.headers["content-length"], String(page.body.utf8.count), "the length counts the script")

        XCTAssertEqual(try http.get("/style.css").headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(try http.get("/01-one.record.json").headers["content-type"], "application/json")
        XCTAssertEqual(try http.get("/missing.html").status, 404)

        let events = try EventStreamReader(port: preview.port)
        XCTAssertTrue(events.waitFor(": connected", timeout: 5), events.text)
        XCTAssertTrue(events.text.lowercased().contains("content-type: text/event-stream"), events.text)

        try PreviewProcess.write(Self.lesson("One", prose: "Prose rewritten while the page was open."),
                                 to: preview.dir.appendingPathComponent("course/01-one.md"))
        let edited = ContinuousClock.now
        XCTAssertTrue(events.waitFor("event: reload", timeout: 2), "no reload within 2 s: \(events.text)\n\(preview.output)")
        let elapsed = ContinuousClock.now - edited
        print("edit to reload event: \(elapsed.components.attoseconds / 1_000_000_000_000_000 + elapsed.components.seconds * 1000) ms")
        let reloaded = try http.get("/01-one.html")
        XCTAssertTrue(reloaded.body.contains("Prose rewritten while the page was open."), reloaded.body)
        XCTAssertFalse(reloaded.body.contains("The first lesson has prose."))

        // A second edit reloads again, on the same stream.
        try PreviewProcess.write(Self.lesson("Two", prose: "Second lesson, edited."), to: preview.dir.appendingPathComponent("course/02-two.md"))
        XCTAssertTrue(events.waitFor("event: reload", timeout: 2), events.text)
        XCTAssertTrue(try http.get("/02-two.html").body.contains("Second lesson, edited."))
        XCTAssertTrue(preview.output.contains("02-two.md changed"), preview.output)
    }

    func testNothingOutsideTheOutputFolderIsServed() throws {
        let preview = try startPreview("escape")
        let http = RawHTTP(port: preview.port)
        for target in ["/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/a/../../etc/passwd"] {
            let r = try http.get(target)
            XCTAssertEqual(r.status, 403, target)
            XCTAssertFalse(r.body.contains("root:"), target)
        }
        // Links that leave the folder: to a folder and to a file outside it.
        let out = preview.dir.appendingPathComponent("out")
        let secret = preview.dir.appendingPathComponent("secret.html")
        try PreviewProcess.write("<p>not for the browser</p>", to: secret)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("leak.html").path, withDestinationPath: secret.path)
        for target in ["/etc/passwd", "/leak.html"] {
            let r = try http.get(target)
            XCTAssertEqual(r.status, 403, target)
            XCTAssertFalse(r.body.contains("root:") || r.body.contains("not for the browser"), target)
        }
        // A link that stays inside is served; Lectern's own bookkeeping is not.
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("alias.html").path, withDestinationPath: "01-one.html")
        XCTAssertEqual(try http.get("/alias.html").status, 200)
        XCTAssertEqual(try http.get("/.lectern/lock").status, 404)
        XCTAssertEqual(try http.get("/01-one.html", method: "POST").status, 405)
    }

    func testInterruptStopsTheServerAndTheRenderUnderWayWithStatusZero() throws {
        let preview = try startPreview("interrupt")
        let events = try EventStreamReader(port: preview.port)
        XCTAssertTrue(events.waitFor(": connected", timeout: 5))
        // A lesson that runs for a long while, so a render and its lesson process are running
        // when the interrupt comes.
        try PreviewProcess.write(Self.lesson("Two", prose: "Slow now.", code: "total = 0\nfor i in range(100000000):\n    total += i\nprint(total)"),
                                 to: preview.dir.appendingPathComponent("course/02-two.md"))
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !preview.processesLeft().contains(where: { $0.contains(" _child ") }) { usleep(20_000) }
        let running = preview.processesLeft()
        XCTAssertTrue(running.contains { $0.contains(" _child ") }, "the slow lesson is running: \(running)\n\(preview.output)")
        XCTAssertTrue(running.contains { $0.contains(" render ") }, "\(running)")

        XCTAssertTrue(preview.interrupt(timeout: 15), "the preview ends after SIGINT")
        XCTAssertEqual(preview.process.terminationReason, .exit)
        XCTAssertEqual(preview.process.terminationStatus, 0, preview.output)
        XCTAssertEqual(preview.processesLeft(), [], "no render or lesson process is left")
        XCTAssertTrue(preview.output.contains("preview: stopped"), preview.output)
        XCTAssertTrue(events.waitForClose(timeout: 1), "an open page's event stream is ended, not left hanging")
        XCTAssertTrue(events.text.hasSuffix("0\r\n\r\n"), "the stream ends as a chunked body should: \(events.text.debugDescription)")
        XCTAssertThrowsError(try RawHTTP(port: preview.port).get("/"), "the server is closed")
    }

    func testAFailingRenderStillServesTheSiteAndPrintsWhatItSaid() throws {
        let preview = try startPreview("failing")
        let events = try EventStreamReader(port: preview.port)
        XCTAssertTrue(events.waitFor(": connected", timeout: 5))
        try PreviewProcess.write(Self.lesson("One", prose: "Now with a mistake.", code: "print(undefined_name)"),
                                 to: preview.dir.appendingPathComponent("course/01-one.md"))
        XCTAssertTrue(events.waitFor("event: reload", timeout: 30), preview.output)
        XCTAssertNotNil(preview.waitForOutput(containing: "the render exited with status 1 after", timeout: 5), preview.output)
        // The render's own lines are printed: the lesson and where its error is.
        let afterEdit = try XCTUnwrap(preview.output.components(separatedBy: "01-one.md changed; rendering").last)
        XCTAssertTrue(afterEdit.contains("01-one.md:") && afterEdit.contains(": error:"), preview.output)
        let page = try RawHTTP(port: preview.port).get("/01-one.html")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("Now with a mistake."), page.body)
        XCTAssertTrue(page.body.contains("class=\"output error\""), "the error is on the page: \(page.body)")
    }

    func testATakenPortIsReportedBeforeAnyRender() throws {
        let dir = try PreviewProcess.scratch("taken")
        defer { try? FileManager.default.removeItem(at: dir) }
        try PreviewProcess.write(Self.lesson("One", prose: "Prose."), to: dir.appendingPathComponent("course/01-one.md"))
        // Hold a port on 127.0.0.1.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        let port = UInt16(bigEndian: address.sin_port)

        let p = Process()
        p.executableURL = PreviewProcess.binary
        p.arguments = ["preview", "course", "-o", "out", "--port", String(port)]
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1)
        XCTAssertTrue(message.contains("cannot serve on 127.0.0.1:\(port): Address already in use"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/01-one.html").path), "nothing was rendered")
    }
}
