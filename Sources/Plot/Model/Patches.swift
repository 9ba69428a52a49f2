/// Filled shapes: bars and histogram bins (rectangles), `fill_between` polygons, and colour meshes
/// (`contourf`, `pcolormesh`, `imshow`).
struct RectArtist {
    var x0: Double, y0: Double, x1: Double, y1: Double
    var color: Color
    var edge: Color?
    var label: String?
}

struct PolygonArtist {
    var points: [(Double, Double)]
    var color: Color
    var label: String?
}

/// Cells of a grid: cell (i, j) spans x[j]...x[j+1], y[i]...y[i+1].
struct MeshArtist {
    var xEdges: [Double]
    var yEdges: [Double]
    var colors: [Color]   // row-major, (yEdges.count - 1) × (xEdges.count - 1)
}

/// A horizontal or vertical line across the whole axes.
struct ReferenceLine {
    var horizontal: Bool
    var value: Double
    var color: Color
    var style: LineStyle
    var width: Double
}

struct TextArtist {
    var x: Double, y: Double
    var text: String
    var size: Double
    var color: Color
}

/// Box-and-whisker summaries as matplotlib's boxplot draws them (whiskers at 1.5 IQR).
struct BoxArtist {
    var position: Double
    var q1: Double, median: Double, q3: Double
    var low: Double, high: Double
    var outliers: [Double]
    var mean: Double?
}

/// Axis scales.
public enum Scale: String, Sendable {
    case linear, log
}

/// matplotlib's viridis colormap, sampled at 9 points and interpolated.
public enum Colormap {
    static let viridis: [(Double, Double, Double)] = [
        (0.267004, 0.004874, 0.329415), (0.278826, 0.175490, 0.483397), (0.229739, 0.322361, 0.545706),
        (0.172719, 0.448791, 0.557885), (0.127568, 0.566949, 0.550556), (0.157851, 0.683765, 0.501686),
        (0.369214, 0.788888, 0.382914), (0.678489, 0.863742, 0.189503), (0.993248, 0.906157, 0.143936),
    ]
    /// Two classes of a scatter plot or decision boundary, as lessons colour them.
    static let coolwarm: [(Double, Double, Double)] = [
        (0.229806, 0.298718, 0.753683), (0.865003, 0.865003, 0.865003), (0.705673, 0.015556, 0.150233),
    ]

    public static func color(_ t: Double, name: String = "viridis") -> Color {
        let table: [(Double, Double, Double)]
        switch name {
        case "coolwarm", "bwr", "RdBu": table = coolwarm
        default: table = viridis
        }
        let u = t.isFinite ? min(max(t, 0), 1) : 0
        let pos = u * Double(table.count - 1)
        let i = min(Int(pos), table.count - 2)
        let f = pos - Double(i)
        let a = table[i], b = table[i + 1]
        func c(_ x: Double, _ y: Double) -> UInt8 { UInt8(((x + (y - x) * f) * 255).rounded()) }
        return Color(r: c(a.0, b.0), g: c(a.1, b.1), b: c(a.2, b.2))
    }

    public static let names = ["viridis", "coolwarm", "bwr", "RdBu"]
}
