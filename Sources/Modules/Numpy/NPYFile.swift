import Foundation
import Script

/// NumPy's `.npy` format, read: the magic `\x93NUMPY`, a version, a header length (2 bytes in
/// version 1, 4 in versions 2 and 3), a header that is a Python dict literal giving `descr`,
/// `fortran_order` and `shape`, then the elements. Anything else is a ValueError naming the file.
enum NPYFile {
    static func parse(_ bytes: [UInt8], name: String) throws -> NDArray {
        func bad(_ why: String) -> ScriptError {
            ScriptError.value("\(StringArray.quote(name)) is not a .npy file np.load can read here: \(why)")
        }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ScriptError.notImplemented("np.load reads .npy files; \(StringArray.quote(name)) is a .npz archive")
        }
        guard bytes.count >= 10, bytes.starts(with: magic) else { throw bad("it does not start with NumPy's magic string") }
        let major = bytes[6]
        let lengthBytes: Int
        switch major {
        case 1: lengthBytes = 2
        case 2, 3: lengthBytes = 4
        default: throw bad("format version \(major).\(bytes[7]) is unknown")
        }
        guard bytes.count >= 8 + lengthBytes else { throw bad("the header is cut short") }
        var headerLength = 0
        for i in (0..<lengthBytes).reversed() { headerLength = headerLength << 8 | Int(bytes[8 + i]) }
        let dataStart = 8 + lengthBytes + headerLength
        guard dataStart <= bytes.count, let header = String(bytes: bytes[(8 + lengthBytes)..<dataStart], encoding: major == 3 ? .utf8 : .isoLatin1) else {
            throw bad("the header is cut short")
        }
        let fields = try headerFields(header, bad: bad)
        let (dtype, width) = try elementType(fields.descr, bad: bad)
        let count = try Limits.elements(fields.shape, bytesEach: 8)
        let (needed, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, bytes.count - dataStart >= needed else {
            throw bad("it holds \(bytes.count - dataStart) bytes of data, the shape \(NDArray.shapeText(fields.shape)) needs \(needed)")
        }
        var values = [Double](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                let at = dataStart + i * width
                switch fields.descr {
                case "<f8": values[i] = Double(bitPattern: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndianValue)
                case "<f4": values[i] = Double(Float(bitPattern: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndianValue))
                case "<i8": values[i] = Double(Int64(bitPattern: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndianValue))
                default: values[i] = raw[at] != 0 ? 1 : 0
                }
            }
        }
        let array = NDArray(shape: fields.shape, storage: values, dtype: dtype)
        guard fields.fortranOrder, fields.shape.count > 1 else { return array }
        // Column-major: the elements are those of the transposed shape, in C order.
        return try NDArray(shape: fields.shape.reversed(), storage: values, dtype: dtype).transposed()
    }

    static func elementType(_ descr: String, bad: (String) -> ScriptError) throws -> (NDArray.DType, Int) {
        switch descr {
        case "<f8": return (.float64, 8)
        case "<f4": return (.float32, 4)
        case "<i8": return (.int64, 8)
        case "|b1": return (.bool, 1)
        case "|O": throw ScriptError.value("Object arrays cannot be loaded when allow_pickle=False")
        default: throw bad("its elements are '\(descr)'; Lectern reads little-endian float64 ('<f8'), float32 ('<f4'), int64 ('<i8') and bool ('|b1')")
        }
    }

    /// `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`, read strictly.
    static func headerFields(_ header: String, bad: (String) -> ScriptError) throws -> (descr: String, fortranOrder: Bool, shape: [Int]) {
        func value(after key: String) throws -> Substring {
            guard let r = header.range(of: "'\(key)':") else { throw bad("the header has no '\(key)'") }
            return header[r.upperBound...].drop(while: { $0 == " " })
        }
        let descrText = try value(after: "descr")
        guard descrText.first == "'", let close = descrText.dropFirst().firstIndex(of: "'") else { throw bad("'descr' is not a simple type") }
        let descr = String(descrText[descrText.index(after: descrText.startIndex)..<close])
        let fortran = try value(after: "fortran_order")
        guard fortran.hasPrefix("True") || fortran.hasPrefix("False") else { throw bad("'fortran_order' is not True or False") }
        let shapeText = try value(after: "shape")
        guard shapeText.first == "(", let end = shapeText.firstIndex(of: ")") else { throw bad("'shape' is not a tuple") }
        var shape: [Int] = []
        for part in shapeText[shapeText.index(after: shapeText.startIndex)..<end].split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let d = Int(trimmed), d >= 0 else { throw bad("'shape' has \(StringArray.quote(trimmed))") }
            shape.append(d)
        }
        return (descr, fortran.hasPrefix("True"), shape)
    }
}

private extension UInt64 {
    var littleEndianValue: UInt64 { UInt64(littleEndian: self) }
}

private extension UInt32 {
    var littleEndianValue: UInt32 { UInt32(littleEndian: self) }
}
