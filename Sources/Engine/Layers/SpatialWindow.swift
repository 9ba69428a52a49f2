/// Keras' `padding` argument of convolution and pooling layers.
public enum WindowPadding: String, Codable, Sendable, Equatable {
    /// No padding: windows stay inside the input, so the output shrinks.
    case valid
    /// Zero padding (ignored by pooling) so that output size = ⌈input / stride⌉.
    case same

    /// Reads Keras' spelling ('valid', 'same', in any case).
    public static func named(_ text: String) throws -> WindowPadding {
        guard let padding = WindowPadding(rawValue: text.lowercased()) else {
            throw EngineError("The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: \(text)")
        }
        return padding
    }
}

/// A pair of sizes along height and width, as Keras' `kernel_size=(3, 5)` or `strides=2`.
public struct GridSize: Codable, Sendable, Equatable, CustomStringConvertible {
    public var height: Int
    public var width: Int

    public init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    /// Checks that both sizes are positive (and small enough that products of two stay exact),
    /// with Keras' message naming the argument.
    public static func positive(_ values: [Int], argument: String) throws -> GridSize {
        let pair = values.count == 1 ? [values[0], values[0]] : values
        guard pair.count == 2 else {
            throw EngineError("The `\(argument)` argument must be a tuple of 2 integers. Received \(argument)=\(values)")
        }
        guard pair.allSatisfy({ $0 > 0 && $0 <= Int(Int32.max) }) else {
            let bad = Set(values.filter { $0 <= 0 || $0 > Int(Int32.max) }).sorted()
            let shown = values.count == 1 ? "\(values[0])" : "(" + values.map(String.init).joined(separator: ", ") + ")"
            throw EngineError("The `\(argument)` argument must be a tuple of 2 integers. Received \(argument)=\(shown), including values {\(bad.map(String.init).joined(separator: ", "))} that do not satisfy `value > 0`")
        }
        return GridSize(pair[0], pair[1])
    }

    public var description: String { "(\(height), \(width))" }
}

/// Where a sliding window (a convolution kernel or a pooling window) lands on a
/// height × width × channels input, computed as TensorFlow computes it.
///
/// 'valid' keeps every window inside the input; 'same' gives ⌈input / stride⌉
/// outputs and pads the total shortfall with the smaller half before the input
/// (top, left) and the larger half after it.
struct SpatialWindow: Equatable {
    let inputHeight: Int
    let inputWidth: Int
    let channels: Int
    let window: GridSize
    let strides: GridSize
    let dilation: GridSize
    let outputHeight: Int
    let outputWidth: Int
    let padTop: Int
    let padLeft: Int

    /// nil when the output would be empty (the window is larger than a 'valid' input).
    init?(input: [Int], window: GridSize, strides: GridSize, dilation: GridSize = GridSize(1, 1), padding: WindowPadding) {
        guard input.count == 3 else { return nil }
        inputHeight = input[0]
        inputWidth = input[1]
        channels = input[2]
        self.window = window
        self.strides = strides
        self.dilation = dilation
        let rows = Self.axis(input: input[0], window: window.height, stride: strides.height, dilation: dilation.height, padding: padding)
        let cols = Self.axis(input: input[1], window: window.width, stride: strides.width, dilation: dilation.width, padding: padding)
        guard rows.count > 0, cols.count > 0 else { return nil }
        outputHeight = rows.count
        outputWidth = cols.count
        padTop = rows.padBefore
        padLeft = cols.padBefore
    }

    /// Output positions and padding before the input along one axis. Sizes are below 2³¹
    /// (checked by `GridSize.positive` and the input's shape), so no product overflows.
    static func axis(input: Int, window: Int, stride: Int, dilation: Int, padding: WindowPadding) -> (count: Int, padBefore: Int) {
        let extent = (window - 1) * dilation + 1
        switch padding {
        case .valid:
            return input < extent ? (0, 0) : ((input - extent) / stride + 1, 0)
        case .same:
            let count = (input + stride - 1) / stride
            let total = max((count - 1) * stride + extent - input, 0)
            return (count, total / 2)
        }
    }

    var outputShape: [Int] { [outputHeight, outputWidth, channels] }
    var inputCount: Int { inputHeight * inputWidth * channels }
    var outputPositions: Int { outputHeight * outputWidth }

    /// The input row of window row `k` for output row `o` (may fall outside 0..<inputHeight).
    @inline(__always) func inputRow(_ o: Int, _ k: Int) -> Int { o * strides.height - padTop + k * dilation.height }
    /// The input column of window column `k` for output column `o`.
    @inline(__always) func inputColumn(_ o: Int, _ k: Int) -> Int { o * strides.width - padLeft + k * dilation.width }

    /// The window rows that land inside the input for output row `o` (for undilated windows).
    func insideRows(_ o: Int) -> Range<Int> {
        Self.inside(start: o * strides.height - padTop, window: window.height, input: inputHeight)
    }

    /// The window columns that land inside the input for output column `o` (for undilated windows).
    func insideColumns(_ o: Int) -> Range<Int> {
        Self.inside(start: o * strides.width - padLeft, window: window.width, input: inputWidth)
    }

    private static func inside(start: Int, window: Int, input: Int) -> Range<Int> {
        let low = max(0, -start)
        return low..<max(low, min(window, input - start))
    }
}

extension EngineLimits {
    /// Checks a per-sample shape of activations (an input, output or workspace of an image
    /// layer): no overflow, and `copies` float buffers of that size fit in the lesson's memory
    /// for one sample. Returns the number of values in the shape.
    static func checkActivations(_ shape: [Int], copies: Int = 1, layer: String) throws -> Int {
        var count = 1
        var overflow = shape.contains { $0 < 0 || $0 > Int(Int32.max) }
        for d in shape {
            let (c, o) = count.multipliedReportingOverflow(by: max(d, 0))
            overflow = overflow || o
            count = c
        }
        let (bytes, o) = count.multipliedReportingOverflow(by: 4 * max(copies, 1))
        if overflow || o || bytes > maxBytes {
            var e = EngineError("\(layer): activations of shape \(ShapeText.batched(shape)) need more memory than the lesson's limit allows (lectern --memory-limit)")
            e.isMemory = true
            throw e
        }
        return count
    }

    /// Keras' error for an input of the wrong rank.
    static func expectImage(_ inputShape: [Int], layer: String) throws {
        guard inputShape.count == 3, inputShape.allSatisfy({ $0 > 0 }) else {
            throw EngineError("Input 0 of layer '\(layer)' is incompatible with the layer: expected ndim=4, found ndim=\(inputShape.count + 1). Full shape received: \(ShapeText.batched(inputShape))")
        }
        _ = try checkActivations(inputShape, layer: layer)
    }
}

/// A growable block of indices (a max-pooling layer's winners), reused across batches
/// as `FloatBuffer` is.
final class IndexBuffer {
    private(set) var capacity = 0
    private(set) var pointer = UnsafeMutablePointer<Int>.allocate(capacity: 1)

    init() { pointer.initialize(to: 0) }
    deinit { pointer.deallocate() }

    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
        capacity = count
    }
}
