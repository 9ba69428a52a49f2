import Tensor

extension Sequential {
    /// The mode a layer runs in when the model runs in `requested` mode (nil: no `training=`
    /// argument). Keras 3 leaves an unspecified mode to each layer's own default, which is
    /// training for the image augmentation layers and inference for the others; and a frozen
    /// `BatchNormalization` (`trainable = False`) always normalizes with its moving statistics.
    func trainingMode(of layer: any Layer, requested: Bool?) -> Bool {
        let training = requested ?? (layer is any ImageAugmentation)
        if training, layer is BatchNormalization, !isTrainable(layer) { return false }
        return training
    }

    /// Keras' eager `model(x, training=...)`: every sample goes through as ONE batch (so batch
    /// normalization in training mode uses the statistics of all of `x`, and moves its moving
    /// averages once, as a Keras call does); dropout and augmentation draw fresh randomness from
    /// the model's seeded streams on every call. Unlike `predict`, nothing is split into batches.
    public func call(_ x: Tensor, training: Bool?) throws -> Tensor {
        guard x.isConsistent, x.rows > 0 else {
            throw EngineError("A model is called on a non-empty array whose data matches its shape. Received: shape=\(x.shape), \(x.data.count) values")
        }
        Self.pinBLASThreads()
        try ensureBuilt(featureShape: Array(x.shape.dropFirst().isEmpty ? [1] : x.shape.dropFirst()))
        try checkInputColumns(x.cols)
        let n = x.rows, outputs = outputColumns
        // Each layer keeps a few batch-sized buffers; the call's batch is the whole input.
        try checkBatchMemory(rows: n)
        prepareBuffers(batch: n, inputColumns: x.cols, targetColumns: 0, outputs: outputs)
        x.data.withUnsafeBufferPointer { xs in
            if let base = xs.baseAddress { inputBatch.pointer.update(from: base, count: n * x.cols) }
        }
        var result = Tensor(zeros: [n] + (layers.last?.outputShape ?? []))
        var current = inputBatch.readOnly
        for layer in layers {
            current = layer.forward(current, batch: n, training: trainingMode(of: layer, requested: training))
        }
        let last = current
        result.data.withUnsafeMutableBufferPointer { out in
            if let base = out.baseAddress { base.update(from: last, count: n * outputs) }
        }
        return result
    }

    /// Throws (as a memory error) when buffers of `rows` samples for every layer would not fit
    /// in the lesson's memory: four float buffers a layer, each as wide as its widest side.
    func checkBatchMemory(rows: Int) throws {
        var widths = (inputShape ?? []).reduce(1, *)
        for layer in layers { widths = max(widths, layer.outputShape.reduce(1, *)) }
        let perRow = widths.multipliedReportingOverflow(by: 16 * max(layers.count, 1))
        let total = perRow.partialValue.multipliedReportingOverflow(by: rows)
        if perRow.overflow || total.overflow || total.partialValue > EngineLimits.maxBytes {
            var e = EngineError("Calling the model on \(rows) samples needs more memory than the lesson's limit (lectern --memory-limit); call it on fewer samples at a time.")
            e.isMemory = true
            throw e
        }
    }
}
