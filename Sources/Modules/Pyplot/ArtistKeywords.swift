import Plot
import Script

/// The artists matplotlib's drawing calls make, whose properties are the `**kwargs` of those
/// calls: `plot` makes a Line2D, `scatter` a PathCollection, `bar` and `hist` Rectangles,
/// `xlabel` and `text` Text. Each lists the real properties (short spellings resolved), so that a
/// real one Lectern does not draw is refused by name and anything else is matplotlib's error.
enum Artist: String {
    case line = "Line2D", pathCollection = "PathCollection", rectangle = "Rectangle"
    case fillBetween = "FillBetweenPolyCollection", quadMesh = "QuadMesh", contourSet = "QuadContourSet"
    case image = "AxesImage", text = "Text", annotation = "Annotation"

    /// What every artist has.
    static let common = ["agg_filter", "alpha", "animated", "clip_box", "clip_on", "clip_path", "gid", "in_layout", "label",
                         "mouseover", "path_effects", "picker", "rasterized", "sketch_params", "snap", "transform", "url",
                         "visible", "zorder"]
    static let patch = ["antialiased", "capstyle", "color", "edgecolor", "facecolor", "fill", "hatch", "hatch_linewidth",
                        "joinstyle", "linestyle", "linewidth"]
    static let collection = ["antialiased", "array", "capstyle", "clim", "cmap", "color", "edgecolor", "facecolor", "hatch",
                             "joinstyle", "linestyle", "linewidth", "norm", "offsets", "paths", "pickradius", "urls"]
    static let font = ["backgroundcolor", "bbox", "color", "fontfamily", "fontproperties", "fontsize", "fontstretch",
                       "fontstyle", "fontvariant", "fontweight", "horizontalalignment", "linespacing", "math_fontfamily",
                       "multialignment", "parse_math", "position", "rotation", "rotation_mode", "text", "usetex",
                       "verticalalignment", "wrap", "x", "y"]

    var properties: [String] {
        switch self {
        case .line:
            return Self.common + ["antialiased", "color", "dash_capstyle", "dash_joinstyle", "dashes", "data", "drawstyle",
                                  "fillstyle", "gapcolor", "linestyle", "linewidth", "marker", "markeredgecolor",
                                  "markeredgewidth", "markerfacecolor", "markerfacecoloralt", "markersize", "markevery",
                                  "solid_capstyle", "solid_joinstyle", "xdata", "ydata"]
        case .rectangle: return Self.common + Self.patch + ["angle", "bounds", "height", "width", "xy"]
        case .pathCollection: return Self.common + Self.collection + ["sizes"]
        case .fillBetween, .quadMesh: return Self.common + Self.collection
        case .contourSet: return Self.common + Self.collection + ["levels", "colors", "extend", "origin", "extent", "locator",
                                                                   "hatches", "nchunk", "corner_mask", "algorithm", "vmin", "vmax"]
        case .image: return Self.common + ["clim", "cmap", "data", "extent", "filternorm", "filterrad", "interpolation",
                                           "interpolation_stage", "norm", "resample"]
        case .text: return Self.common + Self.font
        case .annotation: return Self.common + Self.font + ["annotation_clip", "anncoords"]
        }
    }

    /// matplotlib's short spellings of properties (`c`, `ls`, `lw`, ...).
    static let aliases = ["c": "color", "ls": "linestyle", "lw": "linewidth", "ms": "markersize", "mec": "markeredgecolor",
                          "mew": "markeredgewidth", "mfc": "markerfacecolor", "aa": "antialiased", "ds": "drawstyle",
                          "ec": "edgecolor", "fc": "facecolor", "edgecolors": "edgecolor", "facecolors": "facecolor",
                          "linewidths": "linewidth", "linestyles": "linestyle", "antialiaseds": "antialiased",
                          "ha": "horizontalalignment", "va": "verticalalignment", "ma": "multialignment", "size": "fontsize",
                          "family": "fontfamily", "style": "fontstyle", "weight": "fontweight", "variant": "fontvariant",
                          "stretch": "fontstretch", "font": "fontproperties"]
}

/// A drawing call's `**kwargs` read as properties of its artist. Those Lectern draws are kept by
/// their full names; a real property it does not draw is a NotImplementedError naming it; any
/// other name is matplotlib's `AttributeError: Line2D.set(): unexpected keyword argument`, with a
/// suggestion. Two spellings of one property are matplotlib's TypeError.
struct ArtistKeywords {
    private(set) var values: [String: Value] = [:]

    /// `drawn`: the properties this call draws. `alsoReal`: the call's own keywords that are not
    /// artist properties (refused by name).
    init(_ keywords: [(name: String, value: Value)], _ artist: Artist, call: String, drawn: [String],
         alsoReal: [String] = []) throws {
        let real = artist.properties + alsoReal
        for (written, value) in keywords {
            let name = Artist.aliases[written].flatMap { real.contains($0) ? $0 : nil } ?? written
            if values[name] != nil {
                throw ScriptError.type("Got both '\(name)' and '\(written)', which are aliases of one another")
            }
            if drawn.contains(name) {
                values[name] = value
            } else if real.contains(name) {
                throw ScriptError.notImplemented("\(call): \(written) is not supported yet")
            } else {
                let spellings = real + Artist.aliases.filter { real.contains($0.value) }.map(\.key)
                let hint = Suggest.closest(to: written, in: spellings).map { "; did you mean '\($0)'?" } ?? ""
                throw ScriptError(kind: "AttributeError", message: "\(artist.rawValue).set(): unexpected keyword argument '\(written)'\(hint)")
            }
        }
    }

    subscript(_ name: String) -> Value? {
        guard let v = values[name], !v.isNone else { return nil }
        return v
    }

    func color(_ name: String = "color") throws -> Color? { try AxesMethods.colorArgument(self[name], name) }
    func double(_ name: String) throws -> Double? { try self[name]?.double(name) }
    func string(_ name: String) throws -> String? { try self[name]?.string(name) }

    /// `alpha`, which matplotlib takes only from 0 (transparent) to 1 (opaque).
    func alpha() throws -> Double? {
        guard let written = self["alpha"], let alpha = try double("alpha") else { return nil }
        guard (0...1).contains(alpha) else { throw ScriptError.value("alpha (\(written.shortDescription)) is outside 0-1 range") }
        return alpha
    }
}

/// Keywords a call passes on to something Lectern does not model (a scale's `base`, a subplot's
/// `projection`): each refused by name, never dropped.
func refuseKeywords(_ keywords: [(name: String, value: Value)], call: String) throws {
    if let (name, _) = keywords.first { throw ScriptError.notImplemented("\(call): \(name) is not supported yet") }
}
