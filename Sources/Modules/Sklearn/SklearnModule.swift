import Engine
import Script
import Tensor

/// `sklearn`: dataset generators bit-equal to scikit-learn's, `train_test_split`, the scalers
/// and two metrics. Without `random_state`, generators draw from NumPy's global state, as
/// scikit-learn does.
enum SklearnModule {
    static func generator(_ v: Value?, session: LessonSession) throws -> NumPyRandomState {
        guard let v else { return session.numpyRandom }
        return NumPyRandomState(seed: UInt32(truncatingIfNeeded: try v.int("random_state")))
    }

    static func pair(_ x: [Double], _ columns: Int, _ y: [Int]) -> Value {
        .tuple([.object(NDArray(shape: [y.count, columns], storage: x)),
                .object(NDArray(shape: [y.count], storage: y.map(Double.init), dtype: .int64))])
    }

    static func datasets(session: LessonSession) -> ModuleObject {
        module("sklearn.datasets", [
            function("make_moons") { args, _ in
                let s = try args.bind("make_moons", ["n_samples", "shuffle", "noise", "random_state"])
                let n = try samples(s.value(0))
                guard n >= 0 else { throw ScriptError.value("make_moons expects n_samples >= 0. Received: n_samples=\(n)") }
                let (x, y) = Datasets.makeMoons(nSamples: n, shuffle: try s.value(1)?.bool("shuffle") ?? true,
                                                noise: try s.value(2)?.double("noise"), random: try generator(s.value(3), session: session))
                return pair(x, 2, y)
            },
            function("make_circles") { args, _ in
                let s = try args.bind("make_circles", ["n_samples", "shuffle", "noise", "random_state", "factor"])
                let (x, y) = try engineCall {
                    try Datasets.makeCircles(nSamples: try samples(s.value(0)), shuffle: try s.value(1)?.bool("shuffle") ?? true,
                                             noise: try s.value(2)?.double("noise"), random: try generator(s.value(3), session: session),
                                             factor: try s.value(4)?.double("factor") ?? 0.8)
                }
                return pair(x, 2, y)
            },
            function("make_blobs") { args, _ in
                let s = try args.bind("make_blobs", ["n_samples", "n_features", "centers", "cluster_std", "center_box", "shuffle", "random_state"])
                var box = (-10.0, 10.0)
                if let b = s.value(4) {
                    let p = try b.sequence("center_box").map { try $0.double("center_box") }
                    guard p.count == 2 else { throw ScriptError.value("center_box must be (min, max)") }
                    box = (p[0], p[1])
                }
                if case .list? = s.value(2) { throw ScriptError.notImplemented("make_blobs with explicit center coordinates is not supported yet; pass the number of centers") }
                let features = try s.value(1)?.int("n_features") ?? 2
                let (x, y, _) = try engineCall {
                    try Datasets.makeBlobs(nSamples: try samples(s.value(0)), centers: try s.value(2)?.int("centers") ?? 3,
                                           nFeatures: features, clusterStd: try s.value(3)?.double("cluster_std") ?? 1,
                                           centerBox: box, shuffle: try s.value(5)?.bool("shuffle") ?? true,
                                           random: try generator(s.value(6), session: session))
                }
                return pair(x, features, y)
            },
            function("make_classification") { args, _ in
                let s = try args.bind("make_classification", ["n_samples", "n_features", "n_informative", "n_redundant", "n_repeated", "n_classes",
                                                              "n_clusters_per_class", "weights", "flip_y", "class_sep", "hypercube", "shift",
                                                              "scale", "shuffle", "random_state"])
                func optionalNumber(_ v: Value?, default d: Double, name: String) throws -> Double? {
                    guard let v else { return d }
                    if v.isNone { return nil }
                    if case .object(let a as NDArray) = v, a.count > 1 { throw ScriptError.notImplemented("make_classification takes a single number for \(name)") }
                    return try v.double(name)
                }
                let features = try s.value(1)?.int("n_features") ?? 20
                let (x, y) = try engineCall {
                    try Datasets.makeClassification(
                        nSamples: try samples(s.value(0)), nFeatures: features,
                        nInformative: try s.value(2)?.int("n_informative") ?? 2, nRedundant: try s.value(3)?.int("n_redundant") ?? 2,
                        nRepeated: try s.value(4)?.int("n_repeated") ?? 0, nClasses: try s.value(5)?.int("n_classes") ?? 2,
                        nClustersPerClass: try s.value(6)?.int("n_clusters_per_class") ?? 2,
                        weights: try s.value(7).flatMap { $0.isNone ? nil : $0 }?.sequence("weights").map { try $0.double("weights") },
                        flipY: try s.value(8)?.double("flip_y") ?? 0.01, classSep: try s.value(9)?.double("class_sep") ?? 1,
                        hypercube: try s.value(10)?.bool("hypercube") ?? true,
                        shift: try optionalNumber(s.value(11), default: 0, name: "shift"), scale: try optionalNumber(s.value(12), default: 1, name: "scale"),
                        shuffle: try s.value(13)?.bool("shuffle") ?? true, random: try generator(s.value(14), session: session))
                }
                return pair(x, features, y)
            },
            function("make_gaussian_quantiles") { args, _ in
                let s = try args.bind("make_gaussian_quantiles", ["mean", "cov", "n_samples", "n_features", "n_classes", "shuffle", "random_state"])
                let features = try s.value(3)?.int("n_features") ?? 2
                let (x, y) = try engineCall {
                    try Datasets.makeGaussianQuantiles(
                        mean: try s.value(0).flatMap { $0.isNone ? nil : $0 }.map { try NDArray.coerce($0).storage },
                        cov: try s.value(1)?.double("cov") ?? 1, nSamples: try samples(s.value(2)), nFeatures: features,
                        nClasses: try s.value(4)?.int("n_classes") ?? 3, shuffle: try s.value(5)?.bool("shuffle") ?? true,
                        random: try generator(s.value(6), session: session))
                }
                return pair(x, features, y)
            },
            function("make_regression") { args, _ in
                let s = try args.bind("make_regression", ["n_samples", "n_features", "n_informative", "n_targets", "bias",
                                                          "effective_rank", "tail_strength", "noise", "shuffle", "coef", "random_state"])
                if let t = s.value(3), try t.int("n_targets") != 1 { throw ScriptError.notImplemented("make_regression supports n_targets=1") }
                if s.value(5) != nil { throw ScriptError.notImplemented("make_regression with effective_rank is not supported") }
                let n = try samples(s.value(0)), features = try s.value(1)?.int("n_features") ?? 100
                try Limits.check(elements: n, times: features + 1)
                let (x, y, coef) = try engineCall {
                    try Datasets.makeRegression(nSamples: n, nFeatures: features, nInformative: try s.value(2)?.int("n_informative") ?? 10,
                                                bias: try s.value(4)?.double("bias") ?? 0, noise: try s.value(7)?.double("noise") ?? 0,
                                                shuffle: try s.value(8)?.bool("shuffle") ?? true, random: try generator(s.value(10), session: session))
                }
                let xv: Value = .object(NDArray(shape: [n, features], storage: x))
                let yv: Value = .object(NDArray(shape: [n], storage: y))
                if try s.value(9)?.bool("coef") ?? false { return .tuple([xv, yv, .object(NDArray(shape: [features], storage: coef))]) }
                return .tuple([xv, yv])
            },
        ])
    }

