/// A figure: a size in inches at a dpi, a grid of axes, and an optional overall title.
/// Drawing is separate (`FigureRenderer`); this is only what is shown and where.
public final class Figure {
    public let width: Double
    public let height: Double
    public let dpi: Double
    public var suptitle: String?
    public private(set) var allAxes: [Axes] = []
    /// `figtext(x, y, s)`: text at figure coordinates (0-1 from the bottom left).
    public private(set) var texts: [(x: Double, y: Double, text: String, size: Double)] = []
    private var current: Axes?

    public init(width: Double = 6.4, height: Double = 4.8, dpi: Double = 100) {
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// `subplot(rows, cols, index)`: the axes in that grid slot, created on first use.
    public func axes(rows: Int, cols: Int, index: Int) -> Axes {
        if let a = allAxes.first(where: { $0.rows == rows && $0.cols == cols && $0.index == index }) {
            current = a
            return a
        }
        let a = Axes(rows: rows, cols: cols, index: index)
        allAxes.append(a)
        current = a
        return a
    }

    /// `gca()`: the current axes, a single full-figure one if there is none yet.
    /// Whether nothing was drawn on it (no axes, text or title).
    public var isBlank: Bool { allAxes.isEmpty && texts.isEmpty && suptitle == nil }

    public var currentAxes: Axes {
        current ?? axes(rows: 1, cols: 1, index: 1)
    }

    public func addText(_ text: String, x: Double, y: Double, size: Double = 10) {
        texts.append((x, y, text, size))
    }

    /// The size the page shows the figure at, in CSS pixels.
    public var pixelSize: (width: Int, height: Int) {
        (Int((width * dpi).rounded()), Int((height * dpi).rounded()))
    }

    public func describe() -> String {
        var lines = ["figure \(Ticks.short(width))x\(Ticks.short(height)) in at \(Ticks.short(dpi)) dpi"]
        if let s = suptitle { lines.append("suptitle '\(s)'") }
        for t in texts { lines.append("figtext '\(t.text)' at (\(Ticks.short(t.x)), \(Ticks.short(t.y)))") }
        lines += allAxes.map { $0.describe() }
        return lines.joined(separator: "\n")
    }

    /// The figure as a PNG; drawing stops with an error once `deadline` has passed.
    public func renderPNG(scale: Double = 2, deadline: ContinuousClock.Instant? = nil) throws -> [UInt8] {
        try FigureRenderer(figure: self, scale: scale, deadline: deadline).png()
    }
}
