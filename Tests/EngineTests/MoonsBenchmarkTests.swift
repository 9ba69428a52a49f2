import Foundation
import XCTest
import Engine

/// Times the first lesson's 4000-epoch fit. Meaningful in release builds:
/// `swift test -c release --filter MoonsBenchmarkTests`.
final class MoonsBenchmarkTests: XCTestCase {
    static var isOptimized: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }

    func testMoonsFitTiming() throws {
        try XCTSkipUnless(Self.isOptimized, "timing is only meaningful in release: swift test -c release --filter MoonsBenchmarkTests")
        var times: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            let (_, history) = try MoonsExperiment.run()
            if times.isEmpty {
                print("accuracy \(history["accuracy"]?.last ?? 0), val_accuracy \(history["val_accuracy"]?.last ?? 0), val_loss \(history["val_loss"]?.last ?? 0)")
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        print(String(format: "moons fit, 4000 epochs: median %.3f s (min %.3f, max %.3f)", times[2], times[0], times[4]))
    }
}
