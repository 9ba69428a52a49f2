import Foundation
import Script
import Tensor

/// The TensorFlow operations lessons call inside a custom metric's `update_state`
/// (`tf.cast`, `tf.reshape`, `tf.size`, `tf.reduce_sum`, `tf.math.in_top_k`), on the
/// language's arrays; each returns an array shown as an eager tensor.
enum TensorFlowOps {
    /// Members of the `tensorflow` module; they replace earlier entries of the same name.
    static func members() -> [(String, Value)] {
        let math = module("tensorflow.math", [
            function("in_top_k") { args, _ in try inTopK(args) },
            reduction("reduce_sum", .sum), reduction("reduce_mean", .mean), reduction("reduce_max", .max), reduction("reduce_min", .min),
        ])
        return [
            ("math", .object(math)),
            function("in_top_k") { args, _ in try inTopK(args) },
            reduction("reduce_sum", .sum), reduction("reduce_mean", .mean), reduction("reduce_max", .max), reduction("reduce_min", .min),
            ("int32", .object(DTypeConstructor(.int64, name: "int32"))),
            ("int64", .object(DTypeConstructor(.int64, name: "int64"))),
            ("float64", .object(DTypeConstructor(.float64, name: "float64"))),
            ("bool", .object(DTypeConstructor(.bool, name: "bool"))),
            function("cast") { args, _ in
                let s = try args.bind("cast", ["x", "dtype", "name"], required: 2)
                return tensor(try array(s[0]).astype(try NDArray.DType.parse(s[1] ?? .none)))
            },
            function("reshape") { args, _ in
                let s = try args.bind("reshape", ["tensor", "shape", "name"], required: 2)
                let dims: [Int]
                if case .int(let n)? = s[1] { dims = [n] } else { dims = try (s[1] ?? .none).sequence("shape").map { try $0.int("shape") } }
                return tensor(try array(s[0]).reshaped(dims))
            },
            function("size") { args, _ in
                let s = try args.bind("size", ["input", "out_type", "name"], required: 1)
                return tensor(NDArray(scalar: Double(try array(s[0]).count), dtype: .int64))
            },
        ]
    }

    /// An argument as an array: arrays, numbers, nested lists, and Keras variables' values.
    static func array(_ v: Value?) throws -> NDArray {
        if case .object(let variable as MetricVariable)? = v { return variable.value }
        return try NDArray.coerce(v ?? .none)
    }

    static func tensor(_ a: NDArray) -> Value {
        a.showsAsTensor = true
        return .object(a)
    }

    private static func reduction(_ name: String, _ kind: NDArray.Reduction) -> (String, Value) {
        function(name) { args, _ in
            let s = try args.bind(name, ["input_tensor", "axis", "keepdims", "name"], required: 1)
            let a = try array(s[0])
            if try s.value(2)?.bool("keepdims") == true { throw ScriptError.notImplemented("\(name)(keepdims=True) is not supported") }
            let reduced = try a.reduce(kind, axis: try s.value(1)?.int("axis"))
            if case .object(let r as NDArray) = reduced { return tensor(r) }
            return tensor(try NDArray.coerce(reduced).astype(a.dtype))
        }
    }

    /// `tf.math.in_top_k(targets, predictions, k)`: for each row of predictions, whether the
    /// target class is among the k highest (ties at the boundary count as in, as TensorFlow).
    static func inTopK(_ args: Arguments) throws -> Value {
        let s = try args.bind("in_top_k", ["targets", "predictions", "k", "name"], required: 3)
        let targets = try array(s[0]), predictions = try array(s[1])
        let k = try (s[2] ?? .none).int("k")
        guard predictions.ndim == 2, targets.ndim == 1, targets.count == predictions.shape[0] else {
            throw ScriptError.value("in_top_k expects predictions of shape (batch, classes) and targets of shape (batch,). Received: predictions.shape=\(NDArray.shapeText(predictions.shape)), targets.shape=\(NDArray.shapeText(targets.shape))")
        }
        let hits = TopKAccuracy.hits(labels: targets.storage, predictions: predictions.storage, classes: predictions.shape[1], k: k)
        return tensor(NDArray(shape: [targets.count], storage: hits.map { $0 ? 1 : 0 }, dtype: .bool))
    }
}

/// Top-k hits as TensorFlow's `in_top_k` counts them, on the language's values.
enum TopKAccuracy {
    static func hits(labels: [Double], predictions: [Double], classes: Int, k: Int) -> [Bool] {
        labels.indices.map { row in
            let label = labels[row]
            guard label.isFinite, label >= 0, label < Double(classes), (row + 1) * classes <= predictions.count else { return false }
            let values = predictions[(row * classes)..<((row + 1) * classes)].map { Float($0) }
            let target = values[Int(label)]
            guard values.allSatisfy(\.isFinite) else { return false }
            return values.filter { $0 > target }.count < k
        }
    }
}
