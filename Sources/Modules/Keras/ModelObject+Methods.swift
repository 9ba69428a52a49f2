import Engine
import Script
import Tensor

/// The methods of a Keras model, each declared once as its Keras 3 signature: `attribute` finds
/// them here, `attributeNames` lists them from here, and the coverage test reads them as
/// `keras.Model.*` and `keras.Sequential.*`. A parameter Lectern does not implement is marked `!`
/// and refused by name when given; none is dropped.
extension ModelObject {
    static let predictDeclaration = "x, batch_size=None, verbose='auto', !steps=None, !callbacks=None"

    /// What every Keras model has (Lectern's functional models are views of a Sequential one).
    static let modelMethods = MethodTable<ModelObject>([
        Method("compile", """
            optimizer='rmsprop', loss=None, !loss_weights=None, metrics=None, !weighted_metrics=None, run_eagerly=False,
            !steps_per_execution=1, jit_compile='auto', auto_scale_loss=True
            """) { m, a, ctx in
            // Lectern always runs eagerly in float32: run_eagerly, jit_compile and auto_scale_loss
            // choose nothing here, but they must still be what Keras accepts.
            _ = try a["run_eagerly"].bool("run_eagerly")
            _ = try a["auto_scale_loss"].bool("auto_scale_loss")
            if case .string(let mode) = a["jit_compile"], mode != "auto" {
                throw ScriptError.value("jit_compile must be True, False or 'auto'. Received: jit_compile='\(mode)'")
            } else if case .string = a["jit_compile"] {} else { _ = try a["jit_compile"].bool("jit_compile") }
            try m.compile(optimizer: a["optimizer"], loss: a.optional("loss"), metrics: a.optional("metrics"), ctx)
            return .none
        },
        Method("fit", fitDeclaration) { m, a, ctx in try m.fit(a, ctx) },
        Method("evaluate", """
            x=None, y=None, batch_size=None, verbose='auto', !sample_weight=None, !steps=None, !callbacks=None,
            return_dict=False, **kwargs
            """) { m, a, ctx in try m.evaluate(a, ctx) },
        Method("predict", predictDeclaration) { m, a, ctx in
            let x = try NDArray.coerce(a["x"]).tensor()
            try m.buildForCustomInitializers(x, ctx)
            let batchSize = try a.optional("batch_size")?.int("batch_size") ?? 32
            // Any verbosity prints nothing: Lectern's predict shows no progress bar.
            _ = try verbosity(a["verbose"])
            let out = try m.interruptible(ctx) { try m.model.predict(x, batchSize: batchSize) }
            return .object(NDArray(tensor: out))
        },
        Method("summary", """
            !line_length=None, !positions=None, !print_fn=None, !expand_nested=False, !show_trainable=False, !layer_range=None
            """) { m, _, ctx in
            ctx.write(m.model.summary() + "\n")
            return .none
        },
        Method("count_params", "") { m, _, _ in .int(m.model.countParams()) },
        Method("get_weights", "") { m, _, _ in
            .list(ListStorage(m.model.layers.flatMap { $0.allParameters }.map { p in
                .object(NDArray(shape: p.shape, storage: p.values.map(Double.init), dtype: .float32))
            }))
        },
        Method("set_weights", "weights") { m, a, _ in
            let arrays = try a["weights"].sequence("weights").map { try NDArray.coerce($0).storage.map { Float($0) } }
            try engineCall { try m.model.setWeights(arrays) }
            return .none
        },
        Method("get_layer", "name=None, index=None") { m, a, _ in try m.layer(name: a.optional("name"), index: a.optional("index")) },
        Method("save", "filepath, !overwrite=True, !zipped=None, **kwargs") { m, a, ctx in
            try checkSaveOptions(a, ctx)
            try m.save(try a["filepath"].string("filepath"))
            return .none
        },
        Method("train_on_batch", "x, y=None, sample_weight=None, class_weight=None, return_dict=False") { m, a, ctx in
            try m.trainOnBatch(a, ctx)
        },
        Method("test_on_batch", "x, y=None, !sample_weight=None, return_dict=False") { m, a, ctx in try m.testOnBatch(a, ctx) },
        Method("predict_on_batch", "x") { m, a, ctx in
            try m.call("predict", [a["x"]], ["batch_size": .int(max(try m.rows(a["x"]), 1)), "verbose": .int(0)], ctx)
        },
        // Keras 2's name for fitting from a generator; `fit` takes generators itself now. The
        // loading options choose threads and queues, which change nothing in the batches drawn.
        Method("fit_generator", """
            generator, steps_per_epoch=None, epochs=1, verbose=1, callbacks=None, validation_data=None, validation_steps=None,
            validation_freq=1, class_weight=None, max_queue_size=10, workers=1, use_multiprocessing=False, shuffle=True,
            initial_epoch=0
            """) { m, a, ctx in
            _ = try a["max_queue_size"].int("max_queue_size")
            _ = try a["workers"].int("workers")
            _ = try a["use_multiprocessing"].bool("use_multiprocessing")
            let passed = ["steps_per_epoch", "epochs", "verbose", "callbacks", "validation_data", "validation_steps", "validation_freq",
                          "class_weight", "shuffle", "initial_epoch"]
            return try m.call("fit", [a["generator"]], Dictionary(uniqueKeysWithValues: passed.map { ($0, a[$0]) }), ctx)
        },
    ])

