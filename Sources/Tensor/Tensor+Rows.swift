extension Tensor {
    /// The samples (first-axis entries) in `range`, as a new tensor.
    public func rows(_ range: Range<Int>) -> Tensor {
        let lower = max(0, min(range.lowerBound, rows))
        let upper = max(lower, min(range.upperBound, rows))
        let width = cols
        var newShape = shape.isEmpty ? [1] : shape
        newShape[0] = upper - lower
        return Tensor(shape: newShape, data: Array(data[(lower * width)..<(upper * width)]))
    }
}
