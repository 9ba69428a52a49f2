/// An sRGB colour with opacity, parsed from matplotlib's colour names.
public struct Color: Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public var a: Double

    public init(r: UInt8, g: UInt8, b: UInt8, a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    init(hex: UInt32) {
        self.init(r: UInt8((hex >> 16) & 0xff), g: UInt8((hex >> 8) & 0xff), b: UInt8(hex & 0xff))
    }

    /// matplotlib's default property cycle (the tab10 palette).
    public static let cycle: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// The colour at matplotlib's `alpha`, which replaces the colour's own opacity; nil keeps it.
    public func with(alpha: Double?) -> Color {
        guard let alpha else { return self }
        var c = self
        c.a = alpha
        return c
    }

    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 255, g: 255, b: 255)

    static let named: [String: UInt32] = [
        "b": 0x0000ff, "g": 0x008000, "r": 0xff0000, "c": 0x00bfbf, "m": 0xbf00bf, "y": 0xbfbf00, "k": 0x000000, "w": 0xffffff,
        "blue": 0x0000ff, "green": 0x008000, "red": 0xff0000, "cyan": 0x00ffff, "magenta": 0xff00ff, "yellow": 0xffff00,
        "black": 0x000000, "white": 0xffffff, "orange": 0xffa500, "purple": 0x800080, "gray": 0x808080, "grey": 0x808080,
        "brown": 0xa52a2a, "pink": 0xffc0cb, "olive": 0x808000, "navy": 0x000080, "teal": 0x008080, "lime": 0x00ff00,
        "darkblue": 0x00008b, "darkgreen": 0x006400, "darkred": 0x8b0000, "lightblue": 0xadd8e6, "lightgreen": 0x90ee90,
        "lightgray": 0xd3d3d3, "lightgrey": 0xd3d3d3, "darkgray": 0xa9a9a9, "darkgrey": 0xa9a9a9, "gold": 0xffd700,
        "tab:blue": 0x1f77b4, "tab:orange": 0xff7f0e, "tab:green": 0x2ca02c, "tab:red": 0xd62728, "tab:purple": 0x9467bd,
        "tab:brown": 0x8c564b, "tab:pink": 0xe377c2, "tab:gray": 0x7f7f7f, "tab:grey": 0x7f7f7f, "tab:olive": 0xbcbd22,
        "tab:cyan": 0x17becf,
    ]

    /// Parses 'r', 'C3', 'tab:blue', 'orange', '#1f77b4' or '#1f77b480'; nil when unknown.
    public static func parse(_ s: String) -> Color? {
        let t = s.lowercased()
        if let v = named[t] { return Color(hex: v) }
        if t.count == 2, t.hasPrefix("c"), let i = Int(t.dropFirst()), i >= 0 { return cycle[i % cycle.count] }
        if t.hasPrefix("#") {
            let hex = t.dropFirst()
            guard hex.count == 6 || hex.count == 8, let v = UInt64(hex, radix: 16) else { return nil }
            if hex.count == 6 { return Color(hex: UInt32(v)) }
            var c = Color(hex: UInt32(v >> 8))
            c.a = Double(v & 0xff) / 255
            return c
        }
        // A grey level as a string, as matplotlib accepts ('0.5').
        if let g = Double(t), g >= 0, g <= 1 {
            let v = UInt8((g * 255).rounded())
            return Color(r: v, g: v, b: v)
        }
        return nil
    }

    public var hexString: String {
        func h(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + h(r) + h(g) + h(b)
    }
}
