import Engine
import Foundation
import Script
import Tensor

/// `keras.metrics`: the top-k accuracy functions and classes, and the `Metric` base class that
/// lessons subclass (`class TopkAcc(keras.metrics.Metric)`).
enum KerasMetrics {
    static func module() -> ModuleObject {
        Modules.module("keras.metrics", [
            declared("top_k_categorical_accuracy", "y_true, y_pred, k=5") { a, _ in
                let truth = try TensorFlowOps.array(a["y_true"]), predictions = try TensorFlowOps.array(a["y_pred"])
                guard truth.shape == predictions.shape, predictions.ndim == 2 else {
                    throw ScriptError.value("top_k_categorical_accuracy expects one-hot y_true shaped like y_pred (batch, classes). Received: y_true.shape=\(NDArray.shapeText(truth.shape)), y_pred.shape=\(NDArray.shapeText(predictions.shape))")
                }
                let classes = predictions.shape[1]
                let labels = (0..<predictions.shape[0]).map { row -> Double in
                    let slice = truth.storage[(row * classes)..<((row + 1) * classes)]
                    return Double((slice.indices.max { slice[$0] < slice[$1] } ?? row * classes) - row * classes)
                }
                return perSample(labels, predictions, k: try a["k"].int("k"))
            },
            declared("sparse_top_k_categorical_accuracy", "y_true, y_pred, k=5, !from_sorted_ids=False") { a, _ in
                let truth = try TensorFlowOps.array(a["y_true"]), predictions = try TensorFlowOps.array(a["y_pred"])
                guard predictions.ndim == 2, truth.count == predictions.shape[0] else {
                    throw ScriptError.value("sparse_top_k_categorical_accuracy expects y_true of shape (batch,) and y_pred of shape (batch, classes). Received: y_true.shape=\(NDArray.shapeText(truth.shape)), y_pred.shape=\(NDArray.shapeText(predictions.shape))")
                }
                return perSample(truth.storage, predictions, k: try a["k"].int("k"))
            },
            metricClass("TopKCategoricalAccuracy", "k=5, name='top_k_categorical_accuracy', !dtype=None") {
                .topKCategoricalAccuracy(k: $0)
            },
            metricClass("SparseTopKCategoricalAccuracy", "k=5, name='sparse_top_k_categorical_accuracy', !dtype=None, !from_sorted_ids=False") {
                .sparseTopKCategoricalAccuracy(k: $0)
            },
            ("Metric", .object(baseClass())),
        ])
    }

    private static func perSample(_ labels: [Double], _ predictions: NDArray, k: Int) -> Value {
        let hits = TopKAccuracy.hits(labels: labels, predictions: predictions.storage, classes: predictions.shape[1], k: k)
        return TensorFlowOps.tensor(NDArray(shape: [hits.count], storage: hits.map { $0 ? 1 : 0 }, dtype: .float32))
    }

    private static func metricClass(_ name: String, _ declaration: String, _ make: @escaping (Int) -> Metric) -> (String, Value) {
        declared(name, declaration) { a, _ in
            let k = try a["k"].int("k")
            guard k > 0 else { throw ScriptError.value("\(name) expects a positive k. Received: k=\(k)") }
            return .object(MetricObject(make(k), name: try a["name"].string("name"), className: name))
        }
    }

    /// Keras' `Metric`: `__init__(name=None, dtype=None)` names the instance (by default the
    /// class name in snake case), `add_weight` makes its state variables, the default
    /// `reset_state` sets every variable back to its initial value, and calling the metric
    /// updates it then returns the result.
    static func baseClass() -> ClassObject {
        func instance(_ v: Value) throws -> Instance {
            guard case .object(let i as Instance) = v else { throw ScriptError.type("a Metric method needs a Metric instance") }
            return i
        }
        return ClassObject(hostClass: "Metric", members: [
            "__keras_metric__": .bool(true),
            "__init__": .object(HostMethod("__init__") { receiver, args, _ in
                let s = try metricInit.bind(args)
                // Lectern's metrics compute in float32, the dtype Keras gives them by default.
                try TensorFlowOps.requireFloat32("Metric", s.optional("dtype"))
                let object = try instance(receiver)
                let name = try s.optional("name")?.string("name") ?? snakeCase(object.cls.name)
                _ = try object.setAttribute("name", .string(name))
                return .none
            }),
            "add_weight": .object(HostMethod("add_weight") { receiver, args, _ in
                var a = args
                // Keras 2's order was add_weight(name, shape, ...); Keras 3's is add_weight(shape, ...,
                // name=...). A string first argument can only be the name, so both read the same.
                var name: String?
                if case .string(let text)? = a.positional.first { name = text; a.positional.removeFirst() }
                let s = try addWeight.bind(a)
                if let n = try s.optional("name")?.string("name") { name = n }
                // Variables are float32; how replicas would combine them changes nothing on one device,
                // and a metric's variables are never trained.
                try TensorFlowOps.requireFloat32("add_weight", s.optional("dtype"))
                _ = try s["aggregation"].string("aggregation")
                var shape: [Int] = []
                if let v = s.optional("shape") { shape = try v.sequence("shape").map { try $0.int("shape") } }
                let count = try Limits.elements(shape)
                let fill: Double
                switch try s.optional("initializer")?.string("initializer") ?? "zeros" {
                case "zeros": fill = 0
                case "ones": fill = 1
                case let other: throw ScriptError.value("add_weight supports initializer='zeros' or 'ones'. Received: initializer='\(other)'")
                }
                let owner = (try? instance(receiver)).flatMap { try? $0.attribute("name") }.flatMap { if case .string(let t) = $0 { return t } else { return nil } }
                return .object(MetricVariable(path: (owner.map { $0 + "/" } ?? "") + (name ?? "variable"), shape: shape, values: [Double](repeating: fill, count: count)))
            }),
            "reset_state": .object(HostMethod("reset_state") { receiver, _, _ in
                let object = try instance(receiver)
                for name in object.attributeNames {
                    if case .object(let variable as MetricVariable)? = try object.attribute(name) { variable.reset() }
                }
                return .none
            }),
            "update_state": .object(HostMethod("update_state") { _, _, _ in
                throw ScriptError(kind: "NotImplementedError", message: "a Metric subclass must define update_state(self, y_true, y_pred, sample_weight=None)")
            }),
            "result": .object(HostMethod("result") { _, _, _ in
                throw ScriptError(kind: "NotImplementedError", message: "a Metric subclass must define result(self)")
            }),
            "__call__": .object(HostMethod("__call__") { receiver, args, context in
                let object = try instance(receiver)
                guard let update = try object.attribute("update_state"), let result = try object.attribute("result") else { return .none }
                _ = try context.call(update, args)
                return try context.call(result, Arguments())
            }),
        ])
    }

