import Tensor

/// Data preparation helpers with Keras' names.
public enum Preprocessing {
    /// Keras' `to_categorical`: class indices to one-hot rows. `numClasses`
    /// defaults to the largest label plus one.
    public static func toCategorical(_ labels: [Int], numClasses: Int? = nil) throws -> Tensor {
        if let bad = labels.first(where: { $0 < 0 }) {
            throw EngineError("to_categorical expects non-negative class indices. Received: \(bad)")
        }
        let classes = numClasses ?? ((labels.max() ?? -1) + 1)
        if let bad = labels.first(where: { $0 >= classes }) {
            throw EngineError("to_categorical received the label \(bad), which is not below num_classes=\(classes)")
        }
        var result = Tensor(zeros: [labels.count, classes])
        for (row, label) in labels.enumerated() { result.data[row * classes + label] = 1 }
        return result
    }
}
