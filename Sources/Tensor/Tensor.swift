/// A dense float32 array in row-major order with value semantics.
///
/// The engine treats the first axis as the batch axis: `rows` is the number of
/// samples and `cols` the number of features per sample (all other axes flattened).
public struct Tensor: Equatable, Sendable {
    public var shape: [Int]
    public var data: [Float]

    /// Wraps `data` as an array of the given shape. The caller promises that
    /// `data.count` equals the product of `shape`; `isConsistent` checks it.
    public init(shape: [Int], data: [Float]) {
        self.shape = shape
        self.data = data
    }

    /// A tensor of the given shape filled with zeros.
    public init(zeros shape: [Int]) {
        self.shape = shape
        self.data = [Float](repeating: 0, count: Tensor.elementCount(of: shape))
    }

    /// Number of elements (the product of the shape).
    public var count: Int { data.count }

    /// Size of the first axis; 1 for a scalar (empty shape).
    public var rows: Int { shape.first ?? 1 }

    /// Product of every axis after the first.
    public var cols: Int { Tensor.elementCount(of: shape.dropFirst()) }

    /// True when the shape describes exactly as many elements as `data` holds.
    public var isConsistent: Bool {
        shape.allSatisfy { $0 >= 0 } && Tensor.elementCount(of: shape) == data.count
    }

    /// Product of the sizes in `shape` (1 for an empty shape).
    public static func elementCount<S: Sequence>(of shape: S) -> Int where S.Element == Int {
        shape.reduce(1, *)
    }
}
