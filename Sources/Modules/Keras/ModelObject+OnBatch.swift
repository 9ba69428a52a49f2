import Engine
import Script

/// Keras' one-batch calls: `train_on_batch(x, y)` takes one optimizer step on the whole of `x`
/// and returns the loss (and metrics) of that batch, measured before the step as Keras does;
/// `test_on_batch` evaluates and `predict_on_batch` predicts `x` as one batch.
extension ModelObject {
    func onBatch(_ name: String) -> Value {
        method(name) { args, ctx in
            let s = try args.bind(name, name == "predict_on_batch" ? ["x"] : ["x", "y", "sample_weight", "class_weight", "return_dict"],
                                  required: name == "predict_on_batch" ? 1 : 2)
            let x = s[0] ?? .none
            let rows = try NDArray.coerce(x).shape.first ?? 0
            let call: String
            var keywords: [(name: String, value: Value)] = [("batch_size", .int(max(rows, 1))), ("verbose", .int(0))]
            switch name {
            case "train_on_batch":
                call = "fit"
                keywords += [("epochs", .int(1)), ("shuffle", .bool(false))]
                if let w = s.value(2), !w.isNone { keywords.append(("sample_weight", w)) }
                if let w = s.value(3), !w.isNone { keywords.append(("class_weight", w)) }
            case "test_on_batch": call = "evaluate"
            default: call = "predict"
            }
            guard case .object(let f)? = try self.attribute(call) else { return .none }
            let positional = name == "predict_on_batch" ? [x] : [x, s[1] ?? .none]
            guard let result = try f.call(Arguments(positional, keywords: keywords), ctx) else { return .none }
            guard name == "train_on_batch", case .object(let h as HistoryObject) = result else { return result }
            // The batch's values, in compile's order: the loss, then each metric.
            let values = h.history.keys.filter { !$0.hasPrefix("val_") }.compactMap { h.history.values[$0]?.last }
            if values.count == 1 { return .float(values[0]) }
            return .list(ListStorage(values.map { .float($0) }))
        }
    }
}