    static func modelSelection(session: LessonSession) -> ModuleObject {
        module("sklearn.model_selection", [
            function("train_test_split") { args, _ in
                let arrays = try args.positional.map(NDArray.coerce)
                guard let n = arrays.first?.shape.first else { throw ScriptError.value("At least one array required as input") }
                for a in arrays where a.shape.first != n {
                    throw ScriptError.value("Found input variables with inconsistent numbers of samples: \(arrays.map { $0.shape.first ?? 0 })")
                }
                let known = ["test_size", "train_size", "random_state", "shuffle", "stratify"]
                for (k, _) in args.keywords where !known.contains(k) {
                    var m = "train_test_split() got an unexpected keyword argument '\(k)'"
                    if let sug = Suggest.closest(to: k, in: known) { m += "; did you mean '\(sug)'?" }
                    throw ScriptError.type(m)
                }
                var stratify: [Double]?
                if let st = args.keyword("stratify"), !st.isNone {
                    let labels = try NDArray.coerce(st)
                    guard labels.shape.count == 1, labels.count == n else {
                        throw ScriptError.value("stratify must be a 1-D array of \(n) labels. Received shape \(NDArray.shapeText(labels.shape))")
                    }
                    guard try args.keyword("shuffle")?.bool("shuffle") ?? true else {
                        throw ScriptError.value("Stratified train/test split is not implemented for shuffle=False")
                    }
                    stratify = labels.storage
                }
                func size(_ name: String) throws -> Datasets.SplitSize? {
                    switch args.keyword(name) {
                    case .float(let f)?: return .fraction(f)
                    case .int(let i)?: return .count(i)
                    case nil, .none?: return nil
                    case let v?: throw ScriptError.value("\(name) must be a float or an int. Received: \(v.shortDescription)")
                    }
                }
                var testSize = try size("test_size")
                let trainSize = try size("train_size")
                if testSize == nil && trainSize == nil { testSize = .fraction(0.25) }
                let random = try generator(args.keyword("random_state").flatMap { $0.isNone ? nil : $0 }, session: session)
                let (train, test) = try engineCall {
                    if let stratify {
                        return try Datasets.stratifiedSplitIndices(labels: stratify, testSize: testSize, trainSize: trainSize, random: random)
                    }
                    return try Datasets.trainTestSplitIndices(nSamples: n, testSize: testSize, trainSize: trainSize,
                                                       shuffle: try args.keyword("shuffle")?.bool("shuffle") ?? true,
                                                       random: random)
                }
                var out: [Value] = []
                for a in arrays { out += [.object(a.rows(train)), .object(a.rows(test))] }
                return .list(ListStorage(out))
            },
            function("KFold") { args, _ in
                let s = try args.bind("KFold", ["n_splits", "shuffle", "random_state"])
                let shuffle = try s.value(1)?.bool("shuffle") ?? false
                let seed = s.value(2).flatMap { $0.isNone ? nil : $0 }
                if seed != nil && !shuffle {
                    throw ScriptError.value("Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.")
                }
                return .object(KFoldObject(splits: try s.value(0)?.int("n_splits") ?? 5, shuffle: shuffle,
                                           seed: try seed.map { UInt32(truncatingIfNeeded: try $0.int("random_state")) }, session: session))
            },
        ])
    }

