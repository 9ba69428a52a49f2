// Values printed once by NumPy 2.4.6 for the snippets below; regenerate rather than edit.

/// float32 `np.linalg` snippets: NumPy runs single-precision LAPACK, Lectern double precision rounded to float32.
enum NumpyLinalgFloat32Fixtures {
    static let tolerance = 1e-06
    static let cases: [NumpyFixtureCase] = [
        NumpyFixtureCase("np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 3.0]], dtype=np.float32))", [.array(dtype: "float32", shape: [2], values: [1.3819659948349, 3.6180338859558105])]),
        NumpyFixtureCase("np.linalg.inv(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32))", [.array(dtype: "float32", shape: [2, 2], values: [-2.0, 1.0, 1.5, -0.5])]),
        NumpyFixtureCase("np.linalg.solve(np.array([[3.0, 1.0], [1.0, 2.0]], dtype=np.float32), np.array([9.0, 8.0], dtype=np.float32))", [.array(dtype: "float32", shape: [2], values: [2.0, 3.0])]),
        NumpyFixtureCase("np.linalg.svd(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32), compute_uv=False)", [.array(dtype: "float32", shape: [2], values: [5.4649858474731445, 0.36596620082855225])]),
        NumpyFixtureCase("np.linalg.norm(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32))", [.array(dtype: "float32", shape: [], values: [5.4772257804870605])]),
    ]
}

// Values printed once by NumPy 2.4.6 for the snippets below; regenerate rather than edit.

/// `np.linalg.norm` without an axis: NumPy's BLAS dot, float32 accumulated in float32.
enum NumpyNormExactFixtures {
    static let tolerance = 0.0
    static let cases: [NumpyFixtureCase] = [
        NumpyFixtureCase("np.linalg.norm(np.array([[0.0], [0.4472136], [0.8944272]], dtype=np.float32))", [.array(dtype: "float32", shape: [], values: [0.9999999403953552])]),
        NumpyFixtureCase("np.random.seed(2)\nnp.linalg.norm(np.random.rand(37).astype(np.float32))", [.array(dtype: "float32", shape: [], values: [2.800938129425049])]),
        NumpyFixtureCase("np.random.seed(2)\nnp.linalg.norm(np.random.rand(37))", [.array(dtype: "float64", shape: [], values: [2.8009380906105785])]),
    ]
}

