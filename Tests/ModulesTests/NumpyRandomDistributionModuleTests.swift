import XCTest

/// `np.random.gamma`, `beta`, `dirichlet`, `binomial`, `poisson`, ... as lessons call them:
/// seeded draws, broadcasting parameters, `size`, scalar results and NumPy's errors.
final class NumpyRandomDistributionModuleTests: XCTestCase {
    func testDistributionSnippetsGiveNumPysValuesAndErrors() {
        NumpyFixtureHarness.check(NumpyRandomFixtures.cases, tolerance: NumpyRandomFixtures.tolerance)
    }
}
