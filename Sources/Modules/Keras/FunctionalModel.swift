import Engine
import Script
import Tensor

/// `model.input`, `model.output` and `layer.output`: a placeholder for the values at one
/// point of a Sequential model (-1 is the input), as Keras' KerasTensor is for a graph.
final class SymbolicTensor: ScriptObject {
    let model: ModelObject
    let layerIndex: Int

    init(model: ModelObject, layerIndex: Int) {
        self.model = model
        self.layerIndex = layerIndex
    }

    var typeName: String { "KerasTensor" }
    var shape: [Int] {
        layerIndex < 0 ? (model.model.inputShape ?? []) : model.model.layers[layerIndex].outputShape
    }
    func repr() -> String {
        let name = layerIndex < 0 ? "keras_tensor" : model.model.layers[layerIndex].name
        return "<KerasTensor shape=\(NDArray.shapeText([-1] + shape).replacingOccurrences(of: "-1", with: "None")), dtype=float32, sparse=False, name=\(name)>"
    }
    var attributeNames: [String] { ["shape", "dtype"] }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "shape": return .tuple([.none] + shape.map { .int($0) })
        case "dtype": return .string("float32")
        default: return nil
        }
    }
}

/// Keras' functional `Model(inputs=model.input, outputs=[layer.output, ...])` over an existing
/// Sequential model: it shares that model's layers and weights, and `predict` returns the
/// chosen layers' activations (inference mode), as the decks use it to look inside a network.
final class FunctionalModelObject: ScriptObject {
    let source: ModelObject
    let outputs: [Int]
    let returnsList: Bool

    let name: String

    init(source: ModelObject, outputs: [Int], returnsList: Bool, name: String) {
        self.source = source
        self.outputs = outputs
        self.returnsList = returnsList
        self.name = name
    }

    /// Keras' `Model(inputs, outputs, name=None)`, as the functional API takes it.
    static let signature = Signature("Model", "inputs, outputs, name=None, !trainable=True")

    static func make(_ a: BoundArguments) throws -> Value {
        func tensors(_ v: Value, _ what: String) throws -> ([SymbolicTensor], Bool) {
            if case .object(let t as SymbolicTensor) = v { return ([t], false) }
            let items = try v.sequence(what)
            return (try items.map { item in
                guard case .object(let t as SymbolicTensor) = item else {
                    throw ScriptError.type("Model(\(what)=...) expects outputs of a model's layers (model.input, layer.output). Received: \(item.shortDescription)")
                }
                return t
            }, true)
        }
        let (ins, _) = try tensors(a["inputs"], "inputs")
        let (outs, isList) = try tensors(a["outputs"], "outputs")
        guard ins.count == 1, ins[0].layerIndex == -1 else {
            throw ScriptError.notImplemented("Model(inputs=...) supports the input of an existing Sequential model (model.input)")
        }
        guard !outs.isEmpty, outs.allSatisfy({ $0.model === ins[0].model }) else {
            throw ScriptError.value("Model(outputs=...) must name layers of the same model as inputs=")
        }
        guard outs.allSatisfy({ $0.layerIndex >= 0 }) else {
            throw ScriptError.notImplemented("Model(outputs=model.input) is the identity; name a layer's output")
        }
        let name = try a.optional("name")?.string("name") ?? "functional"
        return .object(FunctionalModelObject(source: ins[0].model, outputs: outs.map(\.layerIndex), returnsList: isList, name: name))
    }

    var typeName: String { "Functional" }
    func repr() -> String { "<Functional name=\(name), outputs=\(outputs.count)>" }

    /// Its methods: `predict`, as Keras declares it (the activations, in inference mode).
    static let methods = MethodTable<FunctionalModelObject>([
        Method("predict", ModelObject.predictDeclaration) { f, a, _ in
            _ = try ModelObject.verbosity(a["verbose"])
            return try f.run(a["x"], batchSize: try a.optional("batch_size")?.int("batch_size") ?? 32)
        },
    ])
    var attributeNames: [String] { Self.methods.names + ["layers", "outputs", "inputs", "name"] }

    func attribute(_ name: String) throws -> Value? {
        if let m = Self.methods.bound(name, to: self) { return m }
        switch name {
        case "layers":
            let deepest = outputs.max() ?? -1
            return .list(ListStorage(source.layerObjects.prefix(deepest + 1).map { .object($0) }))
        case "outputs": return .list(ListStorage(outputs.map { .object(SymbolicTensor(model: source, layerIndex: $0)) }))
        case "inputs": return .list(ListStorage([.object(SymbolicTensor(model: source, layerIndex: -1))]))
        case "name": return .string(self.name)
        default: return nil
        }
    }

    static let callSignature = Signature("Functional", "inputs, training=None, !mask=None")

    /// `functional_model(x)` returns the same as predict, as a tensor would; the layers run in
    /// inference mode, so `training=True` is refused.
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try Self.callSignature.bind(args)
        if try a.optional("training")?.bool("training") == true {
            throw ScriptError.notImplemented("Functional: training=True is not supported yet")
        }
        return try run(a["inputs"], batchSize: 32)
    }

    private func run(_ xv: Value, batchSize: Int) throws -> Value {
        let x = try NDArray.coerce(xv).tensor()
        let results = try source.session.timed { try engineCall { try source.model.layerOutputs(x, indices: outputs, batchSize: batchSize) } }
        let arrays = results.map { Value.object(NDArray(tensor: $0)) }
        return returnsList ? .list(ListStorage(arrays)) : arrays[0]
    }
}
