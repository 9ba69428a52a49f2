import Plot
import Script

/// The calls that colour a grid or summarise data: `contourf`, `pcolormesh`, `imshow`,
/// `boxplot`, and `text` placed in data coordinates.
enum AxesMeshes {
    typealias M = AxesMethods

    nonisolated(unsafe) static let calls: [AxesCall] = [
        AxesCall("contourf", "*args, !data=None, **kwargs") { ax, a in
            let props = try ArtistKeywords(a.extraKeywords, .contourSet, call: "contourf", drawn: ["levels", "cmap", "alpha", "vmin", "vmax"])
            let p = a.extraPositional
            guard p.count == 3 || p.count == 4 else {
                throw ScriptError.notImplemented("contourf takes X, Y, Z (and levels); Z alone is not supported yet")
            }
            if p.count == 4, props["levels"] != nil { throw ScriptError.type("contourf() got multiple values for argument 'levels'") }
            return try mesh(ax, p[0], p[1], p[2], levels: p.count == 4 ? p[3] : props["levels"] ?? .int(7), cmap: props["cmap"],
                            alpha: props["alpha"], vmin: props["vmin"], vmax: props["vmax"], "contourf")
        },
        AxesCall("pcolormesh", """
            *args, alpha=None, !norm=None, cmap=None, vmin=None, vmax=None, !colorizer=None, shading=None, !antialiased=False,
            !data=None, **kwargs
            """) { ax, a in
            _ = try ArtistKeywords(a.extraKeywords, .quadMesh, call: "pcolormesh", drawn: [])
            // Cells centred on the grid points: matplotlib's 'nearest', which 'auto' picks for X, Y and Z of one shape.
            try M.only(a, "shading", in: ["auto", "nearest"], call: "pcolormesh")
            let p = a.extraPositional
            guard p.count == 3 else { throw ScriptError.notImplemented("pcolormesh takes X, Y and C; C alone is not supported yet") }
            return try mesh(ax, p[0], p[1], p[2], levels: nil, cmap: a.optional("cmap"), alpha: a.optional("alpha"),
                            vmin: a.optional("vmin"), vmax: a.optional("vmax"), "pcolormesh")
        },
        AxesCall("imshow", """
            X, cmap=None, !norm=None, *, !aspect=None, interpolation=None, alpha=None, vmin=None, vmax=None, !colorizer=None,
            origin=None, !extent=None, !interpolation_stage=None, !filternorm=True, !filterrad=4.0, !resample=None, !url=None,
            !data=None, **kwargs
            """, imshow),
        AxesCall("boxplot", """
            x, *, !notch=None, !sym=None, !vert=None, !orientation='vertical', !whis=None, !positions=None, !widths=None,
            !patch_artist=None, !bootstrap=None, !usermedians=None, !conf_intervals=None, !meanline=None, showmeans=None,
            !showcaps=None, !showbox=None, !showfliers=None, !boxprops=None, tick_labels=None, !flierprops=None, !medianprops=None,
            !meanprops=None, !capprops=None, !whiskerprops=None, !manage_ticks=True, !autorange=False, !zorder=None,
            !capwidths=None, !label=None, !data=None, labels=None
            """) { ax, a in
            let data = a["x"]
            var sets: [[Double]]
            let items = try data.sequence("x")
            if items.allSatisfy({ if case .int = $0 { return true }; if case .float = $0 { return true }; return false }) {
                sets = [try M.numbers(data)]
            } else if case .object(let array as NDArray) = data, array.ndim == 2 {
                // A 2-D array: one box per column, as matplotlib does.
                sets = (0..<array.shape[1]).map { j in (0..<array.shape[0]).map { array.storage[$0 * array.shape[1] + j] } }
            } else {
                sets = try items.map { try M.numbers($0) }
            }
            // `labels` is matplotlib's name before 3.9.
            let labels = try (a.optional("tick_labels") ?? a.optional("labels"))?.sequence("tick_labels").map { try $0.string("tick_labels") }
            ax.boxplot(sets, labels: labels, showMeans: try a.optional("showmeans")?.bool("showmeans") ?? false)
            return .none
        },
        AxesCall("text", "x, y, s, !fontdict=None, **kwargs") { ax, a in
            let props = try ArtistKeywords(a.extraKeywords, .text, call: "text", drawn: ["fontsize", "color"])
            ax.text(x: try a["x"].double("x"), y: try a["y"].double("y"), try a["s"].string("s"),
                    size: try props.double("fontsize") ?? 10, color: try props.color() ?? .black)
            return .none
        },
    ]

