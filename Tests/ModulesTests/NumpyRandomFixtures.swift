// Values printed once by NumPy 2.4.6 for the snippets below; regenerate rather than edit.

/// `np.random` distribution snippets after `np.random.seed(s)`.
enum NumpyRandomFixtures {
    static let tolerance = 0.0
    static let cases: [NumpyFixtureCase] = [
        NumpyFixtureCase("np.random.seed(1)\nnp.random.gamma(2.0, 3.0, size=(3, 4))", [.array(dtype: "float64", shape: [3, 4], values: [14.298426070343183, 2.9852188583602954, 3.2206838497971466, 1.8893571483253817, 15.25916619165127, 2.5933329792092246, 13.069491165466431, 0.5127591707606128, 10.801935031456697, 1.8353799651956546, 4.361478687587888, 2.312479764132341])]),
        NumpyFixtureCase("np.random.seed(2)\nnp.random.gamma([0.5, 1.0, 4.0], [[1.0], [2.0]])", [.array(dtype: "float64", shape: [2, 3], values: [0.3050412259535973, 0.5453615181246098, 1.9700672418493752, 0.1795858469099699, 1.9411445140496797, 5.214428899988982])]),
        NumpyFixtureCase("np.random.seed(3)\nnp.random.gamma(2.5)", [.array(dtype: "float", shape: [], values: [6.009833246106926])]),
        NumpyFixtureCase("np.random.seed(4)\nnp.random.standard_gamma(0.3, size=5)", [.array(dtype: "float64", shape: [5], values: [2.8037503833922606, 3.209983590078139, 0.010240020180570129, 0.4600384143959049, 0.7996499281545298])]),
        NumpyFixtureCase("np.random.seed(5)\nnp.random.exponential(2.0, 6)", [.array(dtype: "float64", shape: [6], values: [0.5020399546453052, 4.091739757699749, 0.46315593073219014, 5.017028038208743, 1.340468159435202, 1.892180020004041])]),
        NumpyFixtureCase("np.random.seed(6)\nnp.random.beta(0.5, 0.5, size=8)", [.array(dtype: "float64", shape: [8], values: [0.8785437559415078, 0.9974286867195458, 0.03169453718752537, 0.6154410949374197, 0.22498386067301088, 0.26171837222996186, 0.44472054793980886, 0.797443930375373])]),
        NumpyFixtureCase("np.random.seed(7)\nnp.random.beta(2, [3, 4, 5])", [.array(dtype: "float64", shape: [3], values: [0.41878293043700493, 0.21820621227672876, 0.30524791176369526])]),
        NumpyFixtureCase("np.random.seed(8)\nnp.random.dirichlet([1, 2, 3], 4)", [.array(dtype: "float64", shape: [4, 3], values: [0.3832932385799812, 0.0654847452751704, 0.5512220161448484, 0.05428593941445153, 0.011854304673132861, 0.9338597559124157, 0.138951373853177, 0.2902114642662903, 0.5708371618805329, 0.61110314786513, 0.10001627313527489, 0.28888057899959524])]),
        NumpyFixtureCase("np.random.seed(9)\nnp.random.dirichlet((0.2, 0.3), size=(2, 2))", [.array(dtype: "float64", shape: [2, 2, 2], values: [1.2459090352507156e-09, 0.9999999987540911, 0.001056009317592795, 0.9989439906824072, 0.0016410046052678306, 0.9983589953947323, 0.13380631594993214, 0.8661936840500678])]),
        NumpyFixtureCase("np.random.seed(10)\nnp.random.dirichlet([1.0, 1.0])", [.array(dtype: "float64", shape: [2], values: [0.9859862131506245, 0.014013786849375551])]),
        NumpyFixtureCase("np.random.seed(11)\nnp.random.binomial(10, 0.3, size=12)", [.array(dtype: "int64", shape: [12], values: [2.0, 0.0, 3.0, 4.0, 3.0, 3.0, 0.0, 3.0, 5.0, 5.0, 4.0, 1.0])]),
        NumpyFixtureCase("np.random.seed(12)\nnp.random.binomial(200, 0.6, size=(2, 5))", [.array(dtype: "int64", shape: [2, 5], values: [126.0, 120.0, 131.0, 100.0, 121.0, 107.0, 126.0, 130.0, 116.0, 116.0])]),
        NumpyFixtureCase("np.random.seed(13)\nnp.random.binomial([5, 50, 500], [0.1, 0.5, 0.9])", [.array(dtype: "int64", shape: [3], values: [1.0, 22.0, 452.0])]),
        NumpyFixtureCase("np.random.seed(14)\nnp.random.binomial(7, 0.5)", [.array(dtype: "int", shape: [], values: [4.0])]),
        NumpyFixtureCase("np.random.seed(15)\nnp.random.binomial(2.7, 0.5, size=3)", [.array(dtype: "int64", shape: [3], values: [2.0, 0.0, 0.0])]),
        NumpyFixtureCase("np.random.seed(16)\nnp.random.poisson(3.0, 10)", [.array(dtype: "int64", shape: [10], values: [3.0, 3.0, 2.0, 2.0, 3.0, 2.0, 4.0, 4.0, 1.0, 5.0])]),
        NumpyFixtureCase("np.random.seed(17)\nnp.random.poisson([0.5, 12.0, 300.0], size=(2, 3))", [.array(dtype: "int64", shape: [2, 3], values: [0.0, 12.0, 267.0, 1.0, 13.0, 293.0])]),
        NumpyFixtureCase("np.random.seed(18)\nnp.random.poisson(size=4)", [.array(dtype: "int64", shape: [4], values: [1.0, 1.0, 4.0, 0.0])]),
        NumpyFixtureCase("np.random.seed(19)\nnp.random.poisson(25.0)", [.array(dtype: "int", shape: [], values: [17.0])]),
        NumpyFixtureCase("np.random.seed(20)\na = np.random.gamma(2.0, size=3)\nb = np.random.randn(3)\nc = np.random.poisson(4.0, 3)\n(a, b, c, np.random.rand())", [.array(dtype: "float64", shape: [3], values: [3.0880013281489167, 1.9325305922240987, 2.172166323099489]), .array(dtype: "float64", shape: [3], values: [-2.3432619056402113, -0.6206421573499208, -0.8345329350465623]), .array(dtype: "int64", shape: [3], values: [4.0, 3.0, 7.0]), .array(dtype: "float", shape: [], values: [0.46103939629243074])]),
        NumpyFixtureCase("np.random.gamma(-1.0)", [.error(kind: "ValueError", message: "shape < 0")]),
        NumpyFixtureCase("np.random.gamma(1.0, -2.0, size=2)", [.error(kind: "ValueError", message: "scale < 0")]),
        NumpyFixtureCase("np.random.beta(0, 1)", [.error(kind: "ValueError", message: "a <= 0")]),
        NumpyFixtureCase("np.random.beta(1, [1, -1])", [.error(kind: "ValueError", message: "b <= 0")]),
        NumpyFixtureCase("np.random.dirichlet([1, 0])", [.error(kind: "ValueError", message: "alpha <= 0")]),
        NumpyFixtureCase("np.random.binomial(-1, 0.5)", [.error(kind: "ValueError", message: "n < 0")]),
        NumpyFixtureCase("np.random.binomial(3, 1.5)", [.error(kind: "ValueError", message: "p < 0, p > 1 or p is NaN")]),
        NumpyFixtureCase("np.random.poisson(-1)", [.error(kind: "ValueError", message: "lam < 0 or lam is NaN")]),
        NumpyFixtureCase("np.random.poisson(1e20)", [.error(kind: "ValueError", message: "lam value too large")]),
        NumpyFixtureCase("np.random.gamma([1, 2, 3], size=4)", [.error(kind: "ValueError", message: "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (4,) and arg 1 with shape (3,).")]),
        NumpyFixtureCase("np.random.gamma([1, 2, 3], [[1], [2]], size=(3,))", [.error(kind: "ValueError", message: "Output size (3,) is not compatible with broadcast dimensions of inputs (2, 3).")]),
    ]
}

