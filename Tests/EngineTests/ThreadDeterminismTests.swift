import Foundation
import XCTest
import Tensor
import Engine

/// OpenBLAS can give different bits for the same product with one thread or
/// two (this test failed before the engine pinned the count), so training must
/// not depend on the thread count the process happens to have.
final class ThreadDeterminismTests: XCTestCase {
    func testTrainingIgnoresTheProcessBLASThreadCount() throws {
        var random = RandomGenerator(seed: 12)
        let x = Tensor(shape: [512, 64], data: (0..<512 * 64).map { _ in random.uniformFloat(low: -1, high: 1) })
        let y = Tensor(shape: [512, 1], data: (0..<512).map { _ in random.bernoulli(0.5) ? 1 : 0 })
        func train(threads: Int) throws -> [[Float]] {
            BLAS.setThreads(threads)
            let model = Sequential(seed: 3)
            try model.add(Dense(units: 256, activation: "relu", inputDim: 64))
            try model.add(Dense(units: 1, activation: "sigmoid"))
            try model.compile(loss: "binary_crossentropy", optimizer: Adam(), metrics: ["accuracy"])
            _ = try model.fit(x: x, y: y, batchSize: 256, epochs: 2, verbose: 0, log: { _ in })
            return model.getWeights()
        }
        defer { BLAS.setThreads(ProcessInfo.processInfo.activeProcessorCount) }
        XCTAssertEqual(try train(threads: 2), try train(threads: 1))
    }

    func testRawSgemmCanDifferBetweenThreadCounts() {
        // Documents why the engine pins the thread count; the products are equal to rounding either way.
        var random = RandomGenerator(seed: 12)
        let a = (0..<256 * 64).map { _ in random.uniformFloat(low: -1, high: 1) }
        let b = (0..<256 * 256).map { _ in random.uniformFloat(low: -1, high: 1) }
        func product(threads: Int) -> [Float] {
            BLAS.setThreads(threads)
            var c = [Float](repeating: 0, count: 64 * 256)
            BLAS.sgemm(transA: true, transB: false, m: 64, n: 256, k: 256, alpha: 1, a: a, lda: 64, b: b, ldb: 256, beta: 0, c: &c, ldc: 256)
            return c
        }
        defer { BLAS.setThreads(ProcessInfo.processInfo.activeProcessorCount) }
        let one = product(threads: 1), two = product(threads: 2)
        for (p, q) in zip(one, two) { XCTAssertEqual(p, q, accuracy: 1e-4) }
        print("sgemm 64x256x256 (Aᵀ·B): \(zip(one, two).filter { $0 != $1 }.count) of \(one.count) entries differ between 1 and 2 threads")
    }
}
