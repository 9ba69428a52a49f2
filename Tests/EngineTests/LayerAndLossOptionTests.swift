import Foundation
import XCTest
import Tensor
@testable import Engine

/// LeakyReLU, Orthogonal, from_logits / label_smoothing, Adadelta, PolynomialDecay,
/// the gradient recorder and the model file.
final class LayerAndLossOptionTests: XCTestCase {
    // MARK: LeakyReLU

    func testLeakyReLUScalesNegativeInputsAndItsGradientMatchesFiniteDifferences() throws {
        let layer = try LeakyReLU()
        XCTAssertEqual(layer.negativeSlope, 0.3, "Keras' default slope for the layer")
        var random = RandomGenerator(seed: 3)
        try layer.build(inputShape: [3], random: &random)
        layer.reserve(batchCapacity: 2)
        let x: [Float] = [1.5, -2.0, 0.25, -0.5, 3.0, -0.01]
        let out = Array(UnsafeBufferPointer(start: layer.forward(x, batch: 2, training: false), count: 6))
        XCTAssertEqual(out, [1.5, -0.6, 0.25, -0.15, 3.0, -0.003].map { Float($0) })
        XCTAssertLessThan(GradientCheck.inputGradientWorstError(layer, x: x, c: [0.3, -0.2, 0.9, 0.4, -0.5, 0.1], batch: 2, h: 1e-3), 1e-3)
        XCTAssertThrowsError(try LeakyReLU(negativeSlope: -1))
    }

    // MARK: Activity regularizer

    func testActivityPenaltyAndItsGradientMatchFiniteDifferences() throws {
        let dense = try Dense(units: 3, activation: "tanh", inputDim: 2, activityRegularizer: Regularizer(l1: 0.05, l2: 0.1))
        var random = RandomGenerator(seed: 8)
        try dense.build(inputShape: [2], random: &random)
        dense.reserve(batchCapacity: 2)
        let x: [Float] = [0.4, -1.1, 0.9, 0.3]
        let c: [Float] = [0.5, -0.2, 0.3, 0.1, -0.4, 0.25]
        // L = Σ c·out + penalty(out): what the model's loss sees from this layer.
        func loss() -> Double {
            let out = dense.forward(x, batch: 2, training: true)
            return (0..<6).reduce(0.0) { $0 + Double(out[$1]) * Double(c[$1]) } + dense.activityPenalty
        }
        let out = Array(UnsafeBufferPointer(start: dense.forward(x, batch: 2, training: true), count: 6))
        let expectedPenalty = out.reduce(0.0) { $0 + 0.05 * abs(Double($1)) + 0.1 * Double($1) * Double($1) }
        XCTAssertEqual(dense.activityPenalty, expectedPenalty, accuracy: 1e-6)
        _ = dense.backward(c, batch: 2, needsInputGradient: true)
        let kernel = dense.kernel!
        let analytic = kernel.gradient.array(count: kernel.count)
        let h: Float = 1e-3
        for i in 0..<kernel.count {
            let saved = kernel.value.pointer[i]
            kernel.value.pointer[i] = saved + h
            let plus = loss()
            kernel.value.pointer[i] = saved - h
            let minus = loss()
            kernel.value.pointer[i] = saved
            XCTAssertEqual((plus - minus) / Double(2 * h), Double(analytic[i]), accuracy: 2e-3)
        }
    }

