/// Shapes written as Keras prints them, with `None` for the batch axis.
enum ShapeText {
    /// "(None, 500)" for a per-sample shape [500].
    static func batched(_ shape: [Int]) -> String {
        "(" + (["None"] + shape.map(String.init)).joined(separator: ", ") + ")"
    }
}
