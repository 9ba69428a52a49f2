// Values printed once by NumPy 2.4.6 for the snippets below; regenerate rather than edit.

/// `np.sort` / `np.argsort` snippets (ties only with a stable kind: NumPy's default quicksort orders tied indices by CPU-specific SIMD code).
enum NumpySortFixtures {
    static let tolerance = 0.0
    static let cases: [NumpyFixtureCase] = [
        NumpyFixtureCase("np.sort([3, 1, 2])", [.array(dtype: "int64", shape: [3], values: [1.0, 2.0, 3.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.sort(m)", [.array(dtype: "float64", shape: [3, 3], values: [1.0, 2.0, 3.0, -1.0, 0.5, 9.0, 0.0, 7.0, 7.5])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.sort(m, axis=0)", [.array(dtype: "float64", shape: [3, 3], values: [0.5, 1.0, -1.0, 3.0, 7.5, 0.0, 7.0, 9.0, 2.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.sort(m, axis=None)", [.array(dtype: "float64", shape: [9], values: [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 7.0, 7.5, 9.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.sort(m, axis=-2)", [.array(dtype: "float64", shape: [3, 3], values: [0.5, 1.0, -1.0, 3.0, 7.5, 0.0, 7.0, 9.0, 2.0])]),
        NumpyFixtureCase("np.sort(np.array([3.0, np.nan, 1.0, -np.inf, np.nan, 2.0]))", [.array(dtype: "float64", shape: [6], values: [-.infinity, 1.0, 2.0, 3.0, .nan, .nan])]),
        NumpyFixtureCase("np.sort(np.arange(24)[::-1].reshape(2, 3, 4) % 5, axis=1)", [.array(dtype: "int64", shape: [2, 3, 4], values: [0.0, 2.0, 1.0, 0.0, 3.0, 3.0, 2.0, 1.0, 4.0, 4.0, 3.0, 2.0, 1.0, 0.0, 0.0, 0.0, 2.0, 1.0, 1.0, 3.0, 3.0, 2.0, 4.0, 4.0])]),
        NumpyFixtureCase("np.argsort([3, 1, 2])", [.array(dtype: "int64", shape: [3], values: [1.0, 2.0, 0.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.argsort(m)", [.array(dtype: "int64", shape: [3, 3], values: [1.0, 2.0, 0.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.argsort(m, axis=0)", [.array(dtype: "int64", shape: [3, 3], values: [1.0, 0.0, 1.0, 0.0, 2.0, 2.0, 2.0, 1.0, 0.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.argsort(m, axis=None)", [.array(dtype: "int64", shape: [9], values: [5.0, 8.0, 3.0, 1.0, 2.0, 0.0, 6.0, 7.0, 4.0])]),
        NumpyFixtureCase("np.argsort(np.arange(24)[::-1].reshape(2, 3, 4) % 7, axis=1)", [.array(dtype: "int64", shape: [2, 3, 4], values: [2.0, 2.0, 0.0, 1.0, 0.0, 0.0, 1.0, 2.0, 1.0, 1.0, 2.0, 0.0, 1.0, 2.0, 2.0, 2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0])]),
        NumpyFixtureCase("np.argsort(np.array([3.0, np.nan, 1.0, -np.inf, np.nan, 2.0]))", [.array(dtype: "int64", shape: [6], values: [3.0, 2.0, 5.0, 0.0, 1.0, 4.0])]),
        NumpyFixtureCase("t = np.array([[2, 1, 2, 1, 0], [1, 1, 1, 0, 0], [3, 3, 1, 3, 1]])\nnp.argsort(t, kind='stable')", [.array(dtype: "int64", shape: [3, 5], values: [4.0, 1.0, 3.0, 0.0, 2.0, 3.0, 4.0, 0.0, 1.0, 2.0, 2.0, 4.0, 0.0, 1.0, 3.0])]),
        NumpyFixtureCase("t = np.array([[2, 1, 2, 1, 0], [1, 1, 1, 0, 0], [3, 3, 1, 3, 1]])\nnp.argsort(t, axis=0, kind='stable')", [.array(dtype: "int64", shape: [3, 5], values: [1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 2.0, 0.0, 2.0, 2.0])]),
        NumpyFixtureCase("t = np.array([[2, 1, 2, 1, 0], [1, 1, 1, 0, 0], [3, 3, 1, 3, 1]])\nnp.argsort(t, axis=None, kind='mergesort')", [.array(dtype: "int64", shape: [15], values: [4.0, 8.0, 9.0, 1.0, 3.0, 5.0, 6.0, 7.0, 12.0, 14.0, 0.0, 2.0, 10.0, 11.0, 13.0])]),
        NumpyFixtureCase("np.argsort([1, 1, 1, 0, 0], kind='stable')", [.array(dtype: "int64", shape: [5], values: [3.0, 4.0, 0.0, 1.0, 2.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nm.argsort()", [.array(dtype: "int64", shape: [3, 3], values: [1.0, 2.0, 0.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nm.argsort(axis=0)", [.array(dtype: "int64", shape: [3, 3], values: [1.0, 0.0, 1.0, 0.0, 2.0, 2.0, 2.0, 1.0, 0.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nm.sort()\nm", [.array(dtype: "float64", shape: [3, 3], values: [1.0, 2.0, 3.0, -1.0, 0.5, 9.0, 0.0, 7.0, 7.5])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nm.sort(axis=0)\nm", [.array(dtype: "float64", shape: [3, 3], values: [0.5, 1.0, -1.0, 3.0, 7.5, 0.0, 7.0, 9.0, 2.0])]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.sort(m, axis=2)", [.error(kind: "AxisError", message: "axis 2 is out of bounds for array of dimension 2")]),
        NumpyFixtureCase("m = np.array([[3.0, 1.0, 2.0], [0.5, 9.0, -1.0], [7.0, 7.5, 0.0]])\nnp.argsort(m, kind='fast')", [.error(kind: "ValueError", message: "sort kind must be one of 'quick', 'heap', or 'stable' (got 'fast')")]),
        NumpyFixtureCase("np.sort(5)", [.error(kind: "AxisError", message: "axis -1 is out of bounds for array of dimension 0")]),
    ]
}