    func testTheReportedLossIncludesTheActivityPenalty() throws {
        let x = Tensor(shape: [4, 2], data: [1, 2, -1, 0.5, 0.3, -2, 2, 1])
        let y = Tensor(shape: [4, 1], data: [1, 0, 1, 0])
        func model(_ activity: Regularizer?) throws -> Sequential {
            let m = Sequential(seed: 3)
            try m.add(Dense(units: 4, activation: "relu", inputDim: 2, activityRegularizer: activity))
            try m.add(Dense(units: 1, activation: "sigmoid"))
            try m.compile(loss: "binary_crossentropy", optimizer: SGD(learningRate: 0))
            return m
        }
        let plain = try model(nil), penalised = try model(Regularizer(l2: 0.5))
        let base = try plain.fit(x: x, y: y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false, log: { _ in })["loss"]![0]
        let with = try penalised.fit(x: x, y: y, batchSize: 4, epochs: 1, verbose: 0, shuffle: false, log: { _ in })["loss"]![0]
        let hidden = try Tensor(shape: [4, 4], data: penalised.layerOutputs(x, indices: [0])[0].data)
        let penalty = hidden.data.reduce(0.0) { $0 + 0.5 * Double($1) * Double($1) }
        XCTAssertGreaterThan(penalty, 0)
        XCTAssertEqual(with, base + penalty, accuracy: 1e-5)
        XCTAssertEqual(try penalised.evaluate(x: x, y: y)[0], with, accuracy: 1e-5, "evaluate adds it too")
    }

    // MARK: Frozen layers

    func testAFrozenLayerKeepsItsWeightsAndItsPenaltyNoLongerCounts() throws {
        let x = Tensor(shape: [8, 2], data: (0..<16).map { Float($0) / 16 })
        let y = Tensor(shape: [8, 1], data: (0..<8).map { Float($0 % 2) })
        let model = Sequential(seed: 4)
        let hidden = try Dense(units: 4, activation: "relu", inputDim: 2, kernelRegularizer: Regularizer(l2: 0.5))
        let output = try Dense(units: 1)
        try model.add(hidden)
        try model.add(output)
        try model.compile(loss: "mse", optimizer: SGD(learningRate: 0.1))
        let penalised = try model.evaluate(x: x, y: y)[0]
        model.setTrainable(hidden, false)
        let unpenalised = try model.evaluate(x: x, y: y)[0]
        XCTAssertLessThan(unpenalised, penalised, "a frozen layer's kernel penalty leaves the loss")
        XCTAssertEqual(model.countTrainableParams(), 5)
        XCTAssertTrue(model.summary().contains("Non-trainable params: 12"), model.summary())
        let hiddenBefore = hidden.weights(), outputBefore = output.weights()
        _ = try model.fit(x: x, y: y, batchSize: 4, epochs: 3, verbose: 0, log: { _ in })
        XCTAssertEqual(hidden.weights(), hiddenBefore)
        XCTAssertNotEqual(output.weights(), outputBefore)
        model.setTrainable(hidden, true)
        _ = try model.fit(x: x, y: y, batchSize: 4, epochs: 1, verbose: 0, log: { _ in })
        XCTAssertNotEqual(hidden.weights(), hiddenBefore, "unfrozen, it trains again")
    }

    // MARK: Constraints along axis 1

    func testNormConstraintsCanActOnRows() {
        var w: [Float] = [3, 4, 0, 0.3, 0.4, 0]   // rows (3, 4, 0) and (0.3, 0.4, 0), norms 5 and 0.5
        w.withUnsafeMutableBufferPointer { Constraint.alongRows(.maxNorm(maxValue: 1)).apply(to: $0.baseAddress!, shape: [2, 3]) }
        XCTAssertEqual(Double(w[0]), 0.6, accuracy: 1e-6)
        XCTAssertEqual(Double(w[1]), 0.8, accuracy: 1e-6)
        XCTAssertEqual(Double(w[3]), 0.3, accuracy: 1e-6, "a row under the limit is left alone")
        var u: [Float] = [3, 4, 0, 0.3, 0.4, 0]
        u.withUnsafeMutableBufferPointer { Constraint.alongRows(.unitNorm).apply(to: $0.baseAddress!, shape: [2, 3]) }
        XCTAssertEqual(Double(u[3] * u[3] + u[4] * u[4]), 1, accuracy: 1e-5)
        // The default (axis 0) still acts on columns.
        var c: [Float] = [3, 0, 4, 0]
        c.withUnsafeMutableBufferPointer { Constraint.unitNorm.apply(to: $0.baseAddress!, shape: [2, 2]) }
        XCTAssertEqual(Double(c[0]), 0.6, accuracy: 1e-6)
        XCTAssertEqual(Double(c[2]), 0.8, accuracy: 1e-6)
    }

