import Plot
import Script

/// The calls that draw data as lines, points, bars and bands: `plot` and its log forms, `step`,
/// `scatter`, `hist`, `bar`, `barh`, `errorbar`, `fill_between`, `axhline`, `axvline`.
enum AxesPlotting {
    typealias M = AxesMethods

    static let lineDrawn = ["label", "color", "linestyle", "linewidth", "marker", "markersize", "alpha"]
    /// A log axis' own keywords (`base`, ...), refused by name.
    static let logKeywords = ["base", "subs", "nonpositive"]

    nonisolated(unsafe) static let calls: [AxesCall] = [
        AxesCall("plot", "*args, !scalex=True, !scaley=True, !data=None, **kwargs") { ax, a in try plot(ax, a, "plot") },
        AxesCall("semilogx", "*args, **kwargs") { ax, a in ax.xscale = .log; return try plot(ax, a, "semilogx") },
        AxesCall("semilogy", "*args, **kwargs") { ax, a in ax.yscale = .log; return try plot(ax, a, "semilogy") },
        AxesCall("loglog", "*args, **kwargs") { ax, a in ax.xscale = .log; ax.yscale = .log; return try plot(ax, a, "loglog") },
        AxesCall("step", "x, y, *args, where='pre', !data=None, **kwargs") { ax, a in
            let props = try ArtistKeywords(a.extraKeywords, .line, call: "step", drawn: ["label", "color", "linestyle", "linewidth", "alpha"])
            guard a.extraPositional.count <= 1 else { throw ScriptError.type("step() takes x, y and one format string") }
            let look = try M.lineLook(format: try a.extraPositional.first?.string("fmt"), props)
            if look.marker != nil { throw ScriptError.notImplemented("step: markers are not supported yet") }
            do {
                try ax.step(x: try M.numbers(a["x"]), y: try M.numbers(a["y"]), where: try a["where"].string("where"),
                            label: try M.label(props["label"]), color: look.color, lineStyle: look.style,
                            lineWidth: try props.double("linewidth") ?? 1.5, alpha: try props.alpha())
            } catch let e as PlotError {
                throw ScriptError.value(e.description)
            }
            return .none
        },
        AxesCall("scatter", """
            x, y, s=None, c=None, *, marker=None, cmap=None, !norm=None, vmin=None, vmax=None, alpha=None, !linewidths=None,
            !edgecolors=None, !colorizer=None, !plotnonfinite=False, !data=None, **kwargs
            """, scatter),
        AxesCall("hist", """
            x, bins=None, *, range=None, density=False, !weights=None, !cumulative=False, !bottom=None, histtype='bar',
            !align='mid', !orientation='vertical', !rwidth=None, !log=False, color=None, label=None, !stacked=False, !data=None, **kwargs
            """, hist),
        AxesCall("bar", "x, height, width=0.8, bottom=None, *, align='center', !data=None, **kwargs") { ax, a in
            try bar(ax, a, horizontal: false)
        },
        AxesCall("barh", "y, width, height=0.8, left=None, *, align='center', !data=None, **kwargs") { ax, a in
            try bar(ax, a, horizontal: true)
        },
        AxesCall("errorbar", """
            x, y, yerr=None, !xerr=None, fmt='', *, !ecolor=None, !elinewidth=None, capsize=None, !barsabove=False, !lolims=False,
            !uplims=False, !xlolims=False, !xuplims=False, !errorevery=1, !capthick=None, !elinestyle=None, !data=None, **kwargs
            """) { ax, a in
            let props = try ArtistKeywords(a.extraKeywords, .line, call: "errorbar",
                                           drawn: ["label", "color", "linestyle", "marker", "markersize", "alpha"])
            let look = try M.lineLook(format: try a["fmt"].string("fmt"), props)
            // matplotlib's `capsize` is half a cap's length in points; its default (rcParams) draws none.
            ax.errorbar(x: try M.numbers(a["x"]), y: try M.numbers(a["y"]), yerr: try a.optional("yerr").map(M.numbers) ?? [0],
                        label: try M.label(props["label"]), color: look.color, lineStyle: look.style, marker: look.marker,
                        markerSize: try markerSize(props), capSize: try a.optional("capsize")?.double("capsize") ?? 0,
                        alpha: try props.alpha())
            return .none
        },
        AxesCall("fill_between", "x, y1, y2=0, !where=None, !interpolate=False, !step=None, *, !data=None, **kwargs") { ax, a in
            let props = try ArtistKeywords(a.extraKeywords, .fillBetween, call: "fill_between", drawn: ["alpha", "color", "facecolor", "label"])
            let x = try M.numbers(a["x"])
            func filled(_ v: [Double]) -> [Double] { v.count == 1 ? [Double](repeating: v[0], count: x.count) : v }
            ax.fillBetween(x: x, y1: filled(try M.numbers(a["y1"])), y2: filled(try M.numbers(a["y2"])),
                           color: try props.color() ?? props.color("facecolor"), alpha: try props.double("alpha") ?? 1,
                           label: try M.label(props["label"]))
            return .none
        },
        AxesCall("axhline", "y=0, !xmin=0, !xmax=1, **kwargs") { ax, a in
            let line = try referenceLine(a, "axhline")
            ax.axhline(try a["y"].double("y"), color: line.color, style: line.style, width: line.width, alpha: line.alpha)
            return .none
        },
        AxesCall("axvline", "x=0, !ymin=0, !ymax=1, **kwargs") { ax, a in
            let line = try referenceLine(a, "axvline")
            ax.axvline(try a["x"].double("x"), color: line.color, style: line.style, width: line.width, alpha: line.alpha)
            return .none
        },
    ]

