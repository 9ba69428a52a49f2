import Foundation
import Tensor

extension Sequential {
    /// Trains for `epochs` passes over the data, like Keras' `fit`.
    ///
    /// Each epoch shuffles the sample order (when `shuffle`), then for every
    /// batch runs forward, loss, backward and one optimizer step. The epoch's
    /// loss and metrics are means over samples of the per-batch values, taken
    /// before each update as Keras does; validation metrics come from
    /// `evaluate` at the end of the epoch.
    public func fit(
        x: Tensor, y: Tensor, batchSize: Int = 32, epochs: Int = 1, verbose: Int = 1,
        validationData: (Tensor, Tensor)? = nil, shuffle: Bool = true,
        validationSplit: Double = 0,
        classWeight: [Int: Double]? = nil,
        sampleWeight: [Double]? = nil,
        initialEpoch: Int = 0,
        callbacks: [any Callback] = [],
        log: (String) -> Void = { _ in }
    ) throws -> History {
        guard let loss, let optimizer else {
            throw EngineError("You must call `compile()` before using the model.")
        }
        Self.pinBLASThreads()
        guard validationSplit >= 0 && validationSplit < 1 else {
            throw EngineError("validation_split must be a float between 0 and 1 (exclusive). Received: validation_split=\(validationSplit)")
        }
        if validationSplit > 0 && validationData == nil {
            // Keras holds out the last samples, before any shuffling.
            guard x.isConsistent, y.isConsistent, x.rows == y.rows else {
                throw EngineError("Data cardinality is ambiguous. Make sure all arrays contain the same number of samples. 'x' sizes: \(x.rows) 'y' sizes: \(y.rows)")
            }
            let splitAt = Int((Double(x.rows) * (1 - validationSplit)).rounded(.down))
            guard splitAt > 0 && splitAt < x.rows else {
                throw EngineError("validation_split=\(validationSplit) leaves no samples for training or for validation with \(x.rows) samples.")
            }
            return try fit(
                x: x.rows(0..<splitAt), y: y.rows(0..<splitAt), batchSize: batchSize, epochs: epochs, verbose: verbose,
                validationData: (x.rows(splitAt..<x.rows), y.rows(splitAt..<y.rows)), shuffle: shuffle,
                classWeight: classWeight, sampleWeight: sampleWeight.map { Array($0.prefix(splitAt)) },
                initialEpoch: initialEpoch, callbacks: callbacks, log: log)
        }
        guard epochs >= 0 else { throw EngineError("fit expects a non-negative integer for epochs. Received: epochs=\(epochs)") }
        try checkData(x: x, y: y, batchSize: batchSize, loss: loss)
        if let (vx, vy) = validationData { try checkData(x: vx, y: vy, batchSize: batchSize, loss: loss) }

        let n = x.rows
        let inputColumns = x.cols, outputs = outputColumns
        let targetColumns = loss.targetColumns(outputs: outputs)
        prepareBuffers(batch: min(batchSize, n), inputColumns: inputColumns, targetColumns: targetColumns, outputs: outputs)
        try prepareWeighting(classWeight: classWeight, sampleWeight: sampleWeight, samples: n, outputs: outputs)
        guard initialEpoch >= 0 else {
            throw EngineError("fit expects a non-negative integer for initial_epoch. Received: initial_epoch=\(initialEpoch)")
        }
        if order.count != n { order = Array(0..<n) }
        for i in 0..<n { order[i] = i }
        return try runEpochs(epochs: epochs, initialEpoch: initialEpoch, verbose: verbose, steps: (n + batchSize - 1) / batchSize,
                             validationData: validationData, validationBatchSize: batchSize, callbacks: callbacks, log: log) {
            if shuffle { order.withUnsafeMutableBufferPointer { trainingRandom.shuffle($0) } }
            return trainOneEpoch(
                x: x, y: y, batchSize: batchSize, loss: loss, optimizer: optimizer,
                inputColumns: inputColumns, targetColumns: targetColumns, outputs: outputs, log: log)
        }
    }