    // MARK: Orthogonal

    private func gram(_ w: [Float], rows: Int, cols: Int, overRows: Bool) -> [Double] {
        // overRows: WᵀW (cols × cols); otherwise WWᵀ (rows × rows).
        let n = overRows ? cols : rows
        var g = [Double](repeating: 0, count: n * n)
        for a in 0..<n {
            for b in 0..<n {
                var total = 0.0
                for k in 0..<(overRows ? rows : cols) {
                    let x = overRows ? w[k * cols + a] : w[a * cols + k]
                    let y = overRows ? w[k * cols + b] : w[b * cols + k]
                    total += Double(x) * Double(y)
                }
                g[a * n + b] = total
            }
        }
        return g
    }

    func testOrthogonalGivesOrthonormalColumnsOrRowsTimesTheGain() {
        var random = RandomGenerator(seed: 9)
        let tall = Initializer.orthogonal(gain: 1).values(shape: [6, 3], random: &random)
        let g1 = gram(tall, rows: 6, cols: 3, overRows: true)
        for a in 0..<3 { for b in 0..<3 { XCTAssertEqual(g1[a * 3 + b], a == b ? 1 : 0, accuracy: 1e-6) } }
        let wide = Initializer.orthogonal(gain: 2).values(shape: [3, 5], random: &random)
        let g2 = gram(wide, rows: 3, cols: 5, overRows: false)
        for a in 0..<3 { for b in 0..<3 { XCTAssertEqual(g2[a * 3 + b], a == b ? 4 : 0, accuracy: 1e-5) } }
        // Seeded: the same stream gives the same matrix, another stream another one.
        var r1 = RandomGenerator(seed: 4), r2 = RandomGenerator(seed: 4), r3 = RandomGenerator(seed: 5)
        let a = Initializer.orthogonal(gain: 1).values(shape: [4, 4], random: &r1)
        XCTAssertEqual(a, Initializer.orthogonal(gain: 1).values(shape: [4, 4], random: &r2))
        XCTAssertNotEqual(a, Initializer.orthogonal(gain: 1).values(shape: [4, 4], random: &r3))
        XCTAssertEqual(try Initializer.named("orthogonal"), .orthogonal(gain: 1))
    }

    // MARK: from_logits and label_smoothing

    private func compute(_ loss: Loss, _ p: [Float], _ t: [Float], rows: Int, cols: Int, _ s: LossSettings, gradient: inout [Float]) -> Double {
        loss.compute(predictions: p, targets: t, rows: rows, cols: cols, gradient: &gradient, settings: s)
    }

    private func worstGradientError(_ loss: Loss, _ p0: [Float], _ t: [Float], rows: Int, cols: Int, _ s: LossSettings) -> Double {
        var p = p0
        var g = [Float](repeating: 0, count: p.count), scratch = g
        _ = compute(loss, p, t, rows: rows, cols: cols, s, gradient: &g)
        var worst = 0.0
        let h: Float = 1e-3
        for i in p.indices {
            let saved = p[i]
            p[i] = saved + h
            let plus = compute(loss, p, t, rows: rows, cols: cols, s, gradient: &scratch)
            p[i] = saved - h
            let minus = compute(loss, p, t, rows: rows, cols: cols, s, gradient: &scratch)
            p[i] = saved
            worst = max(worst, abs((plus - minus) / Double(2 * h) - Double(g[i])))
        }
        return worst
    }

