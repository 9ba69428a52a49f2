import CGD
import Foundation

/// A decoded PNG (through libgd) for reading screenshot pixels in tests.
struct PNGPixels {
    let width: Int
    let height: Int
    private let pixels: [Int32]

    struct DecodeError: Error {}

    init(_ data: Data) throws {
        var bytes = [UInt8](data)
        guard let im = bytes.withUnsafeMutableBytes({ gdImageCreateFromPngPtr(Int32($0.count), $0.baseAddress) }) else {
            throw DecodeError()
        }
        defer { gdImageDestroy(im) }
        width = Int(lectern_gdImageSX(im))
        height = Int(lectern_gdImageSY(im))
        var px = [Int32](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width { px[y * width + x] = lectern_gdImageGetTrueColorPixel(im, Int32(x), Int32(y)) }
        }
        pixels = px
    }

    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let c = pixels[y * width + x]
        return (Int(lectern_gdTrueColorGetRed(c)), Int(lectern_gdTrueColorGetGreen(c)), Int(lectern_gdTrueColorGetBlue(c)))
    }
}
