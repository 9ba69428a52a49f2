/// The "im2col" packing that turns a convolution into one matrix product.
///
/// Each output position of each sample becomes a row holding the input values
/// its kernel window covers, in the kernel's (row, column, channel) order, so
/// that rows · kernel[(kh·kw·channels) × filters] are the convolution's outputs.
/// Window cells over the padding hold zeros. `scatterAdd` is the reverse
/// ("col2im"): it sums each row's gradients back onto the input cells they came from.
enum ImageColumns {
    /// Writes `batch` samples' windows as rows of `geometry.window.height · width · channels` values.
    static func pack(_ input: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>, batch: Int, geometry g: SpatialWindow) {
        let channels = g.channels
        let rowLength = g.window.height * g.window.width * channels
        let rowStride = g.inputWidth * channels
        var row = columns
        for sample in 0..<batch {
            let image = input + sample * g.inputCount
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    var cell = row
                    for ky in 0..<g.window.height {
                        let iy = g.inputRow(oy, ky)
                        guard iy >= 0 && iy < g.inputHeight else {
                            // The whole kernel row lies in the padding.
                            cell.update(repeating: 0, count: g.window.width * channels)
                            cell += g.window.width * channels
                            continue
                        }
                        let line = image + iy * rowStride
                        for kx in 0..<g.window.width {
                            let ix = g.inputColumn(ox, kx)
                            if ix >= 0 && ix < g.inputWidth {
                                if channels == 1 { cell.pointee = line[ix] } else { cell.update(from: line + ix * channels, count: channels) }
                            } else {
                                cell.update(repeating: 0, count: channels)
                            }
                            cell += channels
                        }
                    }
                    row += rowLength
                }
            }
        }
    }

    /// Sets `gradient` (the input's shape) to the sum, over every window that covered a
    /// cell, of that window row's value for the cell.
    static func scatterAdd(_ columns: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>, batch: Int, geometry g: SpatialWindow) {
        let channels = g.channels
        let rowLength = g.window.height * g.window.width * channels
        let rowStride = g.inputWidth * channels
        gradient.update(repeating: 0, count: batch * g.inputCount)
        var row = columns
        for sample in 0..<batch {
            let image = gradient + sample * g.inputCount
            for oy in 0..<g.outputHeight {
                for ox in 0..<g.outputWidth {
                    var cell = row
                    for ky in 0..<g.window.height {
                        let iy = g.inputRow(oy, ky)
                        guard iy >= 0 && iy < g.inputHeight else {
                            cell += g.window.width * channels
                            continue
                        }
                        let line = image + iy * rowStride
                        for kx in 0..<g.window.width {
                            let ix = g.inputColumn(ox, kx)
                            if ix >= 0 && ix < g.inputWidth {
                                let target = line + ix * channels
                                for c in 0..<channels { target[c] += cell[c] }
                            }
                            cell += channels
                        }
                    }
                    row += rowLength
                }
            }
        }
    }
}
