import Engine
import Script
import Tensor

/// `sklearn`: dataset generators bit-equal to scikit-learn's, `train_test_split`, the scalers
/// and two metrics. Without `random_state`, generators draw from NumPy's global state, as
/// scikit-learn does.
enum SklearnModule {
    static func generator(_ v: Value?, session: LessonSession) throws -> NumPyRandomState {
        guard let v, !v.isNone else { return session.numpyRandom }
        return NumPyRandomState(seed: UInt32(truncatingIfNeeded: try v.int("random_state")))
    }

    static func pair(_ x: [Double], _ columns: Int, _ y: [Int]) -> Value {
        .tuple([.object(NDArray(shape: [y.count, columns], storage: x)),
                .object(NDArray(shape: [y.count], storage: y.map(Double.init), dtype: .int64))])
    }

    static func datasets(session: LessonSession) -> ModuleObject {
        module("sklearn.datasets", [
            declared("make_moons", "n_samples=100, *, shuffle=True, noise=None, random_state=None") { a, _ in
                let n = try samples(a["n_samples"])
                guard n >= 0 else { throw ScriptError.value("make_moons expects n_samples >= 0. Received: n_samples=\(n)") }
                let (x, y) = Datasets.makeMoons(nSamples: n, shuffle: try a["shuffle"].bool("shuffle"),
                                                noise: try a.optional("noise")?.double("noise"), random: try generator(a.optional("random_state"), session: session))
                return pair(x, 2, y)
            },
            declared("make_circles", "n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8") { a, _ in
                let (x, y) = try engineCall {
                    try Datasets.makeCircles(nSamples: try samples(a["n_samples"]), shuffle: try a["shuffle"].bool("shuffle"),
                                             noise: try a.optional("noise")?.double("noise"), random: try generator(a.optional("random_state"), session: session),
                                             factor: try a["factor"].double("factor"))
                }
                return pair(x, 2, y)
            },
            declared("make_blobs", """
                n_samples=100, n_features=2, *, centers=None, cluster_std=1.0, center_box=(-10.0, 10.0), shuffle=True,
                random_state=None, return_centers=False
                """) { a, _ in
                let p = try a["center_box"].sequence("center_box").map { try $0.double("center_box") }
                guard p.count == 2 else { throw ScriptError.value("center_box must be (min, max)") }
                if case .list = a["centers"] { throw ScriptError.notImplemented("make_blobs with explicit center coordinates is not supported yet; pass the number of centers") }
                let features = try a["n_features"].int("n_features")
                let (x, y, centers) = try engineCall {
                    try Datasets.makeBlobs(nSamples: try samples(a["n_samples"]), centers: try a.optional("centers")?.int("centers") ?? 3,
                                           nFeatures: features, clusterStd: try a["cluster_std"].double("cluster_std"),
                                           centerBox: (p[0], p[1]), shuffle: try a["shuffle"].bool("shuffle"),
                                           random: try generator(a.optional("random_state"), session: session))
                }
                let made = pair(x, features, y)
                guard try a["return_centers"].bool("return_centers"), case .tuple(let parts) = made else { return made }
                return .tuple(parts + [.object(NDArray(shape: [centers.count / max(features, 1), features], storage: centers))])
            },
            declared("make_classification", """
                n_samples=100, n_features=20, *, n_informative=2, n_redundant=2, n_repeated=0, n_classes=2, n_clusters_per_class=2,
                weights=None, flip_y=0.01, class_sep=1.0, hypercube=True, shift=0.0, scale=1.0, shuffle=True, random_state=None,
                !return_X_y=True
                """) { a, _ in
                func single(_ name: String) throws -> Double? {
                    guard let v = a.optional(name) else { return nil }
                    if case .object(let array as NDArray) = v, array.count > 1 { throw ScriptError.notImplemented("make_classification takes a single number for \(name)") }
                    return try v.double(name)
                }
                let features = try a["n_features"].int("n_features")
                let (x, y) = try engineCall {
                    try Datasets.makeClassification(
                        nSamples: try samples(a["n_samples"]), nFeatures: features,
                        nInformative: try a["n_informative"].int("n_informative"), nRedundant: try a["n_redundant"].int("n_redundant"),
                        nRepeated: try a["n_repeated"].int("n_repeated"), nClasses: try a["n_classes"].int("n_classes"),
                        nClustersPerClass: try a["n_clusters_per_class"].int("n_clusters_per_class"),
                        weights: try a.optional("weights")?.sequence("weights").map { try $0.double("weights") },
                        flipY: try a["flip_y"].double("flip_y"), classSep: try a["class_sep"].double("class_sep"),
                        hypercube: try a["hypercube"].bool("hypercube"), shift: try single("shift"), scale: try single("scale"),
                        shuffle: try a["shuffle"].bool("shuffle"), random: try generator(a.optional("random_state"), session: session))
                }
                return pair(x, features, y)
            },
            declared("make_gaussian_quantiles", "*, mean=None, cov=1.0, n_samples=100, n_features=2, n_classes=3, shuffle=True, random_state=None") { a, _ in
                let features = try a["n_features"].int("n_features")
                let (x, y) = try engineCall {
                    try Datasets.makeGaussianQuantiles(
                        mean: try a.optional("mean").map { try NDArray.coerce($0).storage },
                        cov: try a["cov"].double("cov"), nSamples: try samples(a["n_samples"]), nFeatures: features,
                        nClasses: try a["n_classes"].int("n_classes"), shuffle: try a["shuffle"].bool("shuffle"),
                        random: try generator(a.optional("random_state"), session: session))
                }
                return pair(x, features, y)
            },
            // `tail_strength` shapes only the low-rank data `effective_rank` asks for; without it, scikit-learn does not read it either.
            declared("make_regression", """
                n_samples=100, n_features=100, *, n_informative=10, n_targets=1, bias=0.0, !effective_rank=None, tail_strength=0.5,
                noise=0.0, shuffle=True, coef=False, random_state=None
                """) { a, _ in
                if try a["n_targets"].int("n_targets") != 1 { throw ScriptError.notImplemented("make_regression: n_targets is not supported yet (1 target only)") }
                _ = try a["tail_strength"].double("tail_strength")
                let n = try samples(a["n_samples"]), features = try a["n_features"].int("n_features")
                try Limits.check(elements: n, times: features + 1)
                let (x, y, coef) = try engineCall {
                    try Datasets.makeRegression(nSamples: n, nFeatures: features, nInformative: try a["n_informative"].int("n_informative"),
                                                bias: try a["bias"].double("bias"), noise: try a["noise"].double("noise"),
                                                shuffle: try a["shuffle"].bool("shuffle"), random: try generator(a.optional("random_state"), session: session))
                }
                let xv: Value = .object(NDArray(shape: [n, features], storage: x))
                let yv: Value = .object(NDArray(shape: [n], storage: y))
                if try a["coef"].bool("coef") { return .tuple([xv, yv, .object(NDArray(shape: [features], storage: coef))]) }
                return .tuple([xv, yv])
            },
        ])
    }

