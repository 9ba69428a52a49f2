import Foundation
import XCTest
import Engine

/// Times the first lesson's 4000-epoch fit. Meaningful in release builds:
/// `swift test -c release --filter MoonsBenchmarkTests`.
final class MoonsBenchmarkTests: XCTestCase {
    func testMoonsFitTiming() throws {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try MoonsExperiment.run()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        print(String(format: "moons fit, 4000 epochs: median %.3f s (min %.3f, max %.3f)", times[2], times[0], times[4]))
    }
}
