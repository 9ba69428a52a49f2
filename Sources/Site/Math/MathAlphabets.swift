/// The math alphabets of `\mathbf`, `\mathbb`, `\mathcal` and friends. MathML Core renders
/// `mathvariant` only as "normal", so styled letters become the Unicode Mathematical
/// Alphanumeric Symbols themselves.
enum MathAlphabet: Sendable, Equatable {
    case roman, bold, italic, boldItalic, script, boldScript, fraktur, boldFraktur, doubleStruck
    case sansSerif, sansSerifBold, sansSerifItalic, monospace

    /// First code points of the capital Latin, small Latin, capital Greek and digit runs
    /// (nil where Unicode has no such run).
    private var starts: (upper: UInt32?, lower: UInt32?, greek: UInt32?, digit: UInt32?) {
        switch self {
        case .roman: return (nil, nil, nil, nil)
        case .bold: return (0x1D400, 0x1D41A, 0x1D6A8, 0x1D7CE)
        case .italic: return (0x1D434, 0x1D44E, 0x1D6E2, nil)
        case .boldItalic: return (0x1D468, 0x1D482, 0x1D71C, 0x1D7CE)
        case .script: return (0x1D49C, 0x1D4B6, nil, nil)
        case .boldScript: return (0x1D4D0, 0x1D4EA, nil, 0x1D7CE)
        case .fraktur: return (0x1D504, 0x1D51E, nil, nil)
        case .boldFraktur: return (0x1D56C, 0x1D586, nil, 0x1D7CE)
        case .doubleStruck: return (0x1D538, 0x1D552, nil, 0x1D7D8)
        case .sansSerif: return (0x1D5A0, 0x1D5BA, nil, 0x1D7E2)
        case .sansSerifBold: return (0x1D5D4, 0x1D5EE, 0x1D756, 0x1D7EC)
        case .sansSerifItalic: return (0x1D608, 0x1D622, nil, nil)
        case .monospace: return (0x1D670, 0x1D68A, nil, 0x1D7F6)
        }
    }

    /// Letters that Unicode encodes in the Letterlike Symbols block instead of the run.
    private var holes: [Character: Character] {
        switch self {
        case .italic: return ["h": "ℎ"]
        case .script:
            return ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                    "e": "ℯ", "g": "ℊ", "o": "ℴ"]
        case .fraktur: return ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"]
        case .doubleStruck: return ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        default: return [:]
        }
    }

    /// Position of a Greek letter in the Mathematical Alphanumeric Greek runs (capitals, ∇,
    /// small letters, ∂ and the variant forms), or nil.
    private static func greekIndex(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x391...0x3A9 where scalar != 0x3A2: return scalar - 0x391
        case 0x3F4: return 17  // ϴ
        case 0x2207: return 25  // ∇
        case 0x3B1...0x3C9: return 26 + scalar - 0x3B1
        case 0x2202: return 51  // ∂
        case 0x3F5: return 52  // ϵ
        case 0x3D1: return 53  // ϑ
        case 0x3F0: return 54  // ϰ
        case 0x3D5: return 55  // ϕ
        case 0x3F1: return 56  // ϱ
        case 0x3D6: return 57  // ϖ
        default: return nil
        }
    }

    /// The character in this alphabet, or the character itself when the alphabet lacks it.
    func map(_ c: Character) -> Character {
        if let hole = holes[c] { return hole }
        guard c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first?.value else { return c }
        let s = starts
        var mapped: UInt32?
        switch scalar {
        case 0x41...0x5A: mapped = s.upper.map { $0 + scalar - 0x41 }
        case 0x61...0x7A: mapped = s.lower.map { $0 + scalar - 0x61 }
        case 0x30...0x39: mapped = s.digit.map { $0 + scalar - 0x30 }
        default:
            if let start = s.greek, let index = Self.greekIndex(scalar) { mapped = start + index }
        }
        guard let value = mapped, let result = Unicode.Scalar(value) else { return c }
        return Character(result)
    }

    func map(_ text: String) -> String { String(text.map { map($0) }) }
}
