import Script

/// The named tuples NumPy's linalg returns (`EighResult(eigenvalues, eigenvectors)`,
/// `SVDResult(U, S, Vh)`, ...): unpackable and indexable like a tuple, with the fields
/// also readable by name.
final class LinalgResult: ScriptObject {
    let name: String
    let fields: [(String, Value)]

    init(_ name: String, _ fields: [(String, Value)]) {
        self.name = name
        self.fields = fields
    }

    var typeName: String { name }

    func attribute(_ attribute: String) throws -> Value? {
        fields.first { $0.0 == attribute }?.1
    }

    var attributeNames: [String] { fields.map(\.0) }

    func getItem(_ key: Value) throws -> Value? {
        guard case .int(let i) = key else { throw ScriptError.type("tuple indices must be integers") }
        let index = i < 0 ? i + fields.count : i
        guard index >= 0, index < fields.count else { throw ScriptError(kind: "IndexError", message: "tuple index out of range") }
        return fields[index].1
    }

    func iterate() throws -> [Value]? { fields.map(\.1) }
    func length() throws -> Int? { fields.count }

    func repr() -> String {
        let parts = fields.map { field -> String in
            if case .object(let o) = field.1 { return "\(field.0)=\(o.repr())" }
            return "\(field.0)=\(field.1)"
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}
