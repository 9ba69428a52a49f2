import Foundation
import Engine
import Script
import Tensor

/// `keras.models`, `keras.utils`, `keras.backend` and `keras.Input`, each function declared once
/// as its Keras 3 signature (Keras 2's spellings where Lectern still takes them).
extension KerasModule {
    static func models(session: LessonSession) -> ModuleObject {
        module("keras.models", [
            declared("load_model", "filepath, !custom_objects=None, compile=True, !safe_mode=True") { a, _ in
                let path = try a["filepath"].string("filepath")
                let url = try session.scratchPath(path)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw ScriptError(kind: "FileNotFoundError", message: "No file or directory found at \(path)")
                }
                var file = try engineCall { try ModelFile.decode(data, path: path) }
                // compile=False: the architecture and weights only, as Keras loads them.
                if try !a["compile"].bool("compile") { file.compiled = nil }
                return .object(try ModelObject.restore(file, session: session))
            },
            ("Model", .object(BuiltinFunction(FunctionalModelObject.signature) { a, _ in try FunctionalModelObject.make(a) })),
            declared("clone_model", """
                model, !input_tensors=None, !clone_function=None, !call_function=None, !recursive=False, **kwargs
                """) { a, _ in
                if !a.extraKeywords.isEmpty {
                    let names = a.extraKeywords.map { "'\($0.name)'" }
                    throw ScriptError.value("Unexpected keyword argument(s): (\(names.joined(separator: ", "))\(names.count == 1 ? "," : ""))")
                }
                guard case .object(let source as ModelObject) = a["model"] else {
                    throw ScriptError.type("clone_model expects a Sequential model. Received: \(a["model"].shortDescription)")
                }
                return .object(try source.cloned())
            },
            declared("Sequential", "layers=None, trainable=True, name=None") { a, ctx in
                let model = ModelObject(Sequential(name: try a.optional("name")?.string("name"), seed: session.nextModelSeed()), session: session)
                if let layers = a.optional("layers") {
                    for l in try layers.sequence("layers") { try model.add(l) }
                    try model.applyCustomInitializers(ctx)
                }
                if try !a["trainable"].bool("trainable") { _ = try model.setAttribute("trainable", .bool(false)) }
                return .object(model)
            },
        ])
    }

    static func utils(session: LessonSession) -> ModuleObject {
        module("keras.utils", [
            // Keras 2 named the labels `y` and took the result's dtype (float32 then); Keras 3's
            // result is float64.
            declared("to_categorical", "x, num_classes=None, *, dtype=None", aliases: ["y": "x"]) { a, _ in
                let labels = try NDArray.coerce(a["x"]).storage.map { NDArray.int($0) }
                let t = try engineCall { try Preprocessing.toCategorical(labels, numClasses: try a.optional("num_classes")?.int("num_classes")) }
                let result = NDArray(tensor: t, dtype: .float64)
                guard let dtype = a.optional("dtype") else { return .object(result) }
                return .object(result.astype(try NDArray.DType.parse(dtype)))
            },
            declared("set_random_seed", "seed") { a, _ in
                session.reseed(UInt64(truncatingIfNeeded: try a["seed"].int("seed")))
                return .none
            },
        ])
    }

    static func backend(session: LessonSession) -> ModuleObject {
        module("keras.backend", [
            declared("clear_session", "!free_memory=True") { _, _ in AutoName.reset(); return .none },
            declared("get_value", "x") { a, _ in
                if case .object(let variable as LearningRateVariable) = a["x"] { return .float(variable.value) }
                return a["x"]
            },
            // K.set_value(model.optimizer.lr, 0.001): the optimizer's learning rate is the variable
            // lessons set; other values are plain numbers in this engine and cannot be assigned.
            declared("set_value", "x, value") { a, _ in
                guard case .object(let variable as LearningRateVariable) = a["x"] else {
                    throw ScriptError.notImplemented("set_value supports the optimizer's learning rate (model.optimizer.lr / learning_rate)")
                }
                variable.optimizer.learningRate = try a["value"].double("value")
                return .none
            },
        ])
    }
}
