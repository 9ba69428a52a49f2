import Script

extension DeclaredMethodTables {
    /// This family's host types and their declared methods, by the real class's dotted name.
    static var numpy: [String: [String: Signature]] {
        ["numpy.ndarray": NDArray.methods.signatures, "numpy.random.RandomState": NumpyRandom.methods.signatures]
    }
}