    /// Keras' default metric name: `TopkAcc` → `topk_acc`.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        let chars = Array(name)
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0, chars[i - 1].isLowercase || chars[i - 1].isNumber || (i + 1 < chars.count && chars[i + 1].isLowercase && chars[i - 1].isUppercase) {
                out += "_"
            }
            out += c.lowercased()
        }
        return out
    }
}

/// A Keras variable made by `Metric.add_weight`: `assign`, `assign_add`, `assign_sub`,
/// `numpy()`, and arithmetic on its current value (`self.total / self.count`).
final class MetricVariable: ScriptObject {
    /// `assign`, `assign_add`, `assign_sub`: each takes one value (a metric updates them every batch).
    private static let updates = Dictionary(uniqueKeysWithValues: ["assign", "assign_add", "assign_sub"].map { ($0, Signature($0, "value")) })
    private static func updateSignature(_ name: String) -> Signature { updates[name] ?? Signature(name, "value") }

    let path: String
    private(set) var value: NDArray
    private let initial: [Double]

    init(path: String, shape: [Int], values: [Double]) {
        self.path = path
        initial = values
        value = NDArray(shape: shape, storage: values, dtype: .float32)
    }

    func reset() { value = NDArray(shape: value.shape, storage: initial, dtype: .float32) }

    var typeName: String { "Variable" }
    func repr() -> String {
        let shown = value.shape.isEmpty ? FloatDigits.pythonRepr(value.storage[0], float32: true) : NDArrayFormatter.str(value)
        return "<Variable path=\(path), shape=\(NDArray.shapeText(value.shape)), dtype=float32, value=\(shown)>"
    }
    func toFloat() throws -> Double? { try value.toFloat() }

    private func operand(_ v: Value) throws -> NDArray {
        let a = try TensorFlowOps.array(v)
        guard a.count == value.count || a.count == 1 else {
            throw ScriptError.value("Cannot assign a value of shape \(NDArray.shapeText(a.shape)) to the variable '\(path)' of shape \(NDArray.shapeText(value.shape))")
        }
        return a
    }

    private func store(_ values: [Double]) {
        value = NDArray(shape: value.shape, storage: values, dtype: .float32)
    }

    var attributeNames: [String] { ["assign", "assign_add", "assign_sub", "numpy", "value", "shape", "dtype", "path", "name"] }
    func attribute(_ name: String) throws -> Value? {
        func method(_ body: @escaping (Arguments) throws -> Value) -> Value { .object(BuiltinFunction(name) { args, _ in try body(args) }) }
        func update(_ combine: @escaping (Double, Double) -> Double) -> Value {
            method { args in
                let other = try self.operand(try Self.updateSignature(name).bind(args)["value"])
                self.store(self.value.storage.indices.map { combine(self.value.storage[$0], other.storage[other.count == 1 ? 0 : $0]) })
                return .object(self)
            }
        }
        switch name {
        case "assign": return update { _, new in new }
        case "assign_add": return update(+)
        case "assign_sub": return update(-)
        case "numpy": return method { _ in self.value.shape.isEmpty ? self.value.scalarValue(self.value.storage[0]) : .object(self.value.copy()) }
        case "value": return TensorFlowOps.tensor(value.copy())
        case "shape": return .tuple(value.shape.map { .int($0) })
        case "dtype": return .string("float32")
        case "path": return .string(path)
        case "name": return .string(String(path.split(separator: "/").last ?? ""))
        default: return nil
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        let current = value.copy()
        current.showsAsTensor = true
        let rhs: Value
        if case .object(let v as MetricVariable) = other { rhs = .object(v.value) } else { rhs = other }
        return try current.binary(op, rhs, reflected: reflected).map { result in
            if case .object(let a as NDArray) = result { a.showsAsTensor = true }
            return result
        }
    }
}

extension KerasMetrics {
    /// The base class's own methods, declared once (not on every call).
    static let metricInit = Signature("__init__", "name=None, dtype=None")
    static let addWeight = Signature("add_weight", """
        shape=None, initializer=None, dtype=None, trainable=True, autocast=True, !regularizer=None, !constraint=None,
        aggregation='none', overwrite_with_gradient=False, name=None
        """)
}
