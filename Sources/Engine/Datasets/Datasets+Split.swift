import Foundation
import Tensor

extension Datasets {
    /// A split size as scikit-learn accepts it: a fraction of the samples or a count.
    public enum SplitSize: Sendable, Equatable {
        case fraction(Double)
        case count(Int)
    }

    /// The row indices scikit-learn's `train_test_split` picks, bit-exact: the
    /// test set gets ceil(fraction · n) samples (the train set floor(fraction · n)
    /// when given, else the rest); with shuffling, both come from one
    /// `permutation(n)` — test first, then train — as `ShuffleSplit` does.
    public static func trainTestSplitIndices(
        nSamples n: Int, testSize: SplitSize? = nil, trainSize: SplitSize? = nil,
        shuffle: Bool = true, random: NumPyRandomState
    ) throws -> (train: [Int], test: [Int]) {
        guard n > 0 else { throw EngineError("With n_samples=\(n), the resulting train set would be empty. Adjust any of the aforementioned parameters.") }
        func resolved(_ size: SplitSize, name: String, roundUp: Bool) throws -> Int {
            switch size {
            case .fraction(let f):
                guard f > 0 && f < 1 else {
                    throw EngineError("\(name)=\(f) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range")
                }
                let exact = f * Double(n)
                return Int(roundUp ? exact.rounded(.up) : exact.rounded(.down))
            case .count(let c):
                guard c > 0 && c < n else {
                    throw EngineError("\(name)=\(c) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range")
                }
                return c
            }
        }
        // sklearn's default: a quarter for testing when neither size is given.
        let testSpec = testSize ?? (trainSize == nil ? .fraction(0.25) : nil)
        var testCount = try testSpec.map { try resolved($0, name: "test_size", roundUp: true) }
        var trainCount = try trainSize.map { try resolved($0, name: "train_size", roundUp: false) }
        if testCount == nil, let trainCount { testCount = n - trainCount }
        if trainCount == nil, let testCount { trainCount = n - testCount }
        guard let nTest = testCount, let nTrain = trainCount, nTrain > 0, nTest > 0, nTrain + nTest <= n else {
            throw EngineError("With n_samples=\(n), test_size=\(String(describing: testSize)) and train_size=\(String(describing: trainSize)), the resulting train set would be empty or the sizes exceed the samples. Adjust any of the aforementioned parameters.")
        }
        if !shuffle {
            return (Array(0..<nTrain), Array(nTrain..<(nTrain + nTest)))
        }
        let permutation = random.permutation(n)
        return (Array(permutation[nTest..<(nTest + nTrain)]), Array(permutation[0..<nTest]))
    }
}