    static func metrics() -> ModuleObject {
        module("sklearn.metrics", [
            declared("accuracy_score", "y_true, y_pred, *, normalize=True, sample_weight=None") { a, _ in
                let (t, p) = try samplePair(a)
                let weights = try sampleWeights(a, count: t.count)
                let hits = zip(zip(t, p), weights).reduce(0.0) { $0 + ($1.0.0 == $1.0.1 ? $1.1 : 0) }
                guard try a["normalize"].bool("normalize") else { return a.optional("sample_weight") == nil ? .int(Int(hits)) : .float(hits) }
                let total = weights.reduce(0, +)
                return .float(total == 0 ? 0 : hits / total)
            },
            declared("mean_squared_error", "y_true, y_pred, *, sample_weight=None, multioutput='uniform_average'") { a, _ in
                let (t, p) = try samplePair(a)
                guard !t.isEmpty else { throw ScriptError.value("Found input variables with inconsistent numbers of samples: [0, 0]") }
                try AxesMethods.only(a, "multioutput", in: ["uniform_average"], call: "mean_squared_error")
                // Rows are samples: one weight per row, shared by its outputs.
                let rows = max(try NDArray.coerce(a["y_true"]).shape.first ?? t.count, 1)
                let perRow = max(t.count / rows, 1)
                let weights = try sampleWeights(a, count: rows)
                var total = 0.0
                for i in t.indices { total += weights[min(i / perRow, rows - 1)] * (t[i] - p[i]) * (t[i] - p[i]) }
                return .float(total / (weights.reduce(0, +) * Double(perRow)))
            },
        ])
    }

