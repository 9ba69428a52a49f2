import Engine
import Script
import Tensor

/// `model(x, training=...)`, `model.pop()`, metric objects in `compile`, and the layers'
/// `trainable` flags as the model sees them.
extension ModelObject {
    /// Keras 3's eager call: all of `x` as one batch; without `training=` each layer uses its own
    /// default (augmentation on, dropout and batch statistics off). Returns a tensor.
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try callSignature.bind(args)
        let x = try NDArray.coerce(a["inputs"]).tensor()
        try buildForCustomInitializers(x, context)
        let training = try a.optional("training")?.bool("training")
        syncTrainable()
        let out = try session.timed { try engineCall { try model.call(x, training: training) } }
        let result = NDArray(tensor: out)
        result.showsAsTensor = true
        return .object(result)
    }

    /// Keras' `pop()`: removes the last layer and returns it.
    func pop() throws -> Value {
        _ = try engineCall { try model.pop() }
        return removeLastLayerObject()
    }

    /// Each layer's `trainable` flag, applied to this model: a layer shared with another model
    /// (transfer learning) may have been frozen or unfrozen through that model's layer list.
    func syncTrainable() {
        for l in layerObjects where model.isTrainable(l.layer) != l.trainable { model.setTrainable(l.layer, l.trainable) }
    }

    /// Re-raises the first error a lesson's metric raised during the last fit or evaluate.
    func rethrowMetricErrors() throws {
        for metric in scriptMetrics {
            if let e = metric.error { throw e }
        }
    }

    /// `compile(metrics=[...])`: names, Keras metric objects and functions, and instances of
    /// the lesson's own `keras.metrics.Metric` subclasses.
    func metricChoices(_ value: Value?, _ context: CallContext) throws -> [MetricChoice] {
        scriptMetrics = []
        return try (value?.sequence("metrics") ?? []).map { v -> MetricChoice in
            switch v {
            case .string(let name): return .named(name)
            case .object(let m as MetricObject): return .metric(name: m.name, m.metric)
            case .object(let f as BuiltinFunction): return .named(f.name)
            case .object(let instance as Instance) where (try? instance.attribute("__keras_metric__")) != nil:
                let metric = ScriptMetric(instance, context: context)
                scriptMetrics.append(metric)
                return .metric(name: metric.name, .external(ExternalMetricReference(metric)))
            default:
                throw ScriptError.type("compile(metrics=...) expects metric names, keras.metrics objects or instances of a keras.metrics.Metric subclass. Received: \(v.shortDescription)")
            }
        }
    }
}

extension ModelObject {
    /// Keras' `clone_model(model)`: the same layers (same classes, arguments and names) with
    /// freshly initialized weights, not compiled. Each layer's `trainable` flag carries over.
    func cloned() throws -> ModelObject {
        let copy = ModelObject(Sequential(name: model.name, seed: session.nextModelSeed()), session: session)
        if let shape = model.inputShape { try engineCall { try copy.model.add(try InputLayer(shape: shape)) } }
        for original in layerObjects {
            let config = try engineCall { try SavedLayer(original.layer) }
            let layer = LayerObject(try engineCall { try config.makeLayer() }, kind: original.kind, rebuild: { try config.makeLayer() })
            layer.trainable = original.trainable
            try copy.add(.object(layer))
        }
        return copy
    }
}
