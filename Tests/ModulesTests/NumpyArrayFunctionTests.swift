import XCTest

/// `np.roll`, `flip`, `rot90`, `tile`, `repeat`, `pad`, `sort`, `argsort`, `tensordot`,
/// `einsum`, `polyfit` and `polyval` against NumPy's results and errors.
final class NumpyArrayFunctionTests: XCTestCase {
    func testRearrangementsGiveNumPysArraysAndErrors() {
        NumpyFixtureHarness.check(NumpyShapeFixtures.cases, tolerance: NumpyShapeFixtures.tolerance)
    }

    func testSortAndArgsortWorkAlongAnAxisAsNumPyDoes() {
        NumpyFixtureHarness.check(NumpySortFixtures.cases, tolerance: NumpySortFixtures.tolerance)
    }

    func testTensordotAndEinsumGiveNumPysSums() {
        NumpyFixtureHarness.check(NumpyContractionFixtures.cases, tolerance: NumpyContractionFixtures.tolerance)
    }

    func testPolyfitAndPolyvalGiveNumPysCoefficients() {
        NumpyFixtureHarness.check(NumpyPolynomialFixtures.cases, tolerance: NumpyPolynomialFixtures.tolerance)
    }
}
