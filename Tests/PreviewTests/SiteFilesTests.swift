import Foundation
import Preview
import XCTest

/// The pieces of the preview that need no server: which paths map to files, and the script.
final class SiteFilesTests: XCTestCase {
    func testPathsResolveInsideTheFolderOnly() throws {
        let base = try PreviewProcess.scratch("files")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        try PreviewProcess.write("<p>page</p>", to: out.appendingPathComponent("a b.html"))
        try PreviewProcess.write("<p>index</p>", to: out.appendingPathComponent("index.html"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("fig"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("up").path, withDestinationPath: "..")
        let files = SiteFiles(folder: out)

        XCTAssertEqual(files.resolve(rawPath: "/"), .file(out.appendingPathComponent("index.html")))
        XCTAssertEqual(files.resolve(rawPath: "/a%20b.html"), .file(out.appendingPathComponent("a b.html")))
        XCTAssertEqual(files.resolve(rawPath: "/./a%20b.html"), .file(out.appendingPathComponent("a b.html")))
        XCTAssertEqual(files.resolve(rawPath: "/fig/"), .notFound, "a folder without index.html")
        XCTAssertEqual(files.resolve(rawPath: "/missing.png"), .notFound)
        XCTAssertEqual(files.resolve(rawPath: "/.lectern/lock"), .notFound)
        for escape in ["/../out/index.html", "/fig/../../x", "/%2E%2E/x", "/..%2Fx", "/a%00.html", "/up/secret", "/up"] {
            guard case .forbidden = files.resolve(rawPath: escape) else { return XCTFail("\(escape) must be refused") }
        }
    }

    func testContentTypesFollowTheExtension() {
        let expected = ["x.html": "text/html; charset=utf-8", "style.css": "text/css; charset=utf-8",
                        "search.js": "text/javascript; charset=utf-8", "a/fig-1.png": "image/png",
                        "x.record.json": "application/json", "x.ipynb": "application/x-ipynb+json",
                        "logo.svg": "image/svg+xml", "data.bin": "application/octet-stream"]
        for (name, type) in expected {
            XCTAssertEqual(SiteFiles.contentType(for: URL(fileURLWithPath: "/site/" + name)), type, name)
        }
    }

    func testTheScriptGoesBeforeTheLastClosingBodyInAnyCase() {
        let page = Data("<html><body><pre>&lt;/body&gt;</pre><p>x</p></BODY></html>".utf8)
        let out = String(decoding: ReloadScript.inject(into: page), as: UTF8.self)
        XCTAssertTrue(out.hasSuffix(ReloadScript.tag + "</BODY></html>"), out)
        XCTAssertEqual(out.components(separatedBy: "EventSource(").count, 2)
        let fragment = String(decoding: ReloadScript.inject(into: Data("<p>no body</p>".utf8)), as: UTF8.self)
        XCTAssertEqual(fragment, "<p>no body</p>" + ReloadScript.tag)
    }
}
