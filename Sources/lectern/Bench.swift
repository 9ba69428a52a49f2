import ArgumentParser
import Engine
import Foundation
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
        printLine("moons overfit (Dense 500 relu + Dense 1 sigmoid, Adam, 4000 epochs, validation each epoch): "
              + String(format: "median %.3f s over %d runs (min %.3f, max %.3f); ", median, repeats, times.first ?? 0, times.last ?? 0)
              + last)
    }
}
