/// One trainable weight tensor of a layer (a kernel or a bias) with its
/// gradient, which the layer's backward pass fills and an optimizer consumes.
public final class Parameter {
    public let name: String
    public let shape: [Int]
    public let count: Int
    public let value: FloatBuffer
    public let gradient: FloatBuffer
    public var regularizer: Regularizer?
    public var constraint: Constraint?

    public init(name: String, shape: [Int], values: [Float], regularizer: Regularizer? = nil, constraint: Constraint? = nil) {
        self.name = name
        self.shape = shape
        count = shape.reduce(1, *)
        value = FloatBuffer(capacity: count)
        gradient = FloatBuffer(capacity: count)
        self.regularizer = regularizer
        self.constraint = constraint
        value.assign(Array(values.prefix(count)))
    }

    /// Projects the weights back onto the constraint, if any (after each optimizer step).
    public func applyConstraint() {
        constraint?.apply(to: value.pointer, shape: shape)
    }

    /// The weights as an array (Keras' `get_weights` for this tensor).
    public var values: [Float] {
        get { value.array(count: count) }
        set { value.assign(Array(newValue.prefix(count))) }
    }
}
