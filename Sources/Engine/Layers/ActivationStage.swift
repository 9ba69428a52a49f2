/// What follows the affine product in `Dense` and `Conv2D`: the activation over each row of
/// channels (Keras' axis -1) and the activity regularizer on the outputs, with their backward
/// passes. The product writes the pre-activations into `z`; the buffers are sized once.
final class ActivationStage {
    let activation: Activation
    let regularizer: Regularizer?
    /// The pre-activations, written by the layer's product.
    let z = FloatBuffer()
    private let a = FloatBuffer()
    private let dz = FloatBuffer()
    private let dOutput = FloatBuffer()
    private var lastOutput: UnsafePointer<Float>?
    /// The activity penalty of the last forward batch (0 without a regularizer).
    private(set) var penalty: Double = 0

    init(_ activation: Activation, regularizer: Regularizer?) {
        self.activation = activation
        self.regularizer = regularizer
    }

    func reserve(rows: Int, cols: Int) {
        for buffer in [z, a, dz] { buffer.reserve(rows * cols) }
        if regularizer != nil { dOutput.reserve(rows * cols) }
    }

    /// The outputs for the `rows` × `cols` pre-activations in `z`.
    func forward(rows: Int, cols: Int) -> UnsafePointer<Float> {
        let output: UnsafePointer<Float>
        if activation == .linear {
            output = z.readOnly
        } else {
            activation.forward(z.readOnly, a.pointer, rows: rows, cols: cols)
            output = a.readOnly
        }
        lastOutput = output
        if let regularizer { penalty = regularizer.penalty(output, count: rows * cols) }
        return output
    }

    /// dLoss/dz from dLoss/dOutput, the activity penalty's own gradient joining the one from above.
    func backward(_ gradOutput: UnsafePointer<Float>, rows: Int, cols: Int) -> UnsafePointer<Float> {
        var gradOutput = gradOutput
        if let regularizer, let output = lastOutput {
            dOutput.pointer.update(from: gradOutput, count: rows * cols)
            regularizer.addGradient(output, to: dOutput.pointer, count: rows * cols)
            gradOutput = dOutput.readOnly
        }
        // dz = dL/da ⊙ f'(z)
        if activation == .linear { return gradOutput }
        activation.backward(z: z.readOnly, a: a.readOnly, da: gradOutput, dz: dz.pointer, rows: rows, cols: cols)
        return dz.readOnly
    }
}