    /// `plot([x], y, [fmt], **Line2D properties)`.
    static func plot(_ ax: Axes, _ a: BoundArguments, _ call: String) throws -> Value {
        let props = try ArtistKeywords(a.extraKeywords, .line, call: call, drawn: lineDrawn, alsoReal: call == "plot" ? [] : logKeywords)
        var positional = a.extraPositional
        var format: String?
        if case .string(let f)? = positional.last { format = f; positional.removeLast() }
        // Strings as x are categories, placed at 0, 1, 2, ... in the order first met, as matplotlib does.
        if positional.count == 2, let positions = try PyplotModule.categoryPositions(positional[0], on: ax) { positional[0] = positions }
        let arrays = try positional.map { try NDArray.coerce($0).storage }
        let x: [Double]?, y: [Double]
        switch arrays.count {
        case 1: x = nil; y = arrays[0]
        case 2:
            x = arrays[0]; y = arrays[1]
            guard arrays[0].count == arrays[1].count else {
                throw ScriptError.value("x and y must have same first dimension, but have shapes (\(arrays[0].count),) and (\(arrays[1].count),)")
            }
        default: throw ScriptError.type("\(call)() expects y, or x and y, optionally with a format string")
        }
        let look = try M.lineLook(format: format, props)
        ax.plot(x: x, y: y, label: try M.label(props["label"]), color: look.color, lineStyle: look.style,
                lineWidth: try props.double("linewidth") ?? 1.5, marker: look.marker, markerSize: try markerSize(props),
                alpha: try props.alpha())
        return .none
    }

    /// `markersize` in points, matplotlib's default unless given.
    static func markerSize(_ props: ArtistKeywords) throws -> Double {
        try props.double("markersize") ?? Marker.defaultSize
    }

    static func referenceLine(_ a: BoundArguments, _ call: String) throws -> (color: Color?, style: LineStyle, width: Double, alpha: Double?) {
        let props = try ArtistKeywords(a.extraKeywords, .line, call: call, drawn: ["color", "linestyle", "linewidth", "alpha"])
        return (try props.color(), try props.string("linestyle").map(FormatString.lineStyle) ?? .solid, try props.double("linewidth") ?? 1.5,
                try props.alpha())
    }

