// Values printed once by NumPy 2.4.6 for the snippets below; regenerate rather than edit.

/// `np.polyfit` / `np.polyval` snippets.
enum NumpyPolynomialFixtures {
    static let tolerance = 1e-10
    static let cases: [NumpyFixtureCase] = [
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyfit(x, y, 1)", [.array(dtype: "float64", shape: [2], values: [1.430450849559659, 2.5790603368890297])]),
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyfit(x, y, 3)", [.array(dtype: "float64", shape: [4], values: [0.5033913900311487, 0.009923247359509103, -1.0364686006665624, 1.9855783767887563])]),
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyfit(x, y, 5)", [.array(dtype: "float64", shape: [6], values: [0.0002667442995272462, -0.007712472551550452, 0.5161328825549798, 0.04341520872159007, -1.0728141738398849, 1.9660190168485634])]),
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyfit(x, y, 2, full=True)", [.array(dtype: "float64", shape: [3], values: [0.7650103324062326, 0.6654405171534268, 1.0087759703709744]), .array(dtype: "float64", shape: [1], values: [37.34106671971095]), .array(dtype: "int32", shape: [], values: [3.0]), .array(dtype: "float64", shape: [3], values: [1.4523875101419559, 0.830925794286491, 0.4473620958161439]), .array(dtype: "float64", shape: [], values: [4.440892098500626e-15])]),
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyfit(x, np.vstack([y, 2 * y]).T, 2)", [.array(dtype: "float64", shape: [3, 2], values: [0.7650103324062328, 1.5300206648124657, 0.6654405171534268, 1.3308810343068536, 1.0087759703709738, 2.0175519407419475])]),
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyfit(x, y, 2, w=np.linspace(1, 2, 20))", [.array(dtype: "float64", shape: [3], values: [1.0069940159686557, 0.33083324354875554, 0.5956238646789804])]),
        NumpyFixtureCase("np.polyfit([0, 1, 2], [1, 3, 5], 1)", [.array(dtype: "float64", shape: [2], values: [2.0000000000000004, 0.9999999999999999])]),
        NumpyFixtureCase("np.polyfit([1.0, 2.0], [1.0, 2.0], -1)", [.error(kind: "ValueError", message: "expected deg >= 0")]),
        NumpyFixtureCase("np.polyfit([[1.0, 2.0]], [1.0, 2.0], 1)", [.error(kind: "TypeError", message: "expected 1D vector for x")]),
        NumpyFixtureCase("np.polyfit([1.0, 2.0, 3.0], [1.0, 2.0], 1)", [.error(kind: "TypeError", message: "expected x and y to have same length")]),
        NumpyFixtureCase("np.polyval([1, 2, 3], 2)", [.array(dtype: "int64", shape: [], values: [11.0])]),
        NumpyFixtureCase("np.polyval([1.0, -2.0, 0.5], np.array([[0.0, 1.0], [2.0, 3.5]]))", [.array(dtype: "float64", shape: [2, 2], values: [0.5, -0.5, 0.5, 5.75])]),
        NumpyFixtureCase("np.polyval([3.0], [1, 2])", [.array(dtype: "float64", shape: [2], values: [3.0, 3.0])]),
        NumpyFixtureCase("np.random.seed(5)\nx = np.linspace(-2, 3, 20)\ny = 0.5 * x**3 - x + 2 + 0.1 * np.random.randn(20)\nnp.polyval(np.polyfit(x, y, 3), x)", [.array(dtype: "float64", shape: [20], values: [0.07107744731072763, 1.1782297789329412, 1.9234692521701648, 2.361839392685521, 2.5483837261421316, 2.538145778203121, 2.3861690745316118, 2.147497140790728, 1.8771735026435914, 1.6302416857533262, 1.4617452157830548, 1.4267276183959008, 1.5802324192549873, 1.9773031440234372, 2.6729833183643734, 3.72231646794092, 5.180346118416198, 7.102115795453335, 9.542669024715446, 12.557049331865665])]),
        NumpyFixtureCase("np.polyval([1, 2], 2.5)", [.array(dtype: "float64", shape: [], values: [4.5])]),
    ]
}

