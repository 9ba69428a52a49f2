import Script
import ArgumentParser
import Engine
import Foundation
import Plot
import Tensor

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the engine on the course's reference experiments (release builds only give meaningful numbers).")

    @Option(help: "Timed repetitions of each case; the median is reported.")
    var repeats: Int = 5

    @Flag(help: "Run only the digits CNN case (its fit, and its convolutions against bare sgemm).")
    var cnnOnly = false

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        #if DEBUG
        printLine("warning: this is a debug build; use `swift build -c release` for real figures")
        #endif
        if cnnOnly { return benchDigitsCNN() }
        var times: [Double] = []
        var last = ""
        for _ in 0..<repeats {
            let (x, y) = Datasets.makeMoons(nSamples: 100, shuffle: true, noise: 0.2, randomState: 1)
            let all = Tensor(shape: [100, 2], data: x.map { Float($0) })
            let labels = Tensor(shape: [100, 1], data: y.map { Float($0) })
            let trainX = Tensor(shape: [30, 2], data: Array(all.data[0..<60]))
            let testX = Tensor(shape: [70, 2], data: Array(all.data[60...]))
            let trainY = Tensor(shape: [30, 1], data: Array(labels.data[0..<30]))
            let testY = Tensor(shape: [70, 1], data: Array(labels.data[30...]))
            let model = Sequential(name: nil, seed: 1)
            try model.add(Dense(units: 500, activation: "relu", inputDim: 2))
            try model.add(Dense(units: 1, activation: "sigmoid"))
            try model.compile(loss: "binary_crossentropy", optimizer: Adam(), metrics: ["accuracy"])
            let start = ContinuousClock.now
            _ = try model.fit(x: trainX, y: trainY, batchSize: 32, epochs: 4000, verbose: 0,
                              validationData: (testX, testY), shuffle: true, log: { _ in })
            let elapsed = ContinuousClock.now - start
            times.append(elapsed.inSeconds)
            let train = try model.evaluate(x: trainX, y: trainY)
            let test = try model.evaluate(x: testX, y: testY)
            last = String(format: "train accuracy %.3f, test accuracy %.3f", train[1], test[1])
        }
        times.sort()
        let median = times[times.count / 2]
        defer {
            benchCircles()
            benchWide()
            benchFigure()
            benchDigitsCNN()
            benchInterpreter()
        }
        printLine("moons overfit (Dense 500 relu + Dense 1 sigmoid, Adam, 4000 epochs, validation each epoch): "
              + String(format: "median %.3f s over %d runs (min %.3f, max %.3f); ", median, repeats, times.first ?? 0, times.last ?? 0)
              + last)
    }
}

extension Bench {
    static func median(_ xs: [Double]) -> (Double, Double, Double) {
        let s = xs.sorted()
        return (s[s.count / 2], s.first ?? 0, s.last ?? 0)
    }

    /// (b) The circles network of the vanishing-gradients lesson: five relu layers of 5 units,
    /// he_uniform, SGD(0.01, momentum 0.9), 500 training samples, batch 32, 500 epochs, validation.
    func benchCircles() {
        var times: [Double] = []
        var accuracy = 0.0
        for _ in 0..<repeats {
            guard let (x, y) = try? Datasets.makeCircles(nSamples: 1000, noise: 0.1, randomState: 1) else { return }
            let xs = Tensor(shape: [1000, 2], data: x.map { Float($0) }), ys = Tensor(shape: [1000, 1], data: y.map { Float($0) })
            let train = (xs.rows(0..<500), ys.rows(0..<500)), test = (xs.rows(500..<1000), ys.rows(500..<1000))
            let model = Sequential(name: nil, seed: 1)
            do {
                try model.add(Dense(units: 5, activation: "relu", inputDim: 2, kernelInitializer: "he_uniform"))
                for _ in 0..<4 { try model.add(Dense(units: 5, activation: "relu", kernelInitializer: "he_uniform")) }
                try model.add(Dense(units: 1, activation: "sigmoid"))
                try model.compile(loss: "binary_crossentropy", optimizer: SGD(learningRate: 0.01, momentum: 0.9), metrics: ["accuracy"])
                let start = ContinuousClock.now
                _ = try model.fit(x: train.0, y: train.1, batchSize: 32, epochs: 500, verbose: 0, validationData: test, log: { _ in })
                times.append((ContinuousClock.now - start).inSeconds)
                accuracy = try model.evaluate(x: test.0, y: test.1)[1]
            } catch {
                printLine("circles benchmark failed: \(error)")
                return
            }
        }
        let (m, lo, hi) = Self.median(times)
        printLine(String(format: "circles 5x relu (500 samples, batch 32, 500 epochs, validation): median %.3f s (min %.3f, max %.3f); test accuracy %.3f", m, lo, hi, accuracy))
    }

