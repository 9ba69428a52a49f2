import Foundation

/// What a colorbar shows: a colormap over a value range.
public struct Mappable: Sendable, Equatable {
    public var colormap: String
    public var low: Double
    public var high: Double
    /// Level boundaries of a filled contour: its colorbar shows one flat band per level.
    public var boundaries: [Double]?

    public init(colormap: String, low: Double, high: Double, boundaries: [Double]? = nil) {
        self.colormap = colormap
        self.low = low
        self.high = high
        self.boundaries = boundaries
    }
}

public struct ColorbarSpec: Sendable, Equatable {
    public var mappable: Mappable
    public var label: String?
}

/// `annotate(text, xy=, xytext=, arrowprops=)`: text at (x, y), optionally with an arrow to the target.
struct AnnotationArtist {
    var text: String
    var x: Double, y: Double
    var targetX: Double, targetY: Double
    var arrow: Bool
    var color: Color
    var size: Double
}

/// Axes whose limits on one axis are computed together.
final class ShareGroup {
    private var boxes: [WeakAxes] = []
    private struct WeakAxes { weak var axes: Axes? }
    var members: [Axes] { boxes.compactMap(\.axes) }
    func add(_ a: Axes) { if !members.contains(where: { $0 === a }) { boxes.append(WeakAxes(axes: a)) } }
}

extension Axes {
    /// True when the axes plot series but not one of their values is finite (a diverged run's
    /// losses): the figure then says so instead of showing empty axes without explanation.
    public var hasOnlyNonFiniteData: Bool {
        let series = lines.map { zip($0.x, $0.y) } .flatMap { $0 } + scatters.map { zip($0.x, $0.y) }.flatMap { $0 }
        guard !series.isEmpty || !lines.isEmpty else { return false }
        return !series.contains { $0.0.isFinite && $0.1.isFinite }
    }

    /// `colorbar(mappable)`: a bar at the right of these axes for the colour-mapped artist.
    public func addColorbar(_ m: Mappable? = nil, label: String? = nil) -> Bool {
        guard let m = m ?? mappable else { return false }
        colorbar = ColorbarSpec(mappable: m, label: label)
        return true
    }

    /// `ax.twinx()`: a second y axis on the right sharing this axes' x axis.
    public func twinx() -> Axes {
        if let t = twin { return t }
        let t = Axes(rows: rows, cols: cols, index: index)
        t.isTwin = true
        let group = shareX ?? ShareGroup()
        group.add(self)
        group.add(t)
        shareX = group
        t.shareX = group
        twin = t
        return t
    }

    /// Joins these axes to others for shared x (or y) limits.
    public static func share(_ axes: [Axes], x: Bool) {
        let group = ShareGroup()
        for a in axes {
            group.add(a)
            if x { a.shareX = group } else { a.shareY = group }
        }
    }

    /// `step(x, y, where=)`: a staircase line; 'pre' jumps at each x before its value, 'post'
    /// after it, 'mid' halfway between points.
    public func step(x: [Double], y: [Double], where position: String = "pre", label: String? = nil, color: Color? = nil,
                     lineStyle: LineStyle = .solid, lineWidth: Double = 1.5, alpha: Double? = nil) throws {
        guard x.count == y.count else { throw PlotError("x and y must have the same length") }
        var xs: [Double] = [], ys: [Double] = []
        guard !x.isEmpty else { plot(x: [], y: [], label: label, color: color, lineStyle: lineStyle, lineWidth: lineWidth, alpha: alpha); return }
        switch position {
        case "pre":
            xs = [x[0]]; ys = [y[0]]
            for i in 1..<x.count { xs += [x[i - 1], x[i]]; ys += [y[i], y[i]] }
        case "post":
            xs = [x[0]]; ys = [y[0]]
            for i in 1..<x.count { xs += [x[i], x[i]]; ys += [y[i - 1], y[i]] }
        case "mid":
            xs = [x[0]]; ys = [y[0]]
            for i in 1..<x.count {
                let m = (x[i - 1] + x[i]) / 2
                xs += [m, m]; ys += [y[i - 1], y[i]]
            }
            xs.append(x[x.count - 1]); ys.append(y[y.count - 1])
        default:
            throw PlotError("'\(position)' is not a valid value for where; supported values are 'pre', 'post', 'mid'")
        }
        plot(x: xs, y: ys, label: label, color: color, lineStyle: lineStyle, lineWidth: lineWidth, alpha: alpha)
    }

    public func annotate(_ text: String, xy: (Double, Double), xytext: (Double, Double)?, arrow: Bool, color: Color = .black, size: Double = 10) {
        let at = xytext ?? xy
        annotations.append(AnnotationArtist(text: text, x: at.0, y: at.1, targetX: xy.0, targetY: xy.1, arrow: arrow && xytext != nil,
                                            color: color, size: size))
    }

    /// Limits widened so one data unit has the same length on both axes in a box of this size
    /// (matplotlib's `axis('equal')`, which adjusts the data limits).
    func equalAspectLimits(_ l: (x: (Double, Double), y: (Double, Double)), width: Double, height: Double) -> (x: (Double, Double), y: (Double, Double)) {
        guard equalAspect, xscale == .linear, yscale == .linear, width > 0, height > 0 else { return l }
        let dx = abs(l.x.1 - l.x.0), dy = abs(l.y.1 - l.y.0)
        guard dx > 0, dy > 0 else { return l }
        var x = l.x, y = l.y
        if dx / width > dy / height {
            let grow = (dx * height / width - dy) / 2
            y = y.0 < y.1 ? (y.0 - grow, y.1 + grow) : (y.0 + grow, y.1 - grow)
        } else {
            let grow = (dy * width / height - dx) / 2
            x = x.0 < x.1 ? (x.0 - grow, x.1 + grow) : (x.0 + grow, x.1 - grow)
        }
        return (x, y)
    }
}

/// A plotting argument the model cannot use.
public struct PlotError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