    static func metrics() -> ModuleObject {
        module("sklearn.metrics", [
            function("accuracy_score") { args, _ in
                let s = try args.bind("accuracy_score", ["y_true", "y_pred", "normalize"], required: 2)
                let a = try NDArray.coerce(s[0] ?? .none).storage, b = try NDArray.coerce(s[1] ?? .none).storage
                guard a.count == b.count else { throw ScriptError.value("Found input variables with inconsistent numbers of samples: [\(a.count), \(b.count)]") }
                let hits = zip(a, b).filter { $0 == $1 }.count
                if try s.value(2)?.bool("normalize") == false { return .int(hits) }
                return .float(a.isEmpty ? 0 : Double(hits) / Double(a.count))
            },
            function("mean_squared_error") { args, _ in
                let s = try args.bind("mean_squared_error", ["y_true", "y_pred"], required: 2)
                let a = try NDArray.coerce(s[0] ?? .none).storage, b = try NDArray.coerce(s[1] ?? .none).storage
                guard a.count == b.count, !a.isEmpty else { throw ScriptError.value("Found input variables with inconsistent numbers of samples: [\(a.count), \(b.count)]") }
                return .float(zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(a.count))
            },
        ])
    }

    static func preprocessing() -> ModuleObject {
        module("sklearn.preprocessing", [
            function("StandardScaler") { args, _ in
                let s = try args.bind("StandardScaler", ["copy", "with_mean", "with_std"])
                return .object(Scaler(kind: .standard(withMean: try s.value(1)?.bool("with_mean") ?? true, withStd: try s.value(2)?.bool("with_std") ?? true)))
            },
            function("MinMaxScaler") { args, _ in
                let s = try args.bind("MinMaxScaler", ["feature_range", "copy", "clip"])
                var range = (0.0, 1.0)
                if let r = s.value(0) {
                    let p = try r.sequence("feature_range").map { try $0.double("feature_range") }
                    guard p.count == 2, p[0] < p[1] else { throw ScriptError.value("Minimum of desired feature range must be smaller than maximum. Got \(p).") }
                    range = (p[0], p[1])
                }
                return .object(Scaler(kind: .minMax(range)))
            },
        ])
    }

