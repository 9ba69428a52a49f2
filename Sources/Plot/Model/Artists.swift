/// Line styles as matplotlib names them ('-', '--', ':', '-.', 'None').
public enum LineStyle: Sendable, Equatable {
    case solid, dashed, dotted, dashDot, none

    /// Dash pattern in units of the line width, as matplotlib scales its defaults.
    var pattern: [Double]? {
        switch self {
        case .solid, .none: return nil
        case .dashed: return [3.7, 1.6]
        case .dotted: return [1, 1.65]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        }
    }
}

/// Marker shapes: 'o', '.', 's', '^', 'x', '+', '*', 'D'.
public enum Marker: Sendable, Equatable {
    case circle, point, square, triangle, cross, plus, star, diamond

    /// matplotlib's `rcParams['lines.markersize']`: how wide a line's markers are, in points,
    /// unless the line sets `markersize`.
    public static let defaultSize = 6.0

    /// How wide this marker draws for a given `markersize`: matplotlib's '.' is a disc of half
    /// the size, every other shape spans all of it.
    func width(markerSize: Double) -> Double { self == .point ? markerSize / 2 : markerSize }
}

/// One drawn series.
struct LineArtist {
    var x: [Double]
    var y: [Double]
    var label: String?
    var color: Color
    var style: LineStyle
    var width: Double
    var marker: Marker?
    /// `markersize`, in points.
    var markerSize = Marker.defaultSize
    /// Half the length, in points, of the caps across both ends (`errorbar(capsize=)`); 0 draws none.
    var capSize = 0.0
}

struct ScatterArtist {
    var x: [Double]
    var y: [Double]
    var colors: [Color]
    var size: Double
    var label: String?
    var alpha: Double
    /// The marker shape; discs (matplotlib's 'o') unless set.
    var marker: Marker = .circle
}

/// One row of a legend: the label and a handle drawn like its artist (a line, a marker, a patch).
struct LegendEntry {
    var label: String
    var color: Color
    var style: LineStyle
    var width: Double
    var marker: Marker?
    var markerSize = Marker.defaultSize
    var patch = false
}
