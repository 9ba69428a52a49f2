extension Tensor {
    /// The same values under a new shape with as many elements; one axis may be -1 (inferred).
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let known = newShape.filter { $0 != -1 }.reduce(1, *)
        var resolved = newShape
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        if inferred.count > 1 || newShape.contains(where: { $0 < -1 }) {
            throw TensorError("can only specify one unknown dimension and no other negative sizes. Received: shape=\(newShape)")
        }
        if let axis = inferred.first {
            guard known > 0, count % known == 0 else {
                throw TensorError("cannot reshape array of size \(count) into shape \(newShape)")
            }
            resolved[axis] = count / known
        }
        guard Tensor.elementCount(of: resolved) == count else {
            throw TensorError("cannot reshape array of size \(count) into shape \(newShape)")
        }
        return Tensor(shape: resolved, data: data)
    }

    /// The transpose of a 2-D tensor (rows become columns).
    public func transposed() throws -> Tensor {
        guard shape.count == 2 else {
            throw TensorError("transposed() expects a 2-D tensor. Received: shape=\(shape)")
        }
        let (r, c) = (shape[0], shape[1])
        var result = Tensor(zeros: [c, r])
        for i in 0..<r {
            for j in 0..<c { result.data[j * r + i] = data[i * c + j] }
        }
        return result
    }

    /// The matrix product of two 2-D tensors through BLAS.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard shape.count == 2, other.shape.count == 2, shape[1] == other.shape[0] else {
            throw TensorError("matmul: Input operand 1 has a mismatch in its core dimension 0 (size \(other.shape.first ?? 0) is different from \(shape.last ?? 0)). Received shapes \(shape) and \(other.shape)")
        }
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        var result = Tensor(zeros: [m, n])
        guard m > 0, n > 0, k > 0 else { return result }
        data.withUnsafeBufferPointer { a in
            other.data.withUnsafeBufferPointer { b in
                result.data.withUnsafeMutableBufferPointer { c in
                    guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                    BLAS.sgemm(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n, beta: 0, c: c, ldc: n)
                }
            }
        }
        return result
    }
}
