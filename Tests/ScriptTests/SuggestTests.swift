import XCTest
import Script

/// The one "did you mean" rule every message uses.
final class SuggestTests: XCTestCase {
    func testTheClosestCandidateWithinTheLimit() {
        XCTAssertEqual(Suggest.closest(to: "modle", in: ["mode", "model"]), "mode", "fewest edits wins")
        XCTAssertEqual(Suggest.closest(to: "lerning_rate", in: ["learning_rate", "epsilon"]), "learning_rate")
        XCTAssertEqual(Suggest.distance("modle", "model"), 1, "an adjacent swap is one edit")
        XCTAssertEqual(Suggest.closest(to: "Timeout", in: ["timeout"]), "timeout", "case is ignored")
        XCTAssertNil(Suggest.closest(to: "xyz", in: ["abc"]), "short words allow one edit")
        XCTAssertEqual(Suggest.closest(to: "ab", in: ["ac", "ad"]), "ac", "the first of equals")
        XCTAssertNil(Suggest.closest(to: "timeout", in: ["timeout"]), "the word itself is no suggestion")
        XCTAssertNil(Suggest.closest(to: String(repeating: "a", count: 100_000), in: ["a"]), "a huge word costs nothing")
    }
}
