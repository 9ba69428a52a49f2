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

    func validate() throws {
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1") }
    }

    func run() throws {
        #if DEBUG
        printLine("warning: this is a debug build; use `swift build -c release` for real figures")
        #endif
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
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            let train = try model.evaluate(x: trainX, y: trainY)
            let test = try model.evaluate(x: testX, y: testY)
            last = String(format: "train accuracy %.3f, test accuracy %.3f", train[1], test[1])
        }
        times.sort()
        let median = times[times.count / 2]
        defer { benchFigure() }
        printLine("moons overfit (Dense 500 relu + Dense 1 sigmoid, Adam, 4000 epochs, validation each epoch): "
              + String(format: "median %.3f s over %d runs (min %.3f, max %.3f); ", median, repeats, times.first ?? 0, times.last ?? 0)
              + last)
    }
}

extension Bench {
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
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        printLine("4-panel figure, 8 curves of 4000 points, 1280x960 PNG (\(bytes) bytes): "
                  + String(format: "median %.1f ms over %d runs (min %.1f, max %.1f)", times[times.count / 2] * 1000, repeats, (times.first ?? 0) * 1000, (times.last ?? 0) * 1000))
    }
}
