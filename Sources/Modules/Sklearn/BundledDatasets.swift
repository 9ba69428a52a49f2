import Foundation
import Script

/// scikit-learn's loaders of its bundled datasets: `load_iris`, `load_wine`,
/// `load_breast_cancer`, `load_digits` and `load_diabetes`, giving the same arrays, names and
/// descriptions from the same files (see `BundledDataFiles`). Their arguments are keyword-only,
/// as in scikit-learn; `as_frame=True` needs pandas, which lessons do not have.
enum BundledDatasets {
    static func functions() -> [(String, Value)] {
        [
            loader("load_iris") { _ in
                try labelled("iris.csv", descr: "iris.rst",
                             featureNames: .list(strings(["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"])),
                             fileKeys: true)
            },
            loader("load_wine") { _ in
                try labelled("wine_data.csv", descr: "wine_data.rst",
                             featureNames: .list(strings(["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                                                          "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                                                          "od280/od315_of_diluted_wines", "proline"])),
                             fileKeys: false)
            },
            loader("load_breast_cancer") { _ in
                let measures = ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                                "concave points", "symmetry", "fractal dimension"]
                let names = measures.map { "mean \($0)" } + measures.map { "\($0) error" } + measures.map { "worst \($0)" }
                return try labelled("breast_cancer.csv", descr: "breast_cancer.rst", featureNames: .object(StringArray(names)),
                                    fileKeys: true, targetNames: ["malignant", "benign"])
            },
            loader("load_digits", extra: ", n_class=10") { a in try digits(nClass: a["n_class"]) },
            loader("load_diabetes", extra: ", scaled=True") { a in try diabetes(scaled: a["scaled"]) },
        ]
    }

    /// The loaded dataset: the bunch, and the pair `return_X_y=True` gives.
    struct Loaded {
        var bunch: Bunch
        var x: Value
        var y: Value
    }

    /// A loader taking scikit-learn's keyword-only `return_X_y` and `as_frame`, then `extra` (its own).
    static func loader(_ name: String, extra: String = "", _ load: @escaping (BoundArguments) throws -> Loaded) -> (String, Value) {
        declared(name, "*, return_X_y=False, as_frame=False" + extra) { a, _ in
            let returnXY = try flag(a["return_X_y"], "return_X_y", of: name) ?? false
            if try flag(a["as_frame"], "as_frame", of: name) == true {
                throw ScriptError.notImplemented("\(name)(as_frame=True) needs pandas, which lessons do not have; use the arrays (as_frame=False)")
            }
            let loaded = try load(a)
            return returnXY ? .tuple([loaded.x, loaded.y]) : .object(loaded.bunch)
        }
    }

    /// A boolean argument, checked as scikit-learn's parameter validation checks it.
    static func flag(_ v: Value?, _ parameter: String, of function: String) throws -> Bool? {
        switch v {
        case nil: return nil
        case .bool(let b)?: return b
        case .object(let a as NDArray)? where a.dtype == .bool && a.shape.isEmpty: return a.storage[0] != 0
        case let other?:
            throw ScriptError.value("The '\(parameter)' parameter of \(function) must be an instance of 'bool' or an instance of 'numpy.bool'. Got \(other.shortDescription) instead.")
        }
    }

    static func strings(_ items: [String]) -> ListStorage { ListStorage(items.map { .string($0) }) }

    static func array(_ values: [Double], _ shape: [Int], _ dtype: NDArray.DType = .float64) throws -> Value {
        _ = try Limits.elements(shape)
        return .object(NDArray(shape: shape, storage: values, dtype: dtype))
    }

    /// iris, wine and breast cancer: scikit-learn's CSV layout with the class names in its header.
    static func labelled(_ file: String, descr: String, featureNames: Value, fileKeys: Bool, targetNames: [String]? = nil) throws -> Loaded {
        let table = try BundledDataFiles.labelledTable(file)
        let x = try array(table.data, [table.target.count, table.features])
        let y = try array(table.target.map(Double.init), [table.target.count], .int64)
        var pairs: [(String, Value)] = [
            ("data", x), ("target", y), ("frame", .none), ("target_names", .object(StringArray(targetNames ?? table.targetNames))),
            ("DESCR", .string(try BundledDataFiles.text("descr/" + descr))), ("feature_names", featureNames),
        ]
        if fileKeys { pairs += [("filename", .string(file)), ("data_module", .string("sklearn.datasets.data"))] }
        return Loaded(bunch: Bunch(pairs), x: x, y: y)
    }

    /// The 8×8 digits: 1797 rows of 64 pixels and the digit; `n_class` keeps the digits below it.
    static func digits(nClass: Value?) throws -> Loaded {
        var classes = 10
        if let v = nClass {
            guard case .int(let n) = v, (1...10).contains(n) else {
                throw ScriptError.value("The 'n_class' parameter of load_digits must be an int in the range [1, 10]. Got \(v.shortDescription) instead.")
            }
            classes = n
        }
        let text = try BundledDataFiles.text("digits.csv")
        let table = try BundledDataFiles.numbers(text[...], file: "digits.csv", separator: ",")
        guard table.columns == 65 else { throw ScriptError.value("digits.csv: \(table.columns) columns, expected 65") }
        var pixels: [Double] = [], target: [Double] = []
        for r in 0..<table.rows {
            let row = table.values[(r * 65)..<((r + 1) * 65)]
            let digit = row.last ?? 0
            guard digit < Double(classes) else { continue }
            pixels += row.dropLast()
            target.append(digit.rounded(.towardZero))
        }
        let n = target.count
        let x = try array(pixels, [n, 64]), y = try array(target, [n], .int64)
        let names = (0..<8).flatMap { r in (0..<8).map { c in "pixel_\(r)_\(c)" } }
        let bunch = Bunch([
            ("data", x), ("target", y), ("frame", .none), ("feature_names", .list(strings(names))),
            ("target_names", try array((0..<10).map(Double.init), [10], .int64)),
            ("images", try array(pixels, [n, 8, 8])), ("DESCR", .string(try BundledDataFiles.text("descr/digits.rst"))),
        ])
        return Loaded(bunch: bunch, x: x, y: y)
    }

    /// 442 patients' ten baseline variables and a measure of disease progression a year later.
    /// `scaled=True` centres each column and scales it to unit norm, as scikit-learn does:
    /// `scale` (mean and standard deviation over the column) and then a division by √442.
    static func diabetes(scaled scaledArgument: Value?) throws -> Loaded {
        let scaled = try flag(scaledArgument, "scaled", of: "load_diabetes") ?? true
        let raw = try BundledDataFiles.numbers(try BundledDataFiles.text("diabetes_data_raw.csv")[...], file: "diabetes_data_raw.csv", separator: nil)
        let target = try BundledDataFiles.numbers(try BundledDataFiles.text("diabetes_target.csv")[...], file: "diabetes_target.csv", separator: nil)
        guard raw.rows == target.values.count else { throw ScriptError.value("diabetes: \(raw.rows) rows of data for \(target.values.count) targets") }
        var data = raw.values
        if scaled { standardizeColumns(&data, rows: raw.rows, columns: raw.columns) }
        let x = try array(data, [raw.rows, raw.columns]), y = try array(target.values, [target.values.count])
        let bunch = Bunch([
            ("data", x), ("target", y), ("frame", .none), ("DESCR", .string(try BundledDataFiles.text("descr/diabetes.rst"))),
            ("feature_names", .list(strings(["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]))),
            ("data_filename", .string("diabetes_data_raw.csv.gz")), ("target_filename", .string("diabetes_target.csv.gz")),
            ("data_module", .string("sklearn.datasets.data")),
        ])
        return Loaded(bunch: bunch, x: x, y: y)
    }

    /// scikit-learn's `scale(X)` followed by `X /= n ** 0.5`, in NumPy's order of operations:
    /// column sums row by row (a reduction over the first axis of a C-ordered array), the
    /// variance from the centred squares, the mean subtracted, then the division by the
    /// standard deviation (1 where it is 0) and by √n.
    static func standardizeColumns(_ data: inout [Double], rows: Int, columns: Int) {
        guard rows > 0 else { return }
        let n = Double(rows)
        var mean = [Double](repeating: 0, count: columns)
        for r in 0..<rows { for c in 0..<columns { mean[c] += data[r * columns + c] } }
        for c in 0..<columns { mean[c] /= n }
        var variance = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let d = data[r * columns + c] - mean[c]
                variance[c] += d * d
            }
        }
        let deviation = variance.map { v -> Double in
            let s = (v / n).squareRoot()
            return s < 10 * Double.ulpOfOne ? 1 : s
        }
        let root = Foundation.pow(n, 0.5)
        for r in 0..<rows {
            for c in 0..<columns {
                let i = r * columns + c
                data[i] = (data[i] - mean[c]) / deviation[c] / root
            }
        }
    }
}
