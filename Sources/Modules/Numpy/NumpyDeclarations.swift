import Script

/// A `numpy` member declared by NumPy 2.4's own signature, for bodies that need only the arguments.
func declared(_ name: String, _ parameters: String, _ body: @escaping (BoundArguments) throws -> Value) -> (String, Value) {
    declared(name, parameters) { a, _ in try body(a) }
}

enum NumpySignatures {
    /// What a one-operand ufunc (`np.exp`, `np.sqrt`, ...) takes after its operand `x`.
    static let ufuncOptions = "!out=None, *, !where=True, !casting='same_kind', !order='K', dtype=None, !subok=True, !signature=None"
    static let unaryUfunc = "x, /, " + ufuncOptions
    static let binaryUfunc = "x1, x2, /, " + ufuncOptions
}

/// Reading NumPy's arguments by name.
extension BoundArguments {
    /// The argument as an array (numbers and nested lists convert).
    func ndarray(_ name: String) throws -> NDArray { try NDArray.coerce(self[name]) }

    /// A `dtype` argument, nil when None or not given.
    func npDType(_ name: String = "dtype") throws -> NDArray.DType? {
        try optional(name).map(NDArray.DType.parse)
    }

    /// A flag whose default may be None or NumPy's `<no value>` (both read as False).
    func npFlag(_ name: String) throws -> Bool {
        try optional(name)?.bool(name) ?? false
    }

    /// A single `axis`, nil when None; a tuple of axes is refused by name.
    func npAxis(_ name: String = "axis") throws -> Int? {
        guard let v = optional(name) else { return nil }
        switch v {
        case .tuple, .list: throw ScriptError.notImplemented("\(signature.name): \(name) as a tuple of axes is not supported yet")
        default: return try v.int(name)
        }
    }

    /// Refuses whatever `**kwargs` collected: the real function takes it, Lectern does not.
    func refuseExtraKeywords() throws {
        if let first = extraKeywords.first {
            throw ScriptError.notImplemented("\(signature.name): \(first.name) is not supported yet")
        }
    }
}

extension NDArray {
    /// The array, or a 0-d result as its NumPy scalar, as NumPy's functions return them.
    var asResult: Value { shape.isEmpty ? scalarValue(storage[0]) : .object(self) }

    /// The same values with size-1 axes where a reduction removed `axis` (nil: every axis).
    func keepingDimensions(of source: NDArray, axis: Int?) -> NDArray {
        var kept = source.shape.map { _ in 1 }
        if let axis {
            kept = source.shape
            kept[axis < 0 ? axis + source.ndim : axis] = 1
        }
        return NDArray(shape: kept, storage: storage, dtype: dtype)
    }
}