    func testCrossentropiesFromLogitsAndWithSmoothingMatchTheirFormulas() {
        var g = [Float](repeating: 0, count: 4)
        // Binary from logits: mean of -t·log σ(z) - (1-t)·log(1-σ(z)).
        let z: [Float] = [2, -1, 0.5, -3], t: [Float] = [1, 0, 0, 1]
        let expected = zip(z, t).map { z, t -> Double in
            let s = 1 / (1 + exp(-Double(z)))
            return -(Double(t) * log(s) + (1 - Double(t)) * log(1 - s))
        }.reduce(0, +) / 4
        XCTAssertEqual(compute(.binaryCrossentropy, z, t, rows: 4, cols: 1, LossSettings(fromLogits: true), gradient: &g), expected, accuracy: 1e-6)
        // Binary with smoothing 0.2: targets 0.9 / 0.1.
        let p: [Float] = [0.9, 0.2]
        let smoothed = (-(0.9 * log(0.9) + 0.1 * log(0.1)) - (0.1 * log(0.2) + 0.9 * log(0.8))) / 2
        XCTAssertEqual(compute(.binaryCrossentropy, p, [1, 0], rows: 2, cols: 1, LossSettings(labelSmoothing: 0.2), gradient: &g), smoothed, accuracy: 1e-6)
        // Categorical from logits: log-sum-exp minus the target's logit.
        let logits: [Float] = [1, 2, 0.5], oneHot: [Float] = [0, 1, 0]
        let lse = log(exp(1.0) + exp(2.0) + exp(0.5))
        XCTAssertEqual(compute(.categoricalCrossentropy, logits, oneHot, rows: 1, cols: 3, LossSettings(fromLogits: true), gradient: &g), lse - 2, accuracy: 1e-6)
        XCTAssertEqual(compute(.sparseCategoricalCrossentropy, logits, [1], rows: 1, cols: 3, LossSettings(fromLogits: true), gradient: &g), lse - 2, accuracy: 1e-6)
        // Categorical with smoothing 0.3 over 3 classes: targets 0.1 / 0.8 / 0.1.
        let probs: [Float] = [0.2, 0.7, 0.1]
        let expectedSmooth = -(0.1 * log(0.2) + 0.8 * log(0.7) + 0.1 * log(0.1))
        XCTAssertEqual(compute(.categoricalCrossentropy, probs, oneHot, rows: 1, cols: 3, LossSettings(labelSmoothing: 0.3), gradient: &g), expectedSmooth, accuracy: 1e-6)
        // Large logits stay finite.
        XCTAssertTrue(compute(.binaryCrossentropy, [80, -80], [0, 1], rows: 2, cols: 1, LossSettings(fromLogits: true), gradient: &g).isFinite)
    }

    func testCrossentropyGradientsWithOptionsMatchFiniteDifferences() {
        let logits: [Float] = [0.3, -1.2, 2.0, 0.1, -0.4, 0.9]
        XCTAssertLessThan(worstGradientError(.binaryCrossentropy, logits, [1, 0, 1, 0, 0, 1], rows: 3, cols: 2, LossSettings(fromLogits: true, labelSmoothing: 0.1)), 2e-3)
        XCTAssertLessThan(worstGradientError(.binaryCrossentropy, [0.3, 0.6, 0.8, 0.1], [1, 0, 1, 0], rows: 4, cols: 1, LossSettings(labelSmoothing: 0.2)), 2e-3)
        XCTAssertLessThan(worstGradientError(.categoricalCrossentropy, logits, [0, 1, 0, 0, 0, 1], rows: 2, cols: 3, LossSettings(fromLogits: true, labelSmoothing: 0.2)), 2e-3)
        XCTAssertLessThan(worstGradientError(.categoricalCrossentropy, [0.2, 0.5, 0.3, 0.6, 0.3, 0.1], [0, 1, 0, 1, 0, 0], rows: 2, cols: 3, LossSettings(labelSmoothing: 0.1)), 2e-3)
        XCTAssertLessThan(worstGradientError(.sparseCategoricalCrossentropy, logits, [2, 0], rows: 2, cols: 3, LossSettings(fromLogits: true)), 2e-3)
    }

    func testLossOptionsAreOnlyAcceptedWhereKerasHasThem() {
        XCTAssertThrowsError(try LossSettings(fromLogits: true).validate(for: .meanSquaredError))
        XCTAssertThrowsError(try LossSettings(labelSmoothing: 0.1).validate(for: .sparseCategoricalCrossentropy))
        XCTAssertThrowsError(try LossSettings(labelSmoothing: 1.5).validate(for: .binaryCrossentropy))
        XCTAssertNoThrow(try LossSettings(fromLogits: true).validate(for: .sparseCategoricalCrossentropy))
    }

