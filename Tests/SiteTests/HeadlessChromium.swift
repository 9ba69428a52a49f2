import Foundation
import XCTest

/// Debian's Chromium, headless, as the browser tests drive it: a page in, the DOM or a
/// screenshot out. Tests skip where it is not installed (`make test` installs it).
enum HeadlessChromium {
    static func run(_ args: [String], extraFlags: [String] = []) throws -> Data {
        guard let exe = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("headless Chromium is not installed (make test installs it)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + extraFlags + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }
}
