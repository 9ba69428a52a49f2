import Script
import Engine
import Foundation
import Tensor

extension Bench {
    /// (d) The digits-shaped CNN: Conv2D(32, 3, same, relu) → MaxPooling2D → Conv2D(64, 3, same,
    /// relu) → MaxPooling2D → Flatten → Dense(64, relu) → Dense(10, softmax), Adam, 1,437 training
    /// images of 8×8×1 (deterministic random pixels and labels, the shape of scikit-learn's
    /// digits split), batch 32, 20 epochs, validation on 360 images after each epoch.
    /// Then the convolution layers alone against bare sgemm on the same matrix shapes.
    func benchDigitsCNN() {
        let train = 1437, validation = 360
        var random = RandomGenerator(seed: 64)
        func images(_ n: Int) -> Tensor {
            // Pixel values as in the digits data: integers 0...16, scaled to [0, 1].
            Tensor(shape: [n, 8, 8, 1], data: (0..<(n * 64)).map { _ in Float(random.nextInt(below: 17)) / 16 })
        }
        func labels(_ n: Int) -> Tensor { Tensor(shape: [n, 1], data: (0..<n).map { _ in Float(random.nextInt(below: 10)) }) }
        let x = images(train), y = labels(train), vx = images(validation), vy = labels(validation)
        var times: [Double] = [], cpuTimes: [Double] = []
        var accuracy = 0.0
        do {
            for _ in 0..<repeats {
                let model = try Self.digitsNetwork(seed: 1)
                try model.compile(loss: "sparse_categorical_crossentropy", optimizer: Adam(), metrics: ["accuracy"])
                let start = ContinuousClock.now, cpuStart = Self.cpuSeconds()
                let history = try model.fit(x: x, y: y, batchSize: 32, epochs: 20, verbose: 0, validationData: (vx, vy), log: { _ in })
                times.append((ContinuousClock.now - start).inSeconds)
                cpuTimes.append(Self.cpuSeconds() - cpuStart)
                accuracy = history.values["accuracy"]?.last ?? .nan
            }
        } catch {
            printLine("digits CNN benchmark failed: \(error)")
            return
        }
        let (m, lo, hi) = Self.median(times)
        let (cpu, cpuLow, cpuHigh) = Self.median(cpuTimes)
        printLine(String(format: "digits CNN (Conv2D 32 → pool → Conv2D 64 → pool → Dense 64 → Dense 10; 1437 images 8x8x1, batch 32, 20 epochs, Adam, validation on 360 each epoch): median %.3f s wall (min %.3f, max %.3f), %.3f s CPU (min %.3f, max %.3f); final training accuracy on random labels %.3f",
                         m, lo, hi, cpu, cpuLow, cpuHigh, accuracy))
        benchConvolutionAgainstSgemm()
    }

    static func digitsNetwork(seed: UInt64) throws -> Sequential {
        try Sequential([
            try InputLayer(shape: [8, 8, 1]),
            try Conv2D(filters: 32, kernelSize: [3], padding: .same, activation: "relu"),
            try MaxPooling2D(),
            try Conv2D(filters: 64, kernelSize: [3], padding: .same, activation: "relu"),
            try MaxPooling2D(),
            Flatten(),
            try Dense(units: 64, activation: "relu"),
            try Dense(units: 10, activation: "softmax"),
        ], seed: seed)
    }

    /// One matrix product of a convolution step: op(A) is m×k, op(B) is k×n.
    struct ProductShape {
        var m: Int, n: Int, k: Int, transA: Bool, transB: Bool
        var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
    }