    /// Sequential's own methods, after the model's, and Keras 2's predictions (removed in 2.6).
    static let methods = MethodTable<ModelObject>(modelMethods, MethodTable([
        Method("add", "layer, !rebuild=True") { m, a, ctx in
            try m.add(a["layer"])
            try m.applyCustomInitializers(ctx)
            return .none
        },
        Method("pop", "!rebuild=True") { m, _, _ in try m.pop() },
        Method("predict_classes", "x, batch_size=32, verbose=0") { m, a, ctx in
            try m.keras2Prediction(classes: true, a, ctx)
        },
        Method("predict_proba", "x, batch_size=32, verbose=0") { m, a, ctx in
            try m.keras2Prediction(classes: false, a, ctx)
        },
    ]))

    /// Calls another of the model's methods, its arguments bound by its own signature.
    func call(_ name: String, _ positional: [Value], _ keywords: [String: Value], _ ctx: CallContext) throws -> Value {
        guard let method = Self.methods.methods[name] else { throw ScriptError.attribute("'Sequential' object has no attribute '\(name)'") }
        let arguments = Arguments(positional, keywords: keywords.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        return try method.body(self, try method.signature.bind(arguments), ctx)
    }

    func rows(_ x: Value) throws -> Int { try NDArray.coerce(x).shape.first ?? 0 }

    /// Keras' `get_layer(name=None, index=None)`: by name, or by position in `model.layers`.
    func layer(name: Value?, index: Value?) throws -> Value {
        switch (name, index) {
        case (nil, let i?):
            let position = try i.int("index")
            guard position < layerObjects.count else {
                throw ScriptError.value("Was asked to retrieve layer at index \(position) but model only has \(layerObjects.count) layers.")
            }
            guard position >= -layerObjects.count else { throw ScriptError.index("list index out of range") }
            return .object(layerObjects[position < 0 ? layerObjects.count + position : position])
        case (let n?, nil):
            let wanted = try n.string("name")
            if let found = layerObjects.first(where: { $0.layer.name == wanted }) { return .object(found) }
            let names = layerObjects.map { "'\($0.layer.name)'" }.joined(separator: ", ")
            throw ScriptError.value("No such layer: \(wanted). Existing layers are: [\(names)].")
        case (nil, nil):
            throw ScriptError.value("Provide either a layer name or layer index at `get_layer`.")
        case (let n?, let i?):
            throw ScriptError.value("Provide only a layer name or a layer index. Received: index=\(i.shortDescription), name=\(n.shortDescription).")
        }
    }

    /// `save`'s keyword arguments beyond Keras 3's: Keras 2's `save_format` (Lectern writes its
    /// own format whatever the name) and `include_optimizer=True`; anything else is Keras' error.
    static func checkSaveOptions(_ a: BoundArguments, _ ctx: CallContext) throws {
        var unknown: [String] = []
        for (name, value) in a.extraKeywords {
            switch name {
            case "save_format":
                let format = try value.string("save_format")
                guard ["h5", "tf", "keras"].contains(format) else {
                    throw ScriptError.value("Unknown format. Received: save_format='\(format)'. Expected 'keras', 'h5' or 'tf'")
                }
            case "include_optimizer":
                if try !value.bool(name) { throw ScriptError.notImplemented("save: include_optimizer is not supported yet") }
            default: unknown.append("'\(name)'")
            }
        }
        guard unknown.isEmpty else {
            throw ScriptError.value("The following argument(s) are not supported with the native Keras format: [\(unknown.joined(separator: ", "))]")
        }
    }
}
