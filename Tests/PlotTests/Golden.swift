import Foundation
import XCTest
@testable import Plot

/// Golden images: each figure is compared pixel by pixel (a small tolerance per channel and a
/// few differing pixels allowed) with a reference PNG in Fixtures. LECTERN_RECORD_GOLDEN=1
/// re-records the references in the source tree (look at them before committing); on a failure
/// the actual image and a diff (differing pixels red over a faded reference) are written to a
/// temporary folder named in the message.
enum Golden {
    static func assertMatches(_ figure: Figure, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let png = try figure.renderPNG(scale: 2)
        if ProcessInfo.processInfo.environment["LECTERN_RECORD_GOLDEN"] == "1" {
            let target = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Fixtures/\(name).png")
            try Data(png).write(to: target)
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "png", subdirectory: "Fixtures") else {
            return XCTFail("golden image \(name).png missing: record it with LECTERN_RECORD_GOLDEN=1", file: file, line: line)
        }
        let expected = try Pixels(png: [UInt8](try Data(contentsOf: url)))
        let actual = try Pixels(png: png)
        guard expected.width == actual.width, expected.height == actual.height else {
            return XCTFail("\(name): size \(actual.width)x\(actual.height), golden \(expected.width)x\(expected.height)", file: file, line: line)
        }
        var differing: [Int] = []
        for i in 0..<expected.rgb.count {
            let e = expected.rgb[i], g = actual.rgb[i]
            if abs(e.0 - g.0) > 8 || abs(e.1 - g.1) > 8 || abs(e.2 - g.2) > 8 { differing.append(i) }
        }
        guard differing.count > 50 else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(png).write(to: dir.appendingPathComponent("\(name)-actual.png"))
        let diff = try GDCanvas(width: expected.width, height: expected.height)
        for i in 0..<expected.rgb.count {
            let e = expected.rgb[i]
            let faded = UInt8(200 + (e.0 + e.1 + e.2) / 3 * 55 / 255)
            diff.setPixel(i % expected.width, i / expected.width, r: faded, g: faded, b: faded)
        }
        for i in differing { diff.setPixel(i % expected.width, i / expected.width, r: 255, g: 0, b: 0) }
        try Data(try diff.png()).write(to: dir.appendingPathComponent("\(name)-diff.png"))
        XCTFail("\(name): \(differing.count) pixels differ from the golden image; actual and diff in \(dir.path)", file: file, line: line)
    }
}
