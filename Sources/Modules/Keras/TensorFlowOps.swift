import Foundation
import Script
import Tensor

/// The TensorFlow operations lessons call inside a custom metric's `update_state`
/// (`tf.cast`, `tf.reshape`, `tf.size`, `tf.reduce_sum`, `tf.math.in_top_k`), on the
/// language's arrays; each returns an array shown as an eager tensor.
enum TensorFlowOps {
    /// Members of the `tensorflow` module, each declared as TensorFlow 2 declares it. An op's
    /// `name` labels a graph node; eager tensors have none, so it changes nothing in TensorFlow either.
    static func members() -> [(String, Value)] {
        let math = module("tensorflow.math", [inTopK] + reductions)
        return [
            ("math", .object(math)), inTopK,
            ("int32", .object(DTypeConstructor(.int64, name: "int32"))),
            ("int64", .object(DTypeConstructor(.int64, name: "int64"))),
            ("float64", .object(DTypeConstructor(.float64, name: "float64"))),
            ("bool", .object(DTypeConstructor(.bool, name: "bool"))),
            elementwise("sqrt") { $0.squareRoot() }, elementwise("square") { $0 * $0 },
            elementwise("exp") { Foundation.exp($0) }, elementwise("abs") { Swift.abs($0) },
            // Without a dtype the values are float32, whatever Python numbers they were.
            declared("constant", "value, dtype=None, !shape=None, name=None") { a, _ in
                let value = try array(a["value"])
                guard let dtype = a.optional("dtype") else { return floats(value.shape, value.storage) }
                return tensor(value.astype(try NDArray.DType.parse(dtype)))
            },
            declared("cast", "x, dtype, name=None") { a, _ in
                tensor(try array(a["x"]).astype(try NDArray.DType.parse(a["dtype"])))
            },
            declared("reshape", "tensor, shape, name=None") { a, _ in
                let dims: [Int]
                if case .int(let n) = a["shape"] { dims = [n] } else { dims = try a["shape"].sequence("shape").map { try $0.int("shape") } }
                return tensor(try array(a["tensor"]).reshaped(dims))
            },
            // TensorFlow counts in int32 by default; Lectern's int32 is its int64.
            declared("size", "input, out_type=<no value>, name=None") { a, _ in
                let count = NDArray(scalar: Double(try array(a["input"]).count), dtype: .int64)
                guard let type = a.optional("out_type") else { return tensor(count) }
                return tensor(count.astype(try NDArray.DType.parse(type)))
            },
        ] + reductions
    }

    /// `tf.random`: `set_seed` reseeds the session; `normal` and `uniform` draw float32 tensors
    /// from the session's stream (an op-level `seed` is refused by name).
    static func random(session: LessonSession) -> ModuleObject {
        module("tensorflow.random", [
            declared("set_seed", "seed") { a, _ in
                session.reseed(UInt64(truncatingIfNeeded: try a["seed"].int("seed")))
                return .none
            },
            declared("normal", "shape, mean=0.0, stddev=1.0, dtype=<no value>, !seed=None, name=None") { a, _ in
                let shape = try shapeArgument(a["shape"])
                try requireFloat32("normal", a.optional("dtype"))
                let count = try Limits.elements(shape)
                let mean = try a["mean"].double("mean"), stddev = try a["stddev"].double("stddev")
                return floats(shape, (0..<count).map { _ in session.tensorRandom.normal(mean: mean, stddev: stddev) })
            },
            declared("uniform", "shape, minval=0, maxval=None, dtype=<no value>, !seed=None, name=None") { a, _ in
                let shape = try shapeArgument(a["shape"])
                try requireFloat32("uniform", a.optional("dtype"))
                let count = try Limits.elements(shape)
                let low = try a["minval"].double("minval"), high = try a.optional("maxval")?.double("maxval") ?? 1
                return floats(shape, (0..<count).map { _ in session.tensorRandom.uniformDouble(low: low, high: high) })
            },
        ])
    }

    /// The random ops draw float32 values; another dtype is refused by name.
    static func requireFloat32(_ op: String, _ dtype: Value?) throws {
        guard let dtype, try NDArray.DType.parse(dtype) != .float32 else { return }
        throw ScriptError.notImplemented("\(op): dtype=\(dtype.shortDescription) is not supported yet; the values are float32")
    }

    static func shapeArgument(_ v: Value) throws -> [Int] {
        if case .int(let n) = v { return [n] }
        return try v.sequence("shape").map { try $0.int("shape") }
    }

    /// Values rounded to float32, shown as TensorFlow shows tensors.
    static func floats(_ shape: [Int], _ values: [Double]) -> Value {
        tensor(NDArray(shape: shape, storage: values.map { Double(Float($0)) }, dtype: .float32))
    }

    static func elementwise(_ name: String, _ f: @escaping (Double) -> Double) -> (String, Value) {
        declared(name, "x, name=None") { a, _ in
            let x = try NDArray.coerce(a["x"])
            return floats(x.shape, x.storage.map(f))
        }
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

    static var reductions: [(String, Value)] {
        [("reduce_sum", NDArray.Reduction.sum), ("reduce_mean", .mean), ("reduce_max", .max), ("reduce_min", .min)]
        .map { name, kind in
            declared(name, "input_tensor, axis=None, !keepdims=False, name=None") { a, _ in
                let x = try array(a["input_tensor"])
                let reduced = try x.reduce(kind, axis: try a.optional("axis")?.int("axis"))
                if case .object(let r as NDArray) = reduced { return tensor(r) }
                return tensor(try NDArray.coerce(reduced).astype(x.dtype))
            }
        }
    }

    /// `tf.math.in_top_k(targets, predictions, k)`: for each row of predictions, whether the
    /// target class is among the k highest (ties at the boundary count as in, as TensorFlow).
    static var inTopK: (String, Value) {
        declared("in_top_k", "targets, predictions, k, name=None") { a, _ in
            let targets = try array(a["targets"]), predictions = try array(a["predictions"])
            let k = try a["k"].int("k")
            guard predictions.ndim == 2, targets.ndim == 1, targets.count == predictions.shape[0] else {
                throw ScriptError.value("in_top_k expects predictions of shape (batch, classes) and targets of shape (batch,). Received: predictions.shape=\(NDArray.shapeText(predictions.shape)), targets.shape=\(NDArray.shapeText(targets.shape))")
            }
            let hits = TopKAccuracy.hits(labels: targets.storage, predictions: predictions.storage, classes: predictions.shape[1], k: k)
            return tensor(NDArray(shape: [targets.count], storage: hits.map { $0 ? 1 : 0 }, dtype: .bool))
        }
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
