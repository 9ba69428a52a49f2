import Script
import Tensor

/// Keras 2's `Sequential.predict_classes` and `predict_proba` (removed in TensorFlow 2.6), which
/// the tutorials of 2017-2021 call.
extension ModelObject {
    func keras2Prediction(classes: Bool, _ a: BoundArguments, _ ctx: CallContext) throws -> Value {
        let probabilities = try call("predict", [a["x"]], ["batch_size": a["batch_size"], "verbose": a["verbose"]], ctx)
        guard classes, case .object(let array as NDArray) = probabilities else { return probabilities }
        // One sigmoid output: class 1 above 0.5, as a column; several: the most probable.
        let columns = array.shape.last ?? 1
        let rows = columns == 0 ? 0 : array.storage.count / columns
        if columns == 1 {
            return .object(NDArray(shape: [rows, 1], storage: array.storage.map { $0 > 0.5 ? 1 : 0 }, dtype: .int64))
        }
        var labels: [Double] = []
        labels.reserveCapacity(rows)
        for r in 0..<rows {
            let row = array.storage[(r * columns)..<((r + 1) * columns)]
            labels.append(Double(row.indices.max { row[$0] < row[$1] }.map { $0 - r * columns } ?? 0))
        }
        return .object(NDArray(shape: [rows], storage: labels, dtype: .int64))
    }
}