    // MARK: Adadelta and PolynomialDecay

    func testAdadeltaTwoStepsFollowTheUpdateRule() {
        let p = Parameter(name: "w", shape: [2], values: [1.0, -0.5])
        let opt = Adadelta(learningRate: 1.0)
        var w = [1.0, -0.5], acc = [0.0, 0.0], delta = [0.0, 0.0]
        for grads in [[0.2, -0.4], [0.1, 0.3]] {
            p.gradient.assign(grads.map(Float.init))
            opt.apply(to: [p])
            for i in 0..<2 {
                acc[i] = 0.95 * acc[i] + 0.05 * grads[i] * grads[i]
                let step = (delta[i] + 1e-7).squareRoot() / (acc[i] + 1e-7).squareRoot() * grads[i]
                delta[i] = 0.95 * delta[i] + 0.05 * step * step
                w[i] -= step
            }
            for i in 0..<2 { XCTAssertEqual(Double(p.values[i]), w[i], accuracy: 1e-6) }
        }
        XCTAssertEqual(opt.iterations, 2)
        XCTAssertEqual(try Optimizers.named("adadelta").name, "Adadelta")
    }

    func testPolynomialDecayInterpolatesThenHoldsOrCycles() throws {
        let linear = try PolynomialDecay(initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0.01)
        XCTAssertEqual(linear.rate(at: 0), 0.1, accuracy: 1e-12)
        XCTAssertEqual(linear.rate(at: 5), 0.055, accuracy: 1e-12)
        XCTAssertEqual(linear.rate(at: 25), 0.01, accuracy: 1e-12)
        let squared = try PolynomialDecay(initialLearningRate: 1, decaySteps: 4, endLearningRate: 0, power: 2)
        XCTAssertEqual(squared.rate(at: 2), 0.25, accuracy: 1e-12)
        let cycling = try PolynomialDecay(initialLearningRate: 1, decaySteps: 4, endLearningRate: 0, cycle: true)
        XCTAssertEqual(cycling.rate(at: 6), 0.25, accuracy: 1e-12, "step 6 lies in the second cycle of length 8")
        XCTAssertThrowsError(try PolynomialDecay(initialLearningRate: 1, decaySteps: 0))
    }

    // MARK: Gradient recorder