    /// The epochs of `fit` around `trainEpoch` (which runs one epoch's batches and returns the
    /// summed loss, the samples seen and whether a batch observer asked to stop): callbacks,
    /// the epoch's log line, validation, and the History.
    func runEpochs(epochs: Int, initialEpoch: Int, verbose: Int, steps: Int, validationData: (Tensor, Tensor)?, validationBatchSize: Int,
                   callbacks: [any Callback], log: (String) -> Void,
                   trainEpoch: () throws -> (total: Double, samples: Int, stop: Bool)) throws -> History {
        var keys = ["loss"] + metricNames
        if validationData != nil { keys += keys.map { "val_" + $0 } }
        let history = History(keys: keys)
        var logs = [Double](repeating: 0, count: keys.count)
        gradientObservers = callbacks.compactMap { $0 as? any GradientObserver }
        batchObservers = callbacks.compactMap { $0 as? any BatchObserver }
        defer { gradientObservers = []; batchObservers = [] }
        for callback in callbacks { callback.trainingWillBegin(model: self) }

        for epoch in min(initialEpoch, epochs)..<epochs {
            for callback in callbacks { callback.epochWillBegin(epoch, model: self, log: log) }
            if verbose > 0 { log("Epoch \(epoch + 1)/\(epochs)") }
            let (lossTotal, seen, batchStop) = try trainEpoch()
            logs[0] = lossTotal / Double(max(seen, 1))
            for m in metrics.indices { logs[1 + m] = metricValue(m) }
            if let (vx, vy) = validationData {
                let results = try evaluate(x: vx, y: vy, batchSize: validationBatchSize)
                for (i, value) in results.enumerated() { logs[1 + metrics.count + i] = value }
            }
            if verbose > 0 {
                log(ProgressText.epochLine(steps: steps, keys: keys, values: logs, compact: verbose != 1))
            }
            var stop = batchStop
            if !callbacks.isEmpty {
                var epochLogs = EpochLogs(keys: keys, values: logs)
                for callback in callbacks where callback.epochDidEnd(epoch, logs: &epochLogs, model: self, log: log) {
                    stop = true
                }
                history.record(epochLogs)
            } else {
                history.record(keys: keys, values: logs)
            }
            history.epochs.append(epoch)
            if stop { break }
        }
        for callback in callbacks { callback.trainingDidEnd(model: self, log: log) }
        return history
    }

