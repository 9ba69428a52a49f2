import Tensor

extension Datasets {
    /// scikit-learn's `make_blobs` with `centers` drawn at random: Gaussian
    /// clusters around centers drawn uniformly from `centerBox`, bit-exact with
    /// sklearn for the same `random_state`. Samples are split as evenly as
    /// possible (the first clusters get the remainder), drawn cluster by cluster
    /// and row by row, then shuffled. Returns the centers too (`return_centers`).
    public static func makeBlobs(
        nSamples: Int = 100, centers: Int = 3, nFeatures: Int = 2, clusterStd: Double = 1,
        centerBox: (Double, Double) = (-10, 10), shuffle: Bool = true, random: NumPyRandomState
    ) throws -> (x: [Double], y: [Int], centers: [Double]) {
        guard centers > 0, nFeatures > 0, nSamples >= 0 else {
            throw EngineError("make_blobs expects positive centers and n_features and a non-negative n_samples. Received: n_samples=\(nSamples), centers=\(centers), n_features=\(nFeatures)")
        }
        let centerValues = (0..<centers * nFeatures).map { _ in random.uniform(low: centerBox.0, high: centerBox.1) }
        var perCenter = [Int](repeating: nSamples / centers, count: centers)
        for i in 0..<(nSamples % centers) { perCenter[i] += 1 }
        var x: [Double] = []
        var y: [Int] = []
        x.reserveCapacity(nSamples * nFeatures)
        y.reserveCapacity(nSamples)
        for (cluster, count) in perCenter.enumerated() {
            for _ in 0..<count {
                for feature in 0..<nFeatures {
                    x.append(random.normal(loc: centerValues[cluster * nFeatures + feature], scale: clusterStd))
                }
                y.append(cluster)
            }
        }
        if shuffle { shuffleRows(&x, columns: nFeatures, labels: &y, random: random) }
        return (x, y, centerValues)
    }
}