    func testRecorderKeepsTheMeanBatchGradientAndWeightHistograms() throws {
        // A linear unit with zero weights and a frozen learning rate: every batch gradient of the
        // MSE is known in closed form, dL/db = -2·mean(y) and dL/dw_j = -2·mean(x_j·y).
        let x = Tensor(shape: [8, 2], data: [1, 2, -1, 0.5, 0.3, -2, 2, 1, -0.5, 0.25, 1.5, -1, 0, 3, -2, -0.5])
        let y = Tensor(shape: [8, 1], data: [1, -1, 0.5, 2, 0, 1.5, -0.5, 1])
        let model = Sequential(seed: 1)
        try model.add(Dense(units: 1, inputDim: 2, useBias: true, kernel: .zeros, bias: .zeros))
        try model.compile(loss: "mse", optimizer: SGD(learningRate: 0))
        let recorder = try GradientRecorder(frequency: 2, bins: 4)
        _ = try model.fit(x: x, y: y, batchSize: 4, epochs: 5, verbose: 0, shuffle: true, callbacks: [recorder], log: { _ in })
        XCTAssertEqual(recorder.epochs, [0, 2, 4])
        XCTAssertEqual(recorder.names.count, 2)
        XCTAssertTrue(recorder.names[0].hasSuffix("/kernel") && recorder.names[1].hasSuffix("/bias"), "\(recorder.names)")
        let ys = y.data.map(Double.init), xs = x.data.map(Double.init)
        let expectedBias = -2 * ys.reduce(0, +) / 8
        var expectedKernel = [0.0, 0.0]
        for j in 0..<2 {
            for i in 0..<8 { expectedKernel[j] += xs[i * 2 + j] * ys[i] }
            expectedKernel[j] *= -2.0 / 8
        }
        for snap in recorder.history(.gradients, name: recorder.names[1]) {
            XCTAssertEqual(snap.mean, expectedBias, accuracy: 1e-6)
            XCTAssertEqual(snap.counts.reduce(0, +), 1)
        }
        let kernel = recorder.history(.gradients, name: recorder.names[0])
        XCTAssertEqual(kernel.count, 3)
        XCTAssertEqual(kernel[0].min, expectedKernel.min()!, accuracy: 1e-6)
        XCTAssertEqual(kernel[0].max, expectedKernel.max()!, accuracy: 1e-6)
        XCTAssertEqual(kernel[0].norm, (expectedKernel[0] * expectedKernel[0] + expectedKernel[1] * expectedKernel[1]).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(kernel[0].edges.count, 5)
        // Weights never moved (learning rate 0): a degenerate range widened by ±0.5, all in one bin.
        let weights = recorder.history(.weights, name: recorder.names[0])[0]
        XCTAssertEqual(weights.edges.first, -0.5)
        XCTAssertEqual(weights.edges.last, 0.5)
        XCTAssertEqual(weights.counts.reduce(0, +), 2)
        XCTAssertThrowsError(try GradientRecorder(frequency: 0))
    }

    func testRecorderShowsVanishingGradientsInADeepSigmoidNet() throws {
        // The deck's point: with saturating activations the first layer's gradients are far
        // smaller than the last layer's.
        let random = NumPyRandomState(seed: 1)
        let n = 64
        let xs = (0..<(n * 2)).map { _ in Float(random.uniform(low: -1, high: 1)) }
        let ys = (0..<n).map { i in Float(xs[2 * i] * xs[2 * i + 1] > 0 ? 1 : 0) }
        let model = Sequential(seed: 3)
        try model.add(Dense(units: 8, activation: "sigmoid", inputDim: 2))
        for _ in 0..<5 { try model.add(Dense(units: 8, activation: "sigmoid")) }
        try model.add(Dense(units: 1, activation: "sigmoid"))
        try model.compile(loss: "binary_crossentropy", optimizer: SGD(learningRate: 0.01))
        let recorder = try GradientRecorder()
        _ = try model.fit(x: Tensor(shape: [n, 2], data: xs), y: Tensor(shape: [n, 1], data: ys), epochs: 2, verbose: 0, callbacks: [recorder], log: { _ in })
        let first = recorder.history(.gradients, name: recorder.names[0]).last!.meanAbs
        let last = recorder.history(.gradients, name: recorder.names[recorder.names.count - 2]).last!.meanAbs
        XCTAssertLessThan(first * 10, last, "first-layer mean |g| \(first) vs last-layer \(last)")
    }

    // MARK: Model file

    func testTrainingResumesFromASavedModelExactlyWhereItStopped() throws {
        let x = Tensor(shape: [12, 2], data: (0..<24).map { Float(sin(Double($0))) })
        let y = Tensor(shape: [12, 1], data: (0..<12).map { Float($0 % 2) })
        for optimizer in [{ Adam(learningRate: 0.05, amsgrad: true) as any Optimizer },
                          { let o = SGD(learningRate: 0.1, momentum: 0.9); o.options = try! OptimizerOptions(decay: 0.01); return o as any Optimizer }] {
            func fresh() throws -> Sequential {
                let m = Sequential(name: "resume", seed: 11)
                try m.add(Dense(units: 6, activation: "tanh", inputDim: 2))
                try m.add(Dense(units: 1, activation: "sigmoid"))
                try m.compile(loss: "binary_crossentropy", optimizer: optimizer())
                return m
            }
            let straight = try fresh()
            _ = try straight.fit(x: x, y: y, batchSize: 4, epochs: 5, verbose: 0, shuffle: false, log: { _ in })
            let first = try fresh()
            _ = try first.fit(x: x, y: y, batchSize: 4, epochs: 3, verbose: 0, shuffle: false, log: { _ in })
            let resumed = try ModelFile.decode(try ModelFile(first).encoded(), path: "m.keras").makeModel(seed: 99)
            XCTAssertEqual(resumed.optimizer?.iterations, 9)
            _ = try resumed.fit(x: x, y: y, batchSize: 4, epochs: 2, verbose: 0, shuffle: false, log: { _ in })
            XCTAssertEqual(resumed.getWeights(), straight.getWeights(), "\(straight.optimizer!.name): 3 + 2 epochs across a save equal 5 straight")
        }
    }

    func testFrozenLayersStayFrozenAfterLoading() throws {
        let m = Sequential(seed: 2)
        let base = try Dense(units: 3, inputDim: 2)
        try m.add(base)
        try m.add(Dense(units: 1))
        try m.compile(loss: "mse", optimizer: SGD())
        m.setTrainable(base, false)
        let loaded = try ModelFile.decode(try ModelFile(m).encoded(), path: "f.keras").makeModel(seed: 3)
        XCTAssertFalse(loaded.isTrainable(loaded.layers[0]))
        XCTAssertTrue(loaded.isTrainable(loaded.layers[1]))
        XCTAssertEqual(loaded.countTrainableParams(), 4)
    }

    func testModelFileRoundTripsArchitectureCompileSettingsAndWeightsBitForBit() throws {
        let model = Sequential(name: "roundtrip", seed: 5)
        try model.add(Dense(units: 6, activation: "tanh", inputDim: 3, kernel: .orthogonal(gain: 1.5), bias: .constant(0.1),
                            kernelRegularizer: Regularizer(l2: 0.01), kernelConstraint: .maxNorm(maxValue: 3), name: "hidden"))
        try model.add(BatchNormalization(momentum: 0.9))
        try model.add(LeakyReLU(negativeSlope: 0.1))
        try model.add(Dropout(rate: 0.2))
        try model.add(GaussianNoise(stddev: 0.05))
        try model.add(Dense(units: 1, name: "logit"))
        try model.compile(loss: "binary_crossentropy", optimizer: Adam(learningRate: 0.01, amsgrad: true), metrics: ["accuracy"],
                          lossSettings: LossSettings(fromLogits: true, labelSmoothing: 0.05))
        let x = Tensor(shape: [16, 3], data: (0..<48).map { Float(sin(Double($0))) })
        let y = Tensor(shape: [16, 1], data: (0..<16).map { Float($0 % 2) })
        _ = try model.fit(x: x, y: y, epochs: 3, verbose: 0, log: { _ in })

        let data = try ModelFile(model).encoded()
        let file = try ModelFile.decode(data, path: "m.keras")
        let copy = try file.makeModel(seed: 99)
        XCTAssertEqual(copy.name, "roundtrip")
        XCTAssertEqual(copy.layers.map(\.name), model.layers.map(\.name))
        XCTAssertEqual(try copy.layers.map { try SavedLayer($0) }, try model.layers.map { try SavedLayer($0) })
        XCTAssertEqual(copy.getWeights().map { $0.map(\.bitPattern) }, model.getWeights().map { $0.map(\.bitPattern) })
        XCTAssertEqual(try copy.predict(x).data, try model.predict(x).data)
        XCTAssertEqual(try copy.evaluate(x: x, y: y), try model.evaluate(x: x, y: y))
        XCTAssertEqual(copy.lossSettings, model.lossSettings)
        XCTAssertEqual(copy.metricNames, ["accuracy"])
        XCTAssertEqual(copy.optimizer?.name, "Adam")
        XCTAssertEqual((copy.optimizer as? Adam)?.amsgrad, true)

        XCTAssertThrowsError(try ModelFile.decode(Data("{\"weights\": 1}".utf8), path: "bad.h5")) { error in
            XCTAssertTrue("\(error)".contains("'bad.h5' is not a model file"), "\(error)")
        }
        let other = String(decoding: data, as: UTF8.self).replacingOccurrences(of: ModelFile.formatName, with: "lectern-model-9")
        XCTAssertThrowsError(try ModelFile.decode(Data(other.utf8), path: "new.keras")) { error in
            XCTAssertTrue("\(error)".contains("lectern-model-9"), "\(error)")
        }
    }
}