    /// Loss and metrics over the data without training: [loss, metrics...] in compile order.
    public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 32) throws -> [Double] {
        guard let loss else { throw EngineError("You must call `compile()` before using the model.") }
        Self.pinBLASThreads()
        try checkData(x: x, y: y, batchSize: batchSize, loss: loss)
        let n = x.rows, inputColumns = x.cols, outputs = outputColumns
        let targetColumns = loss.targetColumns(outputs: outputs)
        prepareBuffers(batch: min(batchSize, n), inputColumns: inputColumns, targetColumns: targetColumns, outputs: outputs)
        var lossTotal = 0.0
        var interrupted = false
        resetMetrics()
        x.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeBufferPointer { ys in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
                var start = 0
                while start < n {
                    if let stop = interruption, stop() { interrupted = true; break }
                    let batch = min(batchSize, n - start)
                    inputBatch.pointer.update(from: xBase + start * inputColumns, count: batch * inputColumns)
                    targetBatch.pointer.update(from: yBase + start * targetColumns, count: batch * targetColumns)
                    let predictions = forwardPass(batch: batch, training: false)
                    let batchLoss = loss.compute(
                        predictions: predictions, targets: targetBatch.readOnly,
                        rows: batch, cols: outputs, gradient: lossGradient.pointer, settings: lossSettings)
                    lossTotal += Double(batch) * (batchLoss + regularizationPenalty())
                    accumulateMetrics(predictions: predictions, batch: batch, outputs: outputs)
                    start += batch
                }
            }
        }
        if interrupted { throw EngineInterrupted() }
        return [lossTotal / Double(n)] + metrics.indices.map(metricValue)
    }

    /// The model's outputs for every sample, in batches, without training behaviour.
    public func predict(_ x: Tensor, batchSize: Int = 32) throws -> Tensor {
        guard x.isConsistent, x.rows > 0 else {
            throw EngineError("predict expects a non-empty array whose data matches its shape. Received: shape=\(x.shape), \(x.data.count) values")
        }
        guard batchSize > 0 else { throw EngineError("predict expects a positive integer for batch_size. Received: batch_size=\(batchSize)") }
        Self.pinBLASThreads()
        try ensureBuilt(featureShape: Array(x.shape.dropFirst().isEmpty ? [1] : x.shape.dropFirst()))
        let n = x.rows, inputColumns = x.cols, outputs = outputColumns
        try checkInputColumns(inputColumns)
        prepareBuffers(batch: min(batchSize, n), inputColumns: inputColumns, targetColumns: 0, outputs: outputs)
        var result = Tensor(zeros: [n] + (layers.last?.outputShape ?? []))
        var interrupted = false
        x.data.withUnsafeBufferPointer { xs in
            result.data.withUnsafeMutableBufferPointer { out in
                guard let xBase = xs.baseAddress, let outBase = out.baseAddress else { return }
                var start = 0
                while start < n {
                    if let stop = interruption, stop() { interrupted = true; break }
                    let batch = min(batchSize, n - start)
                    inputBatch.pointer.update(from: xBase + start * inputColumns, count: batch * inputColumns)
                    let predictions = forwardPass(batch: batch, training: false)
                    (outBase + start * outputs).update(from: predictions, count: batch * outputs)
                    start += batch
                }
            }
        }
        if interrupted { throw EngineInterrupted() }
        return result
    }

    /// OpenBLAS gives different bits for some products (e.g. 64×256 with a
    /// 256-long sum) with one thread than with two, so the engine always runs
    /// single-threaded: the same seed then gives the same bits on any machine.
    /// The networks of the lessons are small enough that one thread is also
    /// the fastest (the moons fit is not faster with two).
    static func pinBLASThreads() {
        BLAS.setThreads(1)
    }

    // MARK: - One epoch, one step

    /// Runs every batch of one epoch in the current `order`; returns the sum
    /// over samples of the batch losses (each batch's mean times its size).
    /// Stops early (returning `stop`) when a batch observer asks to, after that batch.
    private func trainOneEpoch(
        x: Tensor, y: Tensor, batchSize: Int, loss: Loss, optimizer: Optimizer,
        inputColumns: Int, targetColumns: Int, outputs: Int, log: (String) -> Void
    ) -> (total: Double, samples: Int, stop: Bool) {
        let n = x.rows
        var lossTotal = 0.0
        var seen = 0
        var stop = false
        resetMetrics()
        x.data.withUnsafeBufferPointer { xs in
            y.data.withUnsafeBufferPointer { ys in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
                var start = 0
                var index = 0
                while start < n && !stop {
                    let batch = min(batchSize, n - start)
                    gather(xBase, columns: inputColumns, into: inputBatch.pointer, rows: start, count: batch)
                    gather(yBase, columns: targetColumns, into: targetBatch.pointer, rows: start, count: batch)
                    lossTotal += Double(batch) * trainStep(batch: batch, first: start, loss: loss, optimizer: optimizer, outputs: outputs)
                    start += batch
                    seen += batch
                    for observer in batchObservers where observer.batchDidEnd(index, loss: lossTotal / Double(seen), log: log) { stop = true }
                    index += 1
                }
            }
        }
        return (lossTotal, seen, stop)
    }

    /// Forward, loss, backward and update for the batch already in `inputBatch`; returns the batch loss.
    func trainStep(batch: Int, first: Int, loss: Loss, optimizer: Optimizer, outputs: Int) -> Double {
        let predictions = forwardPass(batch: batch, training: true)
        let batchLoss = classWeightTable.isEmpty && sampleWeightTable.isEmpty
            ? loss.compute(
                predictions: predictions, targets: targetBatch.readOnly,
                rows: batch, cols: outputs, gradient: lossGradient.pointer, settings: lossSettings)
            : weightedLoss(loss, predictions: predictions, batch: batch, first: first, outputs: outputs)
        accumulateMetrics(predictions: predictions, batch: batch, outputs: outputs)
        // Weight penalties count in the reported loss and add their own gradients.
        let penalty = regularizationPenalty()
        var gradient = lossGradient.readOnly
        var index = layers.count - 1
        while index >= 0 {
            if let next = layers[index].backward(gradient, batch: batch, needsInputGradient: index > 0) {
                gradient = next
            }
            layers[index].addRegularizationGradients()
            index -= 1
        }
        // Gradients as computed (penalties included), before clipping and the update.
        for observer in gradientObservers { observer.gradientsComputed(model: self) }
        optimizer.options.clip(parameters)
        optimizer.apply(to: parameters)
        for parameter in parameters where parameter.constraint != nil { parameter.applyConstraint() }
        return batchLoss + penalty
    }

    func forwardPass(batch: Int, training: Bool) -> UnsafePointer<Float> {
        var current = inputBatch.readOnly
        for layer in layers {
            current = layer.forward(current, batch: batch, training: trainingMode(of: layer, requested: training))
        }
        return current
    }

    func resetMetrics() {
        for m in metrics.indices {
            metricNumerators[m] = 0
            metricDenominators[m] = 0
            if case .external(let reference) = metrics[m] { reference.metric.reset() }
        }
    }

    /// The epoch's value of metric `m` so far (0 when nothing was counted, as Keras' precision does).
    private func metricValue(_ m: Int) -> Double {
        if case .external(let reference) = metrics[m] { return reference.metric.result() }
        return metricDenominators[m] > 0 ? metricNumerators[m] / metricDenominators[m] : 0
    }

    private func accumulateMetrics(predictions: UnsafePointer<Float>, batch: Int, outputs: Int) {
        for m in metrics.indices {
            if case .external(let reference) = metrics[m] {
                reference.metric.update(predictions: predictions, targets: targetBatch.readOnly, rows: batch, predictionColumns: outputs,
                                        targetColumns: loss?.targetColumns(outputs: outputs) ?? outputs)
                continue
            }
            let (numerator, denominator) = metrics[m].batchCounts(
                predictions: predictions, targets: targetBatch.readOnly, rows: batch, cols: outputs)
            metricNumerators[m] += numerator
            metricDenominators[m] += denominator
        }
    }

    private func regularizationPenalty() -> Double {
        var total = 0.0
        for layer in layers {
            total += isTrainable(layer) ? layer.regularizationPenalty() : layer.activityPenalty
        }
        return total
    }

    /// Copies rows `order[first ..< first + count]` of a row-major array into a batch buffer.
    private func gather(_ source: UnsafePointer<Float>, columns: Int, into destination: UnsafeMutablePointer<Float>, rows first: Int, count: Int) {
        for i in 0..<count {
            (destination + i * columns).update(from: source + order[first + i] * columns, count: columns)
        }
    }

    func prepareBuffers(batch: Int, inputColumns: Int, targetColumns: Int, outputs: Int) {
        inputBatch.reserve(batch * inputColumns)
        targetBatch.reserve(batch * targetColumns)
        lossGradient.reserve(batch * outputs)
        for layer in layers { layer.reserve(batchCapacity: batch) }
    }

    // MARK: - Checks

    func checkData(x: Tensor, y: Tensor, batchSize: Int, loss: Loss) throws {
        guard batchSize > 0 else {
            throw EngineError("Expected a positive integer for batch_size. Received: batch_size=\(batchSize)")
        }
        guard x.isConsistent, y.isConsistent else {
            throw EngineError("Expected arrays whose data matches their shape. Received: x shape \(x.shape) with \(x.data.count) values, y shape \(y.shape) with \(y.data.count) values")
        }
        guard x.rows == y.rows, x.rows > 0 else {
            throw EngineError("Data cardinality is ambiguous. Make sure all arrays contain the same number of samples. 'x' sizes: \(x.rows) 'y' sizes: \(y.rows)")
        }
        try ensureBuilt(featureShape: Array(x.shape.dropFirst().isEmpty ? [1] : x.shape.dropFirst()))
        try checkInputColumns(x.cols)
        let expected = loss.targetColumns(outputs: outputColumns)
        guard y.cols == expected else {
            throw EngineError("Arguments `target` and `output` must have compatible shapes. Received: target.shape=\(ShapeText.batched(Array(y.shape.dropFirst()))), output.shape=\(ShapeText.batched(layers.last?.outputShape ?? []))")
        }
    }

    func checkInputColumns(_ columns: Int) throws {
        let expected = (inputShape ?? []).reduce(1, *)
        guard columns == expected else {
            throw EngineError("Input 0 of layer '\(layers.first?.name ?? name)' is incompatible with the layer: expected axis -1 of input shape to have value \(expected), but received input with \(columns) features per sample")
        }
    }
}