    /// `y_true` and `y_pred`, flattened, of one length.
    static func samplePair(_ a: BoundArguments) throws -> ([Double], [Double]) {
        let t = try NDArray.coerce(a["y_true"]).storage, p = try NDArray.coerce(a["y_pred"]).storage
        guard t.count == p.count else { throw ScriptError.value("Found input variables with inconsistent numbers of samples: [\(t.count), \(p.count)]") }
        return (t, p)
    }

    /// `sample_weight`, or 1 for each sample.
    static func sampleWeights(_ a: BoundArguments, count: Int) throws -> [Double] {
        guard let w = a.optional("sample_weight") else { return [Double](repeating: 1, count: count) }
        let weights = try NDArray.coerce(w).storage
        guard weights.count == count else { throw ScriptError.value("Found input variables with inconsistent numbers of samples: [\(count), \(weights.count)]") }
        return weights
    }

    static func preprocessing() -> ModuleObject {
        module("sklearn.preprocessing", [
            // Lectern's scalers always return a new array, which is what copy=True asks.
            declared("StandardScaler", "*, !copy=True, with_mean=True, with_std=True") { a, _ in
                .object(Scaler(kind: .standard(withMean: try a["with_mean"].bool("with_mean"), withStd: try a["with_std"].bool("with_std"))))
            },
            declared("MinMaxScaler", "feature_range=(0, 1), *, !copy=True, clip=False") { a, _ in
                let p = try a["feature_range"].sequence("feature_range").map { try $0.double("feature_range") }
                guard p.count == 2, p[0] < p[1] else { throw ScriptError.value("Minimum of desired feature range must be smaller than maximum. Got \(p).") }
                return .object(Scaler(kind: .minMax((p[0], p[1]), clip: try a["clip"].bool("clip"))))
            },
        ])
    }

    static func register(in registry: ModuleRegistry, session: LessonSession) {
        let ds = datasets(session: session), ms = ModelSelection.module(session: session), mt = metrics(), pp = preprocessing()
        for (name, loader) in BundledDatasets.functions() { ds.members[name] = loader }
        registry.register("sklearn.datasets") { ds }
        registry.register("sklearn.datasets.samples_generator") { ds }
        registry.register("sklearn.model_selection") { ms }
        registry.register("sklearn.metrics") { mt }
        registry.register("sklearn.preprocessing") { pp }
        registry.register("sklearn") {
            module("sklearn", [("datasets", .object(ds)), ("model_selection", .object(ms)), ("metrics", .object(mt)), ("preprocessing", .object(pp))])
        }
    }
}

extension NDArray {
    /// The rows at `indices` (first axis).
    func rows(_ indices: [Int]) -> NDArray {
        let rowSize = shape.dropFirst().reduce(1, *)
        var out: [Double] = []
        out.reserveCapacity(indices.count * rowSize)
        for i in indices { out += storage[(i * rowSize)..<((i + 1) * rowSize)] }
        return NDArray(shape: [indices.count] + shape.dropFirst(), storage: out, dtype: dtype)
    }
}

/// `n_samples` for a dataset generator: a non-negative count whose rows (features and target, at
/// most 64 columns counted here; wider data is checked where it is built) fit in the memory limit.
func samples(_ value: Value, features: Int = 3) throws -> Int {
    let n = try value.int("n_samples")
    try Limits.check(elements: n, times: max(features, 1))
    return n
}