    /// (c) A wide case: Dense(1024) x3 on 10,000 x 64 inputs, batch 256, 5 epochs, against the
    /// bare sgemm rate on the same shapes (forward, and the two backward products, per layer).
    func benchWide() {
        var gen = RandomGenerator(seed: 3)
        let n = 10_000, d = 64, width = 1024, batch = 256, epochs = 5
        let x = Tensor(shape: [n, d], data: (0..<(n * d)).map { _ in gen.uniformFloat() - 0.5 })
        let y = Tensor(shape: [n, 1], data: (0..<n).map { _ in gen.uniformFloat() })
        let model = Sequential(name: nil, seed: 2)
        var fitTimes: [Double] = []
        do {
            try model.add(Dense(units: width, activation: "relu", inputDim: d))
            try model.add(Dense(units: width, activation: "relu"))
            try model.add(Dense(units: width, activation: "relu"))
            try model.add(Dense(units: 1))
            try model.compile(loss: "mse", optimizer: Adam(), metrics: [])
            for _ in 0..<max(1, repeats / 2) {
                let start = ContinuousClock.now
                _ = try model.fit(x: x, y: y, batchSize: batch, epochs: epochs, verbose: 0, shuffle: true, log: { _ in })
                fitTimes.append((ContinuousClock.now - start).inSeconds)
            }
        } catch {
            printLine("wide benchmark failed: \(error)")
            return
        }
        // FLOPs of the matrix products per sample: forward 2·in·out, backward 2·in·out for the
        // weight gradient and 2·in·out for the input gradient (not for the first layer).
        let layers = [(d, width), (width, width), (width, width), (width, 1)]
        var flopsPerSample = 0.0
        for (i, (a, b)) in layers.enumerated() { flopsPerSample += Double(2 * a * b) * (i == 0 ? 2 : 3) }
        let totalFlops = flopsPerSample * Double(n * epochs)
        let (fitMedian, _, _) = Self.median(fitTimes)
        // The bare rate: the same products, timed straight through BLAS.sgemm.
        BLAS.setThreads(1)
        let a = [Float](repeating: 0.5, count: batch * width), w = [Float](repeating: 0.25, count: width * width)
        var c = [Float](repeating: 0, count: batch * width)
        let reps = 20
        let start = ContinuousClock.now
        for _ in 0..<reps {
            a.withUnsafeBufferPointer { ap in w.withUnsafeBufferPointer { wp in c.withUnsafeMutableBufferPointer { cp in
                BLAS.sgemm(transA: false, transB: false, m: batch, n: width, k: width, alpha: 1, a: ap.baseAddress!, lda: width,
                           b: wp.baseAddress!, ldb: width, beta: 0, c: cp.baseAddress!, ldc: width)
            } } }
        }
        let bare = Double(2 * batch * width * width * reps) / (ContinuousClock.now - start).inSeconds / 1e9
        let achieved = totalFlops / fitMedian / 1e9
        printLine(String(format: "wide Dense(1024)x3, 10000x64, batch 256, 5 epochs: median %.2f s, %.1f GFLOP/s in matrix products; bare sgemm 256x1024x1024 on 1 thread: %.1f GFLOP/s (%.0f%%)",
                         fitMedian, achieved, bare, 100 * achieved / bare))
    }

    /// A 4-panel figure of 4000-point learning curves, drawn and PNG-encoded at 2x.
    func benchFigure() {
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<repeats {
            let f = Figure()
            for i in 1...4 {
                let a = f.axes(rows: 2, cols: 2, index: i)
                a.plot(x: nil, y: (0..<4000).map { 1 - exp(-Double($0) / 500) + 0.01 * sin(Double($0 * i)) }, label: "train")
                a.plot(x: nil, y: (0..<4000).map { 0.9 - exp(-Double($0) / 700) + 0.02 * cos(Double($0 * i)) }, label: "test")
                a.title = "panel \(i)"
                a.legend()
            }
            let start = ContinuousClock.now
            bytes = (try? f.renderPNG(scale: 2))?.count ?? 0
            let elapsed = ContinuousClock.now - start
            times.append(elapsed.inSeconds)
        }
        times.sort()
        printLine("4-panel figure, 8 curves of 4000 points, 1280x960 PNG (\(bytes) bytes): "
                  + String(format: "median %.1f ms over %d runs (min %.1f, max %.1f)", times[times.count / 2] * 1000, repeats, (times.first ?? 0) * 1000, (times.last ?? 0) * 1000))
    }
}