    static func imshow(_ ax: Axes, _ a: BoundArguments) throws -> Value {
        _ = try ArtistKeywords(a.extraKeywords, .image, call: "imshow", drawn: [])
        try M.only(a, "interpolation", in: ["nearest", "none"], call: "imshow")
        try M.only(a, "origin", in: ["upper"], call: "imshow")
        let array = try NDArray.coerce(a["X"])
        guard array.ndim == 2 else { throw ScriptError.notImplemented("imshow supports 2-D arrays (grey levels through a colormap)") }
        let rows = array.shape[0], cols = array.shape[1]
        // Row 0 at the top, as images are shown.
        var flipped: [Double] = []
        for i in (0..<rows).reversed() { flipped += array.storage[(i * cols)..<((i + 1) * cols)] }
        ax.mesh(xEdges: (0...cols).map { Double($0) - 0.5 }, yEdges: (0...rows).map { Double(rows) - 0.5 - Double(rows - $0) },
                values: flipped, colormap: try AxesDecorations.colormapName(a.optional("cmap")),
                alpha: try a.optional("alpha")?.double("alpha") ?? 1, range: try range(a.optional("vmin"), a.optional("vmax")))
        return .object(MappableObject(ax, ax.mappable))
    }

    /// `vmin` and `vmax` together; one of them alone is refused rather than dropped.
    static func range(_ low: Value?, _ high: Value?) throws -> (Double, Double)? {
        switch (low, high) {
        case (nil, nil): return nil
        case let (lo?, hi?): return (try lo.double("vmin"), try hi.double("vmax"))
        default: throw ScriptError.notImplemented("vmin without vmax (or vmax without vmin) is not supported yet; give both")
        }
    }

    /// `contourf(xx, yy, Z)` / `pcolormesh(xx, yy, Z)` on a meshgrid: cells centred on the grid points.
    static func mesh(_ ax: Axes, _ xValue: Value, _ yValue: Value, _ zValue: Value, levels: Value?, cmap: Value?, alpha: Value?,
                     vmin: Value?, vmax: Value?, _ name: String) throws -> Value {
        let xx = try NDArray.coerce(xValue), yy = try NDArray.coerce(yValue), z = try NDArray.coerce(zValue)
        guard z.ndim == 2 else { throw ScriptError.value("\(name) expects Z as a 2-D array") }
        let rows = z.shape[0], cols = z.shape[1]
        let xs = xx.ndim == 2 ? Array(xx.storage.prefix(cols)) : xx.storage
        let ys = yy.ndim == 2 ? stride(from: 0, to: yy.count, by: max(1, yy.shape.last ?? 1)).map { yy.storage[$0] } : yy.storage
        guard xs.count == cols, ys.count == rows else {
            throw ScriptError.value("\(name): shapes of X \(NDArray.shapeText(xx.shape)), Y \(NDArray.shapeText(yy.shape)) and Z \(NDArray.shapeText(z.shape)) do not match")
        }
        func edges(_ c: [Double]) -> [Double] {
            guard c.count > 1 else { return [(c.first ?? 0) - 0.5, (c.first ?? 0) + 0.5] }
            var e = [c[0] - (c[1] - c[0]) / 2]
            for i in 0..<(c.count - 1) { e.append((c[i] + c[i + 1]) / 2) }
            e.append(c[c.count - 1] + (c[c.count - 1] - c[c.count - 2]) / 2)
            return e
        }
        var range = try range(vmin, vmax)
        var values = z.storage
        var bands: [Double]?
        if let levels {
            // Filled bands between level boundaries (about 7 "nice" levels unless `levels=` says
            // otherwise, as matplotlib picks them), each drawn in the colour of its middle value.
            let bounds = try AxesDecorations.levelBoundaries(levels, values: values)
            bands = bounds
            values = values.map { v in
                guard v.isFinite, let k = bounds.lastIndex(where: { $0 <= v }) else { return v }
                let i = min(k, bounds.count - 2)
                return (bounds[i] + bounds[i + 1]) / 2
            }
            range = range ?? ((bounds[0] + bounds[1]) / 2, (bounds[bounds.count - 2] + bounds[bounds.count - 1]) / 2)
        }
        ax.mesh(xEdges: edges(xs), yEdges: edges(ys), values: values, colormap: try AxesDecorations.colormapName(cmap),
                alpha: try alpha?.double("alpha") ?? 1, range: range)
        if let bands { ax.mappable?.boundaries = bands }
        return .object(MappableObject(ax, ax.mappable))
    }
}
