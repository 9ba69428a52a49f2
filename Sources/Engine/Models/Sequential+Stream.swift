import Tensor

/// Batches made one at a time by the caller, as Keras' `fit(generator, steps_per_epoch=N)`
/// takes them: `next` gives the inputs and targets of one batch of at most `batchCapacity`
/// samples (targets already shaped as the loss expects them).
public struct BatchStream {
    public let stepsPerEpoch: Int
    public let batchCapacity: Int
    public let next: () throws -> (Tensor, Tensor)

    public init(stepsPerEpoch: Int, batchCapacity: Int, next: @escaping () throws -> (Tensor, Tensor)) {
        self.stepsPerEpoch = stepsPerEpoch
        self.batchCapacity = batchCapacity
        self.next = next
    }
}

extension Sequential {
    /// Trains on `stepsPerEpoch` batches from `stream` per epoch, like `fit` on arrays otherwise
    /// (callbacks, validation at each epoch's end, History). The epoch's loss and metrics are
    /// sample-weighted means over the batches the stream gave.
    public func fit(stream: BatchStream, epochs: Int = 1, verbose: Int = 1, validationData: (Tensor, Tensor)? = nil,
                    validationBatchSize: Int = 32, initialEpoch: Int = 0, callbacks: [any Callback] = [],
                    log: (String) -> Void = { _ in }) throws -> History {
        guard let loss, let optimizer else {
            throw EngineError("You must call `compile()` before using the model.")
        }
        Self.pinBLASThreads()
        guard epochs >= 0, initialEpoch >= 0 else {
            throw EngineError("fit expects non-negative integers for epochs and initial_epoch. Received: epochs=\(epochs), initial_epoch=\(initialEpoch)")
        }
        guard stream.stepsPerEpoch > 0, stream.batchCapacity > 0 else {
            throw EngineError("fit expects a positive steps_per_epoch and batch size. Received: steps_per_epoch=\(stream.stepsPerEpoch), batch_size=\(stream.batchCapacity)")
        }
        // The first batch builds the model and fixes the widths every later batch must have.
        var pending: (Tensor, Tensor)? = try stream.next()
        guard let (firstX, firstY) = pending else { return History(keys: ["loss"]) }
        try checkData(x: firstX, y: firstY, batchSize: stream.batchCapacity, loss: loss)
        if let (vx, vy) = validationData { try checkData(x: vx, y: vy, batchSize: validationBatchSize, loss: loss) }
        let inputColumns = firstX.cols, outputs = outputColumns
        let targetColumns = loss.targetColumns(outputs: outputs)
        try checkBatchMemory(rows: stream.batchCapacity)
        prepareBuffers(batch: stream.batchCapacity, inputColumns: inputColumns, targetColumns: targetColumns, outputs: outputs)
        try prepareWeighting(classWeight: nil, sampleWeight: nil, samples: stream.batchCapacity, outputs: outputs)
        if order.count < stream.batchCapacity { order = Array(0..<stream.batchCapacity) }
        for i in 0..<stream.batchCapacity { order[i] = i }

        return try runEpochs(epochs: epochs, initialEpoch: initialEpoch, verbose: verbose, steps: stream.stepsPerEpoch,
                             validationData: validationData, validationBatchSize: validationBatchSize, callbacks: callbacks, log: log) {
            resetMetrics()
            var total = 0.0, seen = 0, stop = false
            for step in 0..<stream.stepsPerEpoch where !stop {
                let (bx, by) = try pending ?? stream.next()
                pending = nil
                let rows = bx.rows
                guard bx.isConsistent, by.isConsistent, rows > 0, rows <= stream.batchCapacity, by.rows == rows,
                      bx.cols == inputColumns, by.cols == targetColumns else {
                    throw EngineError("Batch \(step) of the generator has inputs of shape \(bx.shape) and targets of shape \(by.shape); every batch must have at most \(stream.batchCapacity) samples of \(inputColumns) inputs and \(targetColumns) targets.")
                }
                bx.data.withUnsafeBufferPointer { if let base = $0.baseAddress { inputBatch.pointer.update(from: base, count: rows * inputColumns) } }
                by.data.withUnsafeBufferPointer { if let base = $0.baseAddress { targetBatch.pointer.update(from: base, count: rows * targetColumns) } }
                total += Double(rows) * trainStep(batch: rows, first: 0, loss: loss, optimizer: optimizer, outputs: outputs)
                seen += rows
                for observer in batchObservers where observer.batchDidEnd(step, loss: total / Double(seen), log: log) { stop = true }
            }
            return (total, seen, stop)
        }
    }
}
