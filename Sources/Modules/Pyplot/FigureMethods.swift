import Foundation
import Plot
import Script

/// What a figure does, shared by `fig.NAME(...)` and pyplot's functions on the current figure:
/// titles and free text, saving, colour bars, and the layout calls (Lectern always lays a figure
/// out so that its text fits, so these take no arguments Lectern would have to drop).
enum FigureCalls {
    /// `matplotlib.figure.Figure`'s methods as Lectern has them.
    static let table = MethodTable<FigureObject>([
        Method("suptitle", "t, **kwargs") { f, a, _ in try suptitle(f.figure, a) },
        Method("add_subplot", "*args, **kwargs") { f, a, _ in
            try refuseKeywords(a.extraKeywords, call: "add_subplot")
            let (r, c, i) = try PyplotModule.gridArguments(a.extraPositional.isEmpty ? [.int(111)] : a.extraPositional)
            return .object(AxesObject(f.figure.axes(rows: r, cols: c, index: i)))
        },
        Method("gca", "") { f, _, _ in .object(AxesObject(f.figure.currentAxes)) },
        Method("savefig", "fname, *, !transparent=None, **kwargs") { f, a, _ in try savefig(f.figure, a, session: f.session) },
        Method("tight_layout", tightLayoutDeclaration) { _, _, _ in .none },
        Method("subplots_adjust", subplotsAdjustDeclaration) { _, _, _ in .none },
        Method("colorbar", "mappable, !cax=None, ax=None, !use_gridspec=True, **kwargs") { f, a, _ in
            try colorbar(a, current: f.figure.currentAxes)
        },
        Method("text", textDeclaration) { f, a, _ in try text(f.figure, a, "text") },
    ])

    static let tightLayoutDeclaration = "*, !pad=1.08, !h_pad=None, !w_pad=None, !rect=None"
    static let subplotsAdjustDeclaration = "!left=None, !bottom=None, !right=None, !top=None, !wspace=None, !hspace=None"
    static let textDeclaration = "x, y, s, !fontdict=None, **kwargs"

    static func suptitle(_ figure: Figure, _ a: BoundArguments) throws -> Value {
        _ = try ArtistKeywords(a.extraKeywords, .text, call: "suptitle", drawn: [])
        figure.suptitle = try a["t"].string("t")
        return .none
    }

    /// `fig.text(x, y, s)` / `figtext`: text placed in figure coordinates.
    static func text(_ figure: Figure, _ a: BoundArguments, _ call: String) throws -> Value {
        let props = try ArtistKeywords(a.extraKeywords, .text, call: call, drawn: ["fontsize"])
        figure.addText(try a["s"].string("s"), x: try a["x"].double("x"), y: try a["y"].double("y"), size: try props.double("fontsize") ?? 10)
        return .none
    }

    static let savefigParameters = ["dpi", "format", "metadata", "bbox_inches", "pad_inches", "facecolor", "edgecolor", "backend",
                                    "orientation", "papertype", "bbox_extra_artists", "pil_kwargs", "transparent"]

    /// `savefig(fname)`: the figure as PNG in the lesson's scratch folder. `bbox_inches='tight'`
    /// is what Lectern's layout always does, and PNG is the format it writes.
    static func savefig(_ figure: Figure, _ a: BoundArguments, session: LessonSession) throws -> Value {
        for (name, value) in a.extraKeywords {
            switch (name, value) {
            case ("bbox_inches", .none), ("bbox_inches", .string("tight")), ("format", .none), ("format", .string("png")): continue
            default:
                guard savefigParameters.contains(name) else {
                    let hint = Suggest.closest(to: name, in: savefigParameters).map { "; did you mean '\($0)'?" } ?? ""
                    throw ScriptError.type("savefig() got an unexpected keyword argument '\(name)'\(hint)")
                }
                throw ScriptError.notImplemented("savefig: \(name)=\(value.shortDescription) is not supported yet")
            }
        }
        try session.writeScratch(Data(try figure.renderPNG(scale: 2)), to: try a["fname"].string("fname"))
        return .none
    }

    static let colorbarParameters = ["orientation", "fraction", "shrink", "aspect", "pad", "anchor", "panchor", "location", "extend",
                                     "extendfrac", "extendrect", "ticks", "format", "drawedges", "label", "boundaries", "values",
                                     "spacing", "use_gridspec"]

    /// `colorbar(mappable=None, ax=None, label=...)`: a bar next to the mappable's axes (or `ax`, or
    /// the current axes) for its colour mapping, or the current axes' last one.
    static func colorbar(_ a: BoundArguments, current: Axes) throws -> Value {
        var label: String?
        for (name, value) in a.extraKeywords {
            switch name {
            case "label": label = try AxesMethods.label(value)
            case "orientation" where (try? value.string("orientation")) == "vertical": continue
            case _ where colorbarParameters.contains(name):
                throw ScriptError.notImplemented("colorbar: \(name)=\(value.shortDescription) is not supported yet")
            default:
                let hint = Suggest.closest(to: name, in: colorbarParameters).map { "; did you mean '\($0)'?" } ?? ""
                throw ScriptError.type("Colorbar.__init__() got an unexpected keyword argument '\(name)'\(hint)")
            }
        }
        var target = current
        var mapping: Mappable?
        if case .object(let m as MappableObject) = a["mappable"] {
            target = m.axes
            mapping = m.mappable
            guard mapping != nil else { throw ScriptError.value("The mappable has no colour mapping: pass c= values (with cmap=) to scatter, or use contourf, pcolormesh or imshow") }
        }
        if case .object(let o as AxesObject) = a["ax"] { target = o.axes }
        guard target.addColorbar(mapping, label: label) else {
            throw ScriptError(kind: "RuntimeError", message: "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        }
        return .object(ColorbarObject(target))
    }

    static let figureParameters = ["num", "figsize", "dpi", "facecolor", "edgecolor", "frameon", "FigureClass", "clear", "layout",
                                   "linewidth", "subplotpars", "tight_layout", "constrained_layout"]

    /// A new figure from `figsize` and `dpi`; `Figure`'s other arguments are refused by name.
    static func newFigure(_ keywords: [(name: String, value: Value)], figsize: Value?, dpi: Value?, call: String) throws -> Figure {
        var figsize = figsize, dpi = dpi
        for (name, value) in keywords {
            switch name {
            case "figsize": figsize = value
            case "dpi": dpi = value
            case _ where figureParameters.contains(name): throw ScriptError.notImplemented("\(call): \(name) is not supported yet")
            default:
                let hint = Suggest.closest(to: name, in: figureParameters).map { "; did you mean '\($0)'?" } ?? ""
                throw ScriptError.type("Figure.__init__() got an unexpected keyword argument '\(name)'\(hint)")
            }
        }
        let (w, h) = try PyplotModule.figureSize(figsize.flatMap { $0.isNone ? nil : $0 })
        return Figure(width: w, height: h, dpi: try dpi.flatMap { $0.isNone ? nil : $0 }?.double("dpi") ?? 100)
    }
}