    /// Times the two convolution layers' forward and backward passes on a batch of 32 (packing,
    /// bias, relu, products, scattering back: everything the layer does) and the bare sgemm calls
    /// of the same shapes; the ratio is the share of sgemm's rate the layers achieve.
    func benchConvolutionAgainstSgemm() {
        BLAS.setThreads(1)
        let batch = 32
        // conv1 sees 8×8×1 (9-long windows, 32 filters) and, being first, needs no input gradient;
        // conv2 sees 4×4×32 (288-long windows, 64 filters).
        let layers: [(input: [Int], filters: Int, inputGradient: Bool)] = [([8, 8, 1], 32, false), ([4, 4, 32], 64, true)]
        var layerSeconds = 0.0, bareSeconds = 0.0, flops = 0.0
        var details: [String] = []
        for (input, filters, inputGradient) in layers {
            guard let conv = try? Conv2D(filters: filters, kernelSize: [3], padding: .same, activation: "relu") else { return }
            var random = RandomGenerator(seed: 9)
            guard (try? conv.build(inputShape: input, random: &random)) != nil else { return }
            conv.reserve(batchCapacity: batch)
            let x = (0..<(batch * input.reduce(1, *))).map { _ in random.uniformFloat() }
            let g = (0..<(batch * conv.outputShape.reduce(1, *))).map { _ in random.uniformFloat(low: -1, high: 1) }
            let rows = batch * input[0] * input[1], window = 9 * input[2]
            var shapes = [ProductShape(m: rows, n: filters, k: window, transA: false, transB: false),
                          ProductShape(m: window, n: filters, k: rows, transA: true, transB: false)]
            if inputGradient { shapes.append(ProductShape(m: rows, n: window, k: filters, transA: false, transB: true)) }
            let reps = 400
            let layerTime = Self.timed(reps: reps) {
                _ = conv.forward(x, batch: batch, training: true)
                _ = conv.backward(g, batch: batch, needsInputGradient: inputGradient)
            }
            let bareTime = Self.bareSgemmSeconds(shapes, reps: reps)
            let layerFlops = shapes.reduce(0) { $0 + $1.flops } * Double(reps)
            layerSeconds += layerTime
            bareSeconds += bareTime
            flops += layerFlops
            details.append(String(format: "%@→%d: %.1f GFLOP/s in the layer, %.1f bare (%.0f%%)",
                                  input.map(String.init).joined(separator: "x"), filters,
                                  layerFlops / layerTime / 1e9, layerFlops / bareTime / 1e9, 100 * bareTime / layerTime))
        }
        printLine(String(format: "digits CNN convolutions (forward + backward, batch 32, 1 thread): %.1f GFLOP/s against %.1f GFLOP/s of bare sgemm on the same shapes: %.0f%% [%@]",
                         flops / layerSeconds / 1e9, flops / bareSeconds / 1e9, 100 * bareSeconds / layerSeconds, details.joined(separator: "; ")))
    }

    /// Seconds for `reps` rounds of the given products, each on its own buffers.
    static func bareSgemmSeconds(_ shapes: [ProductShape], reps: Int) -> Double {
        let buffers = shapes.map { s in
            ([Float](repeating: 0.5, count: s.m * s.k), [Float](repeating: 0.25, count: s.k * s.n), [Float](repeating: 0, count: s.m * s.n))
        }
        var outputs = buffers.map(\.2)
        return timed(reps: reps) {
            for (i, s) in shapes.enumerated() {
                buffers[i].0.withUnsafeBufferPointer { a in
                    buffers[i].1.withUnsafeBufferPointer { b in
                        outputs[i].withUnsafeMutableBufferPointer { c in
                            guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                            BLAS.sgemm(transA: s.transA, transB: s.transB, m: s.m, n: s.n, k: s.k, alpha: 1,
                                       a: a, lda: s.transA ? s.m : s.k, b: b, ldb: s.transB ? s.k : s.n, beta: 0, c: c, ldc: s.n)
                        }
                    }
                }
            }
        }
    }

    /// The best of five timings of `reps` calls (after one warm-up round), in CPU seconds, which
    /// other processes sharing the cores disturb less than wall time.
    static func timed(reps: Int, _ body: () -> Void) -> Double {
        body()
        var best = Double.infinity
        for _ in 0..<5 {
            let start = cpuSeconds()
            for _ in 0..<reps { body() }
            best = min(best, cpuSeconds() - start)
        }
        return best
    }

    /// CPU time this process has used (all its threads; the engine trains on one).
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
