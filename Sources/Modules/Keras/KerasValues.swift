import Engine
import Script
import Tensor

/// A Keras regularizer (`l2(0.001)`) as the language sees it.
final class RegularizerObject: ScriptObject {
    let regularizer: Regularizer
    init(_ r: Regularizer) { regularizer = r }
    var typeName: String { "Regularizer" }
    static let methods = MethodTable<RegularizerObject>([
        Method("get_config", "") { r, _, _ in try KerasConfigs.dict(KerasConfigs.regularizerConfig(r.regularizer).1) },
    ])
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }
    func repr() -> String {
        regularizer.l1 > 0 && regularizer.l2 > 0 ? "<L1L2 l1=\(regularizer.l1) l2=\(regularizer.l2)>"
            : regularizer.l1 > 0 ? "<L1 l1=\(regularizer.l1)>" : "<L2 l2=\(regularizer.l2)>"
    }
}

/// A Keras weight constraint; calling it on data applies it, as `UnitNorm()(data)` does on the slides.
final class ConstraintObject: ScriptObject {
    let constraint: Constraint
    init(_ c: Constraint) { constraint = c }
    var typeName: String { "Constraint" }
    func repr() -> String { "<Constraint \(constraint)>" }
    static let methods = MethodTable<ConstraintObject>([
        Method("get_config", "") { c, _, _ in try KerasConfigs.dict(KerasConfigs.constraintConfig(c.constraint, axis: 0).1) },
    ])
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }
    static let callSignature = Signature("__call__", "w")
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try NDArray.coerce(try Self.callSignature.bind(args)["w"]).astype(.float32)
        var data = a.storage.map { Float($0) }
        let shape = a.shape.isEmpty ? [1] : a.shape
        data.withUnsafeMutableBufferPointer { buf in
            if let base = buf.baseAddress { constraint.apply(to: base, shape: shape) }
        }
        let out = NDArray(shape: a.shape, storage: data.map(Double.init), dtype: .float32)
        out.showsAsTensor = true
        return .object(out)
    }
}

/// A Keras initializer object (`RandomUniform(minval=0, maxval=1)`).
final class InitializerObject: ScriptObject {
    let initializer: Initializer
    let name: String
    let seed: Int?
    /// Calls so far: each call without a seed draws new values, as Keras' do, the same ones on every run.
    private var calls: UInt64 = 0
    init(_ i: Initializer, name: String, seed: Int? = nil) { initializer = i; self.name = name; self.seed = seed }
    private lazy var callSignature = Signature(name, "shape, dtype=None")
    var typeName: String { name }
    func repr() -> String { "<\(name)>" }
    /// Keras' config for the class; a seed the lesson gave replaces the described one.
    static let methods = MethodTable<InitializerObject>([
        Method("get_config", "") { i, _, _ in
            try KerasConfigs.dict(KerasConfigs.initializerConfig(i.initializer).1.map { $0.0 == "seed" ? ("seed", i.seed.map { .int($0) } ?? .none) : $0 })
        },
    ])
    var attributeNames: [String] { Self.methods.names }
    func attribute(_ name: String) throws -> Value? { Self.methods.bound(name, to: self) }

    /// `init(shape, dtype=None)`: a float32 tensor of values drawn as a layer's weights would be.
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        let a = try callSignature.bind(args)
        try TensorFlowOps.requireFloat32(name, a.optional("dtype"))
        let shape = try a["shape"].sequence("shape").map { try $0.int("shape") }
        _ = try Limits.elements(shape, bytesEach: 8)
        if seed == nil { calls += 1 }
        var random = RandomGenerator(seed: UInt64(truncatingIfNeeded: seed ?? 0) &+ calls &* 0x9E37_79B9_7F4A_7C15)
        let values = initializer.values(shape: shape, random: &random)
        let t = NDArray(shape: shape, storage: values.map(Double.init), dtype: .float32)
        t.showsAsTensor = true
        return .object(t)
    }
}

/// A learning-rate schedule object (`ExponentialDecay(...)`), usable as `learning_rate=`;
/// calling it with a step gives the rate at that step.
final class ScheduleObject: ScriptObject {
    let schedule: any LearningRateSchedule
    let name: String
    init(_ s: any LearningRateSchedule, name: String) { schedule = s; self.name = name }
    var typeName: String { "LearningRateSchedule" }
    var attributeNames: [String] { ["name"] }
    func attribute(_ attr: String) throws -> Value? { attr == "name" ? .string(name) : nil }
    static let callSignature = Signature("__call__", "step")
    func call(_ args: Arguments, _ context: CallContext) throws -> Value? {
        .float(schedule.rate(at: try Self.callSignature.bind(args)["step"].int("step")))
    }
}

/// A Keras callback built in (EarlyStopping, ...).
final class CallbackObject: ScriptObject {
    let callback: any Callback
    let name: String
    init(_ c: any Callback, name: String) { callback = c; self.name = name }
    var typeName: String { name }
    func repr() -> String { "<keras.callbacks.\(name)>" }
    func attribute(_ attr: String) throws -> Value? {
        if let es = callback as? EarlyStopping {
            switch attr {
            case "stopped_epoch": return .int(es.stoppedEpoch)
            case "best": return .float(es.best)
            default: break
            }
        }
        if let recorder = callback as? GradientRecorder { return try RecorderAccess.attribute(recorder, attr) }
        return nil
    }
    var attributeNames: [String] {
        if callback is GradientRecorder { return RecorderAccess.names }
        return callback is EarlyStopping ? ["stopped_epoch", "best"] : []
    }
}

/// Reads the keyword values the language passes as regularizer/constraint/initializer arguments.
enum KerasArguments {
    static func regularizer(_ v: Value?) throws -> Regularizer? {
        switch v {
        case nil: return nil
        case .object(let r as RegularizerObject)?: return r.regularizer
        case .string(let name)?: return try engineCall { try Regularizer.named(name) }
        case let other?: throw ScriptError.type("Could not interpret regularizer: \(other.shortDescription)")
        }
    }

    static func constraint(_ v: Value?) throws -> Constraint? {
        switch v {
        case nil: return nil
        case .object(let c as ConstraintObject)?: return c.constraint
        case .string(let name)?: return try engineCall { try Constraint.named(name) }
        case let other?: throw ScriptError.type("Could not interpret constraint: \(other.shortDescription)")
        }
    }

    static func initializer(_ v: Value?, default name: String) throws -> Initializer {
        switch v {
        case nil: return try engineCall { try Initializer.named(name) }
        case .object(let i as InitializerObject)?: return i.initializer
        case .string(let n)?: return try engineCall { try Initializer.named(n) }
        case let other?: throw ScriptError.type("Could not interpret initializer: \(other.shortDescription)")
        }
    }

    static func activation(_ v: Value?) throws -> String? {
        switch v {
        case nil: return nil
        case .string(let s)?: return s
        case .object(let f as BuiltinFunction)?: return f.name
        case let other?: throw ScriptError.type("Could not interpret activation function identifier: \(other.shortDescription)")
        }
    }
}
