import Script

extension DeclaredMethodTables {
    /// This family's host types and their declared methods, by the real class's dotted name.
    static var pyplotAndSklearn: [String: [String: Signature]] {
        [
            "matplotlib.axes.Axes": AxesObject.methods.signatures,
            "matplotlib.figure.Figure": FigureObject.methods.signatures,
            "sklearn.preprocessing.StandardScaler": Scaler.standardMethods.signatures,
            "sklearn.preprocessing.MinMaxScaler": Scaler.minMaxMethods.signatures,
            "sklearn.model_selection.KFold": KFoldObject.methods.signatures,
        ]
    }
}
