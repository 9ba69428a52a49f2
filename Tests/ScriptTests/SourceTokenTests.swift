import XCTest
@testable import Script

/// The lexer's tolerant mode, which the site's highlighter reads code with.
final class SourceTokenTests: XCTestCase {
    func kinds(_ source: String) -> [String] {
        let chars = Array(source)
        return SourceToken.scan(source).map { "\($0.kind):\(String(chars[$0.range]))" }
    }

    func testValidCodeScansIntoPiecesWithTheirRangesAndComments() {
        XCTAssertEqual(kinds("if x: # note\n    y = f'a{b}' + 1.5e-3\n"), [
            "keyword:if", "name:x", "operator::", "comment:# note",
            "name:y", "operator:=", "string:f'a{b}'", "operator:+", "number:1.5e-3",
        ])
    }

    func testBrokenCodeScansWithoutThrowingAndMarksWhatItCannotRead() {
        XCTAssertEqual(kinds("s = 'open\nx = 1"), ["name:s", "operator:=", "invalid:'open", "name:x", "operator:=", "number:1"])
        XCTAssertEqual(kinds("a $ b"), ["name:a", "invalid:$", "name:b"])
        XCTAssertEqual(kinds("if x:\n    y\n  z\n"), ["keyword:if", "name:x", "operator::", "name:y", "name:z"])
        for bad in ["\"\"\"never closed", "0x", "a \\ b", "(((", "3j", "b'x'", "\\", "'\\", "1e", "€ = 1", ""] {
            let pieces = SourceToken.scan(bad)
            // Pieces are in order, inside the source, and never overlap.
            var end = 0
            for p in pieces {
                XCTAssertGreaterThanOrEqual(p.range.lowerBound, end, bad)
                end = p.range.upperBound
            }
            XCTAssertLessThanOrEqual(end, bad.count, bad)
        }
    }

    func testTheParserStillRejectsWhatTheTolerantModeAccepts() {
        XCTAssertThrowsError(try Parser.parse("s = 'open\n", file: "l.md", firstLine: 1, column: 1))
        XCTAssertThrowsError(try Parser.parse("x = 3j\n", file: "l.md", firstLine: 1, column: 1))
    }
}
