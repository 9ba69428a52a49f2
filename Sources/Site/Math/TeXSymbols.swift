/// Tables of the TeX commands that stand for a single symbol, by the MathML they become.
enum TeXSymbols {
    /// Greek letters (`mi`). Capitals are upright in TeX, so they get `mathvariant="normal"`.
    static let greek: [String: Character] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "digamma": "ϝ",
        "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Epsilon": "Ε", "Zeta": "Ζ",
        "Eta": "Η", "Theta": "Θ", "Iota": "Ι", "Kappa": "Κ", "Lambda": "Λ", "Mu": "Μ", "Nu": "Ν",
        "Xi": "Ξ", "Omicron": "Ο", "Pi": "Π", "Rho": "Ρ", "Sigma": "Σ", "Tau": "Τ",
        "Upsilon": "Υ", "Phi": "Φ", "Chi": "Χ", "Psi": "Ψ", "Omega": "Ω",
        "varGamma": "𝛤", "varDelta": "𝛥", "varTheta": "𝛩", "varLambda": "𝛬", "varXi": "𝛯",
        "varPi": "𝛱", "varSigma": "𝛴", "varUpsilon": "𝛶", "varPhi": "𝛷", "varPsi": "𝛹",
        "varOmega": "𝛺",
    ]

    /// Ordinary symbols written as `mi`.
    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "hslash": "ℏ",
        "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃", "nexists": "∄",
        "neg": "¬", "lnot": "¬", "top": "⊤", "bot": "⊥", "aleph": "ℵ", "beth": "ℶ", "Re": "ℜ",
        "Im": "ℑ", "wp": "℘", "angle": "∠", "measuredangle": "∡", "triangle": "△", "surd": "√",
        "imath": "ı", "jmath": "ȷ", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡",
        "spadesuit": "♠", "flat": "♭", "natural": "♮", "sharp": "♯", "complement": "∁",
        "checkmark": "✓", "square": "□", "Box": "□", "blacksquare": "■", "degree": "°",
        "dag": "†", "ddag": "‡", "S": "§", "P": "¶", "copyright": "©", "pounds": "£",
        "mathsterling": "£", "eth": "ð", "Finv": "Ⅎ", "Game": "⅁", "mho": "℧", "infin": "∞",
        "bigstar": "★", "lozenge": "◊", "blacklozenge": "⧫", "diagup": "╱", "diagdown": "╲",
        "backprime": "‵", "varkappa": "ϰ",
    ]

    /// Binary operators (`mo`, TeX class Bin).
    static let binary: [String: String] = [
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖",
        "oslash": "⊘", "cap": "∩", "cup": "∪", "sqcap": "⊓", "sqcup": "⊔", "uplus": "⊎",
        "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "setminus": "∖", "smallsetminus": "∖",
        "dagger": "†", "ddagger": "‡", "amalg": "⨿", "wr": "≀", "diamond": "⋄", "bigcirc": "◯",
        "triangleleft": "◃", "triangleright": "▹", "bigtriangleup": "△", "bigtriangledown": "▽",
        "lhd": "⊲", "rhd": "⊳", "unlhd": "⊴", "unrhd": "⊵", "boxplus": "⊞", "boxminus": "⊟",
        "boxtimes": "⊠", "boxdot": "⊡", "dotplus": "∔", "divideontimes": "⋇", "ltimes": "⋉",
        "rtimes": "⋊", "intercal": "⊺", "centerdot": "⋅", "circledast": "⊛", "circledcirc": "⊚",
    ]

    /// Relations and arrows (`mo`, TeX class Rel).
    static let relation: [String: String] = [
        "lt": "<", "gt": ">", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "equiv": "≡",
        "approx": "≈", "approxeq": "≊", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝",
        "ll": "≪", "gg": "≫", "lll": "⋘", "ggg": "⋙", "in": "∈", "notin": "∉", "ni": "∋",
        "owns": "∋", "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇",
        "subsetneq": "⊊", "supsetneq": "⊋", "nsubseteq": "⊈", "nsupseteq": "⊉",
        "sqsubset": "⊏", "sqsupset": "⊐", "sqsubseteq": "⊑", "sqsupseteq": "⊒", "perp": "⊥",
        "parallel": "∥", "nparallel": "∦", "mid": "∣", "nmid": "∤", "models": "⊨", "vdash": "⊢",
        "dashv": "⊣", "vDash": "⊨", "Vdash": "⊩", "prec": "≺", "succ": "≻", "preceq": "⪯",
        "succeq": "⪰", "asymp": "≍", "doteq": "≐", "triangleq": "≜", "coloneqq": "≔",
        "eqqcolon": "≕", "leqslant": "⩽", "geqslant": "⩾", "lesssim": "≲", "gtrsim": "≳",
        "leqq": "≦", "geqq": "≧", "lneq": "⪇", "gneq": "⪈", "nleq": "≰", "ngeq": "≱", "nless": "≮", "ngtr": "≯",
        "nsim": "≁", "ncong": "≇", "bowtie": "⋈", "smile": "⌣", "frown": "⌢",
        "therefore": "∴", "because": "∵", "lessgtr": "≶", "gtrless": "≷", "eqsim": "≂",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹",
        "impliedby": "⟸", "iff": "⟺", "longrightarrow": "⟶", "longleftarrow": "⟵",
        "longleftrightarrow": "⟷", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
        "Longleftrightarrow": "⟺", "mapsto": "↦", "longmapsto": "⟼", "uparrow": "↑",
        "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕", "nearrow": "↗", "searrow": "↘", "swarrow": "↙", "nwarrow": "↖",
        "hookrightarrow": "↪", "hookleftarrow": "↩", "rightharpoonup": "⇀",
        "rightharpoondown": "⇁", "leftharpoonup": "↼", "leftharpoondown": "↽",
        "rightleftharpoons": "⇌", "leftrightharpoons": "⇋", "leadsto": "⇝", "rightsquigarrow": "⇝",
        "twoheadrightarrow": "↠", "twoheadleftarrow": "↞", "rightrightarrows": "⇉",
        "leftleftarrows": "⇇", "rightleftarrows": "⇄", "leftrightarrows": "⇆",
        "curvearrowright": "↷", "curvearrowleft": "↶", "circlearrowright": "↻",
        "circlearrowleft": "↺", "nrightarrow": "↛", "nleftarrow": "↚", "nRightarrow": "⇏",
        "nLeftarrow": "⇍", "nleftrightarrow": "↮", "nLeftrightarrow": "⇎", "Lsh": "↰", "Rsh": "↱",
        "upharpoonright": "↾", "downharpoonright": "⇂", "restriction": "↾", "multimap": "⊸",
    ]

    /// Punctuation and other `mo` symbols with their TeX class.
    static let punctuation: [String: String] = [
        "colon": ":", "ldotp": ".", "cdotp": "⋅",
    ]

    /// Dots: `mo` with the dictionary's spacing.
    static let dots: [String: String] = [
        "ldots": "…", "dots": "…", "hdots": "…", "dotsc": "…", "dotso": "…", "dotsb": "⋯", "dotsm": "⋯",
        "dotsi": "⋯", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "iddots": "⋰", "mathellipsis": "…",
    ]

    /// Big operators: (symbol, takes limits under/over in display style).
    static let bigOperators: [String: (String, Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true),
        "bigcap": ("⋂", true), "bigvee": ("⋁", true), "bigwedge": ("⋀", true),
        "bigoplus": ("⨁", true), "bigotimes": ("⨂", true), "bigodot": ("⨀", true),
        "biguplus": ("⨄", true), "bigsqcup": ("⨆", true),
        "int": ("∫", false), "intop": ("∫", true), "iint": ("∬", false), "iiint": ("∭", false),
        "iiiint": ("⨌", false), "oint": ("∮", false), "oiint": ("∯", false), "oiiint": ("∰", false),
        "smallint": ("∫", false),
    ]

    /// Function names set upright (`mi`): (text, takes limits under/over in display style).
    static let functions: [String: (String, Bool)] = [
        "arccos": ("arccos", false), "arcsin": ("arcsin", false), "arctan": ("arctan", false),
        "arg": ("arg", false), "cos": ("cos", false), "cosh": ("cosh", false), "cot": ("cot", false),
        "coth": ("coth", false), "csc": ("csc", false), "deg": ("deg", false), "dim": ("dim", false),
        "exp": ("exp", false), "hom": ("hom", false), "ker": ("ker", false), "lg": ("lg", false),
        "ln": ("ln", false), "log": ("log", false), "sec": ("sec", false), "sin": ("sin", false),
        "sinh": ("sinh", false), "tan": ("tan", false), "tanh": ("tanh", false), "sgn": ("sgn", false),
        "det": ("det", true), "gcd": ("gcd", true), "inf": ("inf", true), "lim": ("lim", true),
        "liminf": ("lim inf", true), "limsup": ("lim sup", true), "max": ("max", true),
        "min": ("min", true), "Pr": ("Pr", true), "sup": ("sup", true), "injlim": ("inj lim", true),
        "projlim": ("proj lim", true), "argmin": ("arg min", true), "argmax": ("arg max", true),
        "tr": ("tr", false), "Tr": ("Tr", false), "rank": ("rank", false), "diag": ("diag", false),
    ]

    /// Delimiters usable after `\left`, `\right`, `\big` and friends (also as plain symbols).
    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "|": "‖", "Vert": "‖", "lVert": "‖",
        "rVert": "‖", "vert": "|", "lvert": "|", "rvert": "|", "langle": "⟨", "rangle": "⟩",
        "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lbrack": "[", "rbrack": "]",
        "backslash": "\\", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑",
        "Downarrow": "⇓", "Updownarrow": "⇕", "ulcorner": "⌜", "urcorner": "⌝", "llcorner": "⌞",
        "lrcorner": "⌟", "lgroup": "⟮", "rgroup": "⟯", "lmoustache": "⎰", "rmoustache": "⎱",
    ]

    /// Single characters usable as delimiters.
    static let delimiterChars: Set<Character> = ["(", ")", "[", "]", "|", "/", "<", ">", "."]

    /// Delimiters that open (TeX class Open) and close (Close).
    static let opening: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈", "⌜", "⌞", "⟮", "⎰"]
    static let closing: Set<String> = [")", "]", "}", "⟩", "⌋", "⌉", "⌝", "⌟", "⟯", "⎱"]

    /// Accents over (or under) their argument: (mark, stretches to the argument's width).
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "check": ("ˇ", false), "widecheck": ("ˇ", true),
        "tilde": ("~", false), "widetilde": ("~", true), "bar": ("¯", false), "overline": ("‾", true),
        "vec": ("→", false), "overrightarrow": ("→", true), "overleftarrow": ("←", true),
        "overleftrightarrow": ("↔", true), "dot": ("˙", false), "ddot": ("¨", false),
        "dddot": ("⃛", false), "acute": ("´", false), "grave": ("`", false), "breve": ("˘", false),
        "mathring": ("˚", false),
    ]

    /// Accents under their argument.
    static let underAccents: [String: String] = [
        "underline": "_", "underrightarrow": "→", "underleftarrow": "←", "underleftrightarrow": "↔",
    ]

    /// Horizontal braces: (mark, goes over the base).
    static let braces: [String: (String, Bool)] = [
        "overbrace": ("⏞", true), "underbrace": ("⏟", false),
        "overbracket": ("⎴", true), "underbracket": ("⎵", false),
    ]

    /// Spacing commands and their widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em", "quad": "1em",
        "qquad": "2em", "enspace": "0.5em", "!": "-0.1667em", "negthinspace": "-0.1667em",
        "negmedspace": "-0.2222em", "negthickspace": "-0.2778em",
    ]

    /// Characters written as `mo` (everything else that is not a letter or digit is `mo` too,
    /// but these carry a TeX class that matters for unary minus and spacing).
    static let binaryChars: [Character: String] = ["+": "+", "-": "−", "*": "∗"]
    static let relationChars: Set<Character> = ["=", "<", ">", ":"]
    static let punctuationChars: Set<Character> = [",", ";"]

    /// Letters that stay `mi` but that TeX sets as ordinary symbols (not italic letters).
    static let ordinaryChars: Set<Character> = [".", "?", "@", "\"", "`"]
}
