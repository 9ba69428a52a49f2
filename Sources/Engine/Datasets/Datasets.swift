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
        let n = max(0, nSamples)
        let outerCount = n / 2
        let innerCount = n - outerCount
        let random = NumPyRandomState(seed: randomState ?? 0)

        var points: [(Double, Double)] = []
        points.reserveCapacity(n)
        for angle in linspace(0, Double.pi, outerCount) {
            points.append((cos(angle), sin(angle)))
        }
        for angle in linspace(0, Double.pi, innerCount) {
            points.append((1 - cos(angle), 1 - sin(angle) - 0.5))
        }
        var labels = [Int](repeating: 0, count: outerCount) + [Int](repeating: 1, count: innerCount)

        if shuffle {
            // sklearn shuffles an index array and takes rows in that order.
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

    /// NumPy's `linspace(start, stop, count)`: start + i·step, with the last
    /// value set to `stop` exactly.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }
}