extension Sequential {
    /// The outputs of the layers at `indices` (positions in `layers`) for every
    /// sample, in inference mode: what Keras' functional
    /// `Model(inputs=model.input, outputs=[layer.output, ...]).predict(x)` returns.
    public func layerOutputs(_ x: Tensor, indices: [Int], batchSize: Int = 32) throws -> [Tensor] {
        guard x.isConsistent, x.rows > 0 else {
            throw EngineError("predict expects a non-empty array whose data matches its shape. Received: shape=\(x.shape), \(x.data.count) values")
        }
        guard batchSize > 0 else { throw EngineError("predict expects a positive integer for batch_size. Received: batch_size=\(batchSize)") }
        Self.pinBLASThreads()
        try ensureBuilt(featureShape: Array(x.shape.dropFirst().isEmpty ? [1] : x.shape.dropFirst()))
        for i in indices where i < 0 || i >= layers.count {
            throw EngineError("No layer at index \(i); the model has \(layers.count) layers.")
        }
        let n = x.rows, inputColumns = x.cols
        try checkInputColumns(inputColumns)
        prepareBuffers(batch: min(batchSize, n), inputColumns: inputColumns, targetColumns: 0, outputs: outputColumns)
        var results = indices.map { Tensor(zeros: [n] + layers[$0].outputShape) }
        let widths = indices.map { layers[$0].outputShape.reduce(1, *) }
        let deepest = indices.max() ?? -1
        x.data.withUnsafeBufferPointer { xs in
            guard let xBase = xs.baseAddress else { return }
            var start = 0
            while start < n {
                let batch = min(batchSize, n - start)
                inputBatch.pointer.update(from: xBase + start * inputColumns, count: batch * inputColumns)
                var current = inputBatch.readOnly
                for l in 0...max(deepest, 0) where deepest >= 0 {
                    current = layers[l].forward(current, batch: batch, training: false)
                    for (k, index) in indices.enumerated() where index == l {
                        let source = current
                        results[k].data.withUnsafeMutableBufferPointer { out in
                            (out.baseAddress! + start * widths[k]).update(from: source, count: batch * widths[k])
                        }
                    }
                }
                start += batch
            }
        }
        return results
    }
}
