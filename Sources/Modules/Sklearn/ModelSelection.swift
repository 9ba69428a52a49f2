import Engine
import Script
import Tensor

/// `sklearn.model_selection`: `train_test_split` and `KFold`, drawing as scikit-learn draws
/// (from `random_state`, or NumPy's global state without one).
enum ModelSelection {
    static func module(session: LessonSession) -> ModuleObject {
        Modules.module("sklearn.model_selection", [
            declared("train_test_split", "*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None") { a, _ in
                try trainTestSplit(a, session: session)
            },
            declared("KFold", "n_splits=5, *, shuffle=False, random_state=None") { a, _ in
                let shuffle = try a["shuffle"].bool("shuffle")
                let seed = a.optional("random_state")
                if seed != nil && !shuffle {
                    throw ScriptError.value("Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.")
                }
                return .object(KFoldObject(splits: try a["n_splits"].int("n_splits"), shuffle: shuffle,
                                           seed: try seed.map { UInt32(truncatingIfNeeded: try $0.int("random_state")) }, session: session))
            },
        ])
    }

    static func trainTestSplit(_ a: BoundArguments, session: LessonSession) throws -> Value {
        let arrays = try a.extraPositional.map(NDArray.coerce)
        guard let n = arrays.first?.shape.first else { throw ScriptError.value("At least one array required as input") }
        for array in arrays where array.shape.first != n {
            throw ScriptError.value("Found input variables with inconsistent numbers of samples: \(arrays.map { $0.shape.first ?? 0 })")
        }
        let shuffle = try a["shuffle"].bool("shuffle")
        var stratify: [Double]?
        if let st = a.optional("stratify") {
            let labels = try NDArray.coerce(st)
            guard labels.shape.count == 1, labels.count == n else {
                throw ScriptError.value("stratify must be a 1-D array of \(n) labels. Received shape \(NDArray.shapeText(labels.shape))")
            }
            guard shuffle else { throw ScriptError.value("Stratified train/test split is not implemented for shuffle=False") }
            stratify = labels.storage
        }
        func size(_ name: String) throws -> Datasets.SplitSize? {
            switch a[name] {
            case .float(let f): return .fraction(f)
            case .int(let i): return .count(i)
            case .none: return nil
            case let v: throw ScriptError.value("\(name) must be a float or an int. Received: \(v.shortDescription)")
            }
        }
        var testSize = try size("test_size")
        let trainSize = try size("train_size")
        if testSize == nil && trainSize == nil { testSize = .fraction(0.25) }
        let random = try SklearnModule.generator(a.optional("random_state"), session: session)
        let (train, test) = try engineCall {
            if let stratify {
                return try Datasets.stratifiedSplitIndices(labels: stratify, testSize: testSize, trainSize: trainSize, random: random)
            }
            return try Datasets.trainTestSplitIndices(nSamples: n, testSize: testSize, trainSize: trainSize, shuffle: shuffle, random: random)
        }
        var out: [Value] = []
        for array in arrays { out += [.object(array.rows(train)), .object(array.rows(test))] }
        return .list(ListStorage(out))
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

    /// `y` and `groups` are accepted and not read, as KFold does not read them either.
    static let methods = MethodTable<KFoldObject>([
        Method("get_n_splits", "X=None, y=None, groups=None") { kfold, _, _ in .int(kfold.splits) },
        Method("split", "X, y=None, groups=None") { kfold, a, _ in try kfold.split(a["X"]) },
    ])
    var attributeNames: [String] { Self.methods.names + ["n_splits", "shuffle", "random_state"] }

    func attribute(_ name: String) throws -> Value? {
        if let m = Self.methods.bound(name, to: self) { return m }
        switch name {
        case "n_splits": return .int(splits)
        case "shuffle": return .bool(shuffle)
        case "random_state": return seed.map { .int(Int($0)) } ?? Value.none
        default: return nil
        }
    }

    func split(_ xValue: Value) throws -> Value {
        let x = try NDArray.coerce(xValue)
        let n = x.shape.first ?? x.count
        // Each split() call starts from random_state again (a fresh RandomState), as sklearn does;
        // without one, the shuffle draws from NumPy's global state.
        let random: NumPyRandomState? = shuffle ? (seed.map { NumPyRandomState(seed: $0) } ?? session.numpyRandom) : nil
        let folds = try engineCall { try Datasets.kFoldIndices(nSamples: n, splits: splits, shuffle: shuffle, random: random) }
        return .list(ListStorage(folds.map { fold in
            .tuple([.object(NDArray(shape: [fold.train.count], storage: fold.train.map(Double.init), dtype: .int64)),
                    .object(NDArray(shape: [fold.test.count], storage: fold.test.map(Double.init), dtype: .int64))])
        }))
    }
}
