import Foundation
import Tensor

/// Toy datasets the lessons use, reproduced draw for draw from their reference libraries.
public enum Datasets {
    /// scikit-learn's `make_moons`: two interleaving half circles, bit-exact with
    /// sklearn for the same `random_state`. The upper moon (label 0) has
    /// nSamples/2 points, the lower one the rest; rows are then shuffled and
    /// Gaussian noise of standard deviation `noise` is added, drawn row by row.
    ///
    /// `x` is row-major with two columns. A nil `randomState` seeds from 0.
    public static func makeMoons(nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, randomState: UInt32?) -> (x: [Double], y: [Int]) {
        makeMoons(nSamples: nSamples, shuffle: shuffle, noise: noise, random: NumPyRandomState(seed: randomState ?? 0))
    }

    /// `makeMoons` drawing from an existing state, as sklearn does when given a
    /// `RandomState` (or, with `random_state=None`, NumPy's global one).
    public static func makeMoons(nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, random: NumPyRandomState) -> (x: [Double], y: [Int]) {
        let n = max(0, nSamples)
        let outerCount = n / 2
        let innerCount = n - outerCount

        var points: [(Double, Double)] = []
        points.reserveCapacity(n)
        for angle in linspace(0, Double.pi, outerCount) {
            points.append((cos(angle), sin(angle)))
        }
        for angle in linspace(0, Double.pi, innerCount) {
            points.append((1 - cos(angle), 1 - sin(angle) - 0.5))
        }
        return shuffledWithNoise(points: points, outerCount: outerCount, shuffle: shuffle, noise: noise, random: random)
    }

    /// scikit-learn's `make_circles`: a large circle (label 0, nSamples/2
    /// points) around a smaller one scaled by `factor` (label 1), bit-exact
    /// with sklearn for the same `random_state`. Points are spaced evenly
    /// without repeating the starting angle, then shuffled and noised as in `makeMoons`.
    public static func makeCircles(nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, randomState: UInt32?, factor: Double = 0.8) throws -> (x: [Double], y: [Int]) {
        try makeCircles(nSamples: nSamples, shuffle: shuffle, noise: noise, random: NumPyRandomState(seed: randomState ?? 0), factor: factor)
    }

    /// `makeCircles` drawing from an existing state.
    public static func makeCircles(nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, random: NumPyRandomState, factor: Double = 0.8) throws -> (x: [Double], y: [Int]) {
        guard factor >= 0 && factor < 1 else {
            throw EngineError("'factor' has to be between 0 and 1. Received: factor=\(factor)")
        }
        let n = max(0, nSamples)
        let outerCount = n / 2
        let innerCount = n - outerCount
        var points: [(Double, Double)] = []
        points.reserveCapacity(n)
        for angle in linspace(0, 2 * Double.pi, outerCount, endpoint: false) {
            points.append((cos(angle), sin(angle)))
        }
        for angle in linspace(0, 2 * Double.pi, innerCount, endpoint: false) {
            points.append((cos(angle) * factor, sin(angle) * factor))
        }
        return shuffledWithNoise(points: points, outerCount: outerCount, shuffle: shuffle, noise: noise, random: random)
    }

    /// Reorders rows of a row-major array (and their labels) by sklearn's
    /// `shuffle`: an index array shuffled by the legacy Fisher-Yates.
    static func shuffleRows(_ x: inout [Double], columns: Int, labels: inout [Int], random: NumPyRandomState) {
        var indices = Array(0..<labels.count)
        random.shuffle(&indices)
        let source = x
        for (row, index) in indices.enumerated() {
            for c in 0..<columns { x[row * columns + c] = source[index * columns + c] }
        }
        labels = indices.map { labels[$0] }
    }

    /// The shared tail of the sklearn generators: labels 0 then 1, rows
    /// shuffled through a permuted index array, then noise added row by row.
    private static func shuffledWithNoise(
        points: [(Double, Double)], outerCount: Int, shuffle: Bool, noise: Double?, random: NumPyRandomState
    ) -> (x: [Double], y: [Int]) {
        let n = points.count
        var points = points
        var labels = [Int](repeating: 0, count: outerCount) + [Int](repeating: 1, count: n - outerCount)
        if shuffle {
            var indices = Array(0..<n)
            random.shuffle(&indices)
            points = indices.map { points[$0] }
            labels = indices.map { labels[$0] }
        }
        var x: [Double] = []
        x.reserveCapacity(2 * n)
        for (px, py) in points {
            x.append(px)
            x.append(py)
        }
        if let noise {
            for i in x.indices { x[i] += random.normal(loc: 0, scale: noise) }
        }
        return (x, labels)
    }

    /// NumPy's `linspace(start, stop, count, endpoint)`: start + i·step, with
    /// the last value set to `stop` exactly when the endpoint is included.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int, endpoint: Bool = true) -> [Double] {
        guard count > 0 else { return [] }
        let divisions = endpoint ? count - 1 : count
        guard divisions > 0 else { return [start] }
        let step = (stop - start) / Double(divisions)
        var values = (0..<count).map { Double($0) * step + start }
        if endpoint { values[count - 1] = stop }
        return values
    }
}