    static func scatter(_ ax: Axes, _ a: BoundArguments) throws -> Value {
        let props = try ArtistKeywords(a.extraKeywords, .pathCollection, call: "scatter", drawn: ["label", "color"])
        let x = try M.numbers(a["x"]), y = try M.numbers(a["y"])
        guard x.count == y.count else { throw ScriptError.value("x and y must be the same size") }
        var colors: [Color]?
        var mappable: Mappable?
        if let c = a.optional("c") ?? props["color"] {
            if case .string = c { colors = [try M.colorArgument(c) ?? Color.cycle[0]] } else {
                // Numbers (class labels) go through the colormap, scaled to their range.
                let values = try M.numbers(c)
                let lo = values.min() ?? 0, hi = values.max() ?? 1
                let cmap = try AxesDecorations.colormapName(a.optional("cmap"))
                let vmin = try a.optional("vmin")?.double("vmin") ?? lo, vmax = try a.optional("vmax")?.double("vmax") ?? hi
                colors = values.map { Colormap.color(vmax > vmin ? ($0 - vmin) / (vmax - vmin) : 0, name: cmap) }
                mappable = Mappable(colormap: cmap, low: vmin, high: vmax)
            }
        }
        ax.scatter(x: x, y: y, colors: colors, size: try a.optional("s")?.double("s") ?? 36, label: try M.label(props["label"]),
                   alpha: try a.optional("alpha")?.double("alpha") ?? 1,
                   marker: try a.optional("marker").map { try FormatString.marker(try $0.string("marker")) } ?? .circle)
        if let mappable { ax.mappable = mappable }
        return .object(MappableObject(ax, mappable))
    }

    static func hist(_ ax: Axes, _ a: BoundArguments) throws -> Value {
        let props = try ArtistKeywords(a.extraKeywords, .rectangle, call: "hist", drawn: ["alpha"])
        let data = try M.numbers(a["x"])
        var range: (Double, Double)?
        if let r = a.optional("range") {
            let pair = try r.sequence("range").map { try $0.double("range") }
            guard pair.count == 2 else { throw ScriptError.value("range must be (min, max)") }
            range = (pair[0], pair[1])
        }
        try M.only(a, "histtype", in: ["bar", "step"], call: "hist")
        let bins = try a.optional("bins")?.int("bins") ?? 10
        guard bins >= 1 else { throw ScriptError.value("`bins` must be positive, when an integer. Received: \(bins)") }
        try Limits.check(elements: bins, times: 1)
        let (counts, edges) = ax.hist(data, bins: bins, range: range, density: try a["density"].bool("density"),
                                      color: try M.colorArgument(a["color"]), alpha: try props.double("alpha") ?? 1,
                                      label: try M.label(a["label"]), stepOnly: try a["histtype"].string("histtype") == "step")
        return .tuple([.object(NDArray(shape: [counts.count], storage: counts)), .object(NDArray(shape: [edges.count], storage: edges)), .none])
    }

    /// `bar(x, height, width, bottom)` and `barh(y, width, height, left)`: the same bars, turned.
    static func bar(_ ax: Axes, _ a: BoundArguments, horizontal: Bool) throws -> Value {
        let call = horizontal ? "barh" : "bar"
        let (at, length, thickness, base) = horizontal ? ("y", "width", "height", "left") : ("x", "height", "width", "bottom")
        let props = try ArtistKeywords(a.extraKeywords, .rectangle, call: call, drawn: ["color", "label", "alpha"],
                                       alsoReal: ["tick_label", "xerr", "yerr", "ecolor", "capsize", "error_kw", "log"])
        var categories: [String]?
        var x: [Double]
        let first = try a[at].sequence(at)
        if first.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
            categories = try first.map { try $0.string(at) }
            x = (0..<first.count).map(Double.init)
        } else {
            x = try M.numbers(a[at])
        }
        var h = try M.numbers(a[length])
        if h.count == 1 && x.count > 1 { h = [Double](repeating: h[0], count: x.count) }
        let width = try a[thickness].double(thickness)
        let align = try a["align"].string("align")
        guard align == "center" || align == "edge" else { throw ScriptError.value("align must be either 'center' or 'edge'. Received: '\(align)'") }
        // align='edge' puts the bar's left (or bottom) edge at x, as for pre-binned histograms.
        if align == "edge" { x = x.map { $0 + width / 2 } }
        ax.bar(x: x, heights: h, width: width, bottom: try a.optional(base)?.double(base) ?? 0,
               color: try props.color(), label: try M.label(props["label"]), horizontal: horizontal,
               alpha: try props.double("alpha") ?? 1)
        if let categories {
            if horizontal { ax.yticks = (x, categories) } else { ax.xticks = (x, categories) }
        }
        return .none
    }
}