    static func register(in registry: ModuleRegistry, session: LessonSession) {
        let ds = datasets(session: session), ms = modelSelection(session: session), mt = metrics(), pp = preprocessing()
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

/// scikit-learn's `KFold`: `split(X)` gives (train_index, test_index) pairs of int arrays.
final class KFoldObject: ScriptObject {
    let splits: Int
    let shuffle: Bool
    let seed: UInt32?
    unowned let session: LessonSession

    init(splits: Int, shuffle: Bool, seed: UInt32?, session: LessonSession) {
        self.splits = splits
        self.shuffle = shuffle
        self.seed = seed
        self.session = session
    }

    var typeName: String { "KFold" }
    func repr() -> String {
        "KFold(n_splits=\(splits), random_state=\(seed.map { String($0) } ?? "None"), shuffle=\(shuffle ? "True" : "False"))"
    }
    var attributeNames: [String] { ["split", "get_n_splits", "n_splits", "shuffle", "random_state"] }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "n_splits": return .int(splits)
        case "shuffle": return .bool(shuffle)
        case "random_state": return seed.map { .int(Int($0)) } ?? Value.none
        case "get_n_splits": return .object(BuiltinFunction(name) { _, _ in .int(self.splits) })
        case "split":
            return .object(BuiltinFunction(name) { args, _ in
                let s = try args.bind("split", ["X", "y", "groups"], required: 1)
                let x = try NDArray.coerce(s[0] ?? .none)
                let n = x.shape.first ?? x.count
                // Each split() call starts from random_state again (a fresh RandomState), as sklearn does;
                // without one, the shuffle draws from NumPy's global state.
                let random: NumPyRandomState? = self.shuffle ? (self.seed.map { NumPyRandomState(seed: $0) } ?? self.session.numpyRandom) : nil
                let folds = try engineCall { try Datasets.kFoldIndices(nSamples: n, splits: self.splits, shuffle: self.shuffle, random: random) }
                return .list(ListStorage(folds.map { fold in
                    .tuple([.object(NDArray(shape: [fold.train.count], storage: fold.train.map(Double.init), dtype: .int64)),
                            .object(NDArray(shape: [fold.test.count], storage: fold.test.map(Double.init), dtype: .int64))])
                }))
            })
        default: return nil
        }
    }
}

/// `n_samples` for a dataset generator: a non-negative count whose rows (features and target, at
/// most 64 columns counted here; wider data is checked where it is built) fit in the memory limit.
func samples(_ value: Value?, features: Int = 3) throws -> Int {
    let n = try value?.int("n_samples") ?? 100
    try Limits.check(elements: n, times: max(features, 1))
    return n
}
