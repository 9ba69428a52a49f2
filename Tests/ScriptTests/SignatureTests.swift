import XCTest
@testable import Script

/// Signatures declared in Python's notation bind arguments by Python's rules.
final class SignatureTests: XCTestCase {
    func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let e as ScriptError {
            return "\(e.kind): \(e.message)"
        } catch {
            return "\(error)"
        }
    }

    func testDeclarationsReadAsPythonWritesThem() {
        let s = Signature("f", "a, b=2, /, c=None, *rest, d=(1, 'x'), !e=-0.5, **kw")
        XCTAssertEqual(s.parameters.map(\.name), ["a", "b", "c", "rest", "d", "e", "kw"])
        XCTAssertEqual(s.parameters.map(\.kind), [.positionalOnly, .positionalOnly, .positionalOrKeyword, .varPositional,
                                                   .keywordOnly, .keywordOnly, .varKeyword])
        XCTAssertEqual(s.parameters.map(\.defaultValue), [nil, .int(2), Signature.Literal.none, nil, .tuple([.int(1), .string("x")]), .float(-0.5), nil])
        XCTAssertEqual(s.parameters.map(\.unsupported), [false, false, false, false, false, true, false])
    }

    func testArgumentsBindPositionallyThenByKeywordWithDefaults() throws {
        let s = Signature("f", "a, b=2, /, c=None, *rest, d=4, **kw")
        let bound = try s.bind(Arguments([.int(1), .int(5), .int(6), .int(7), .int(8)], keywords: [("d", .int(9)), ("zz", .int(0))]))
        XCTAssertEqual(bound["a"].debugInt, 1)
        XCTAssertEqual(bound["b"].debugInt, 5)
        XCTAssertEqual(bound["c"].debugInt, 6)
        XCTAssertEqual(bound.extraPositional.map(\.debugInt), [7, 8])
        XCTAssertEqual(bound["d"].debugInt, 9)
        XCTAssertEqual(bound.extraKeywords.map(\.name), ["zz"])
        let defaults = try s.bind(Arguments([.int(1)]))
        XCTAssertEqual(defaults["b"].debugInt, 2)
        XCTAssertFalse(defaults.given("b"))
        XCTAssertNil(defaults.optional("c"))
        XCTAssertEqual(message { _ = try s.bind(Arguments([], keywords: [("a", .int(1))])) },
                       "TypeError: f() missing required argument: 'a'", "a positional-only parameter is not a keyword")
        XCTAssertEqual(message { _ = try s.bind(Arguments([.int(1)], keywords: [("c", .int(1)), ("c", .int(2))])) },
                       "TypeError: f() got multiple values for argument 'c'")
        let closed = Signature("g", "a, b=1")
        XCTAssertEqual(message { _ = try closed.bind(Arguments([.int(1), .int(2), .int(3)])) },
                       "TypeError: g() takes 2 positional arguments but 3 were given")
    }

    func testUnknownKeywordsRaiseWhatEachLibraryRaisesWithASuggestion() {
        let python = Signature("load_digits", "*, n_class=10, return_X_y=False")
        XCTAssertEqual(message { _ = try python.bind(Arguments([], keywords: [("return_xy", .bool(true))])) },
                       "TypeError: load_digits() got an unexpected keyword argument 'return_xy'; did you mean 'return_X_y'?")
        let layer = Signature("Dense", "units, activation=None", rejection: .kerasLayer)
        XCTAssertEqual(message { _ = try layer.bind(Arguments([.int(3)], keywords: [("foo", .int(1))])) },
                       "ValueError: Unrecognized keyword arguments passed to Dense: {'foo': 1}")
        let optimizer = Signature("Adam", "learning_rate=0.001", rejection: .kerasOptimizer, aliases: ["lr": "learning_rate"])
        XCTAssertEqual(message { _ = try optimizer.bind(Arguments([], keywords: [("foo", .int(1)), ("learning_rat", .int(2))])) },
                       "ValueError: Argument(s) not recognized: {'foo': 1, 'learning_rat': 2}")
        XCTAssertEqual(try optimizer.bind(Arguments([], keywords: [("lr", .float(0.5))]))["learning_rate"].debugDouble, 0.5,
                       "Keras 2's lr reads as learning_rate")
    }

    func testAnUnsupportedParameterIsRefusedByNameUnlessGivenItsDefault() throws {
        let s = Signature("Adam", "learning_rate=0.001, !use_ema=False, !ema_momentum=0.99")
        XCTAssertNoThrow(try s.bind(Arguments([], keywords: [("use_ema", .bool(false)), ("ema_momentum", .float(0.99))])))
        XCTAssertEqual(message { _ = try s.bind(Arguments([], keywords: [("use_ema", .bool(true))])) },
                       "NotImplementedError: Adam: use_ema is not supported yet")
    }
}

private extension Value {
    var debugInt: Int? { if case .int(let i) = self { i } else { nil } }
    var debugDouble: Double? { if case .float(let d) = self { d } else { nil } }
}
