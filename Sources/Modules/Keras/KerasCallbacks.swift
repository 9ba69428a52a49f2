import Engine
import Script

/// `keras.callbacks`: each built-in callback declared once, as its Keras 3 signature and how to
/// build it (Keras' `TypeError` for an unknown keyword, `NotImplementedError` for one Lectern
/// does not implement). `Callback` is the base class lessons subclass.
enum KerasCallbacks {
    struct Entry: Sendable {
        let signature: Signature
        let make: @Sendable (BoundArguments, LessonSession, CallContext) throws -> any Callback
    }

    static let entries: [Entry] = [
        Entry(signature: Signature("EarlyStopping", """
            monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto', baseline=None,
            restore_best_weights=False, start_from_epoch=0
            """)) { a, _, _ in
            try EarlyStopping(monitor: try a["monitor"].string("monitor"), minDelta: try a["min_delta"].double("min_delta"),
                              patience: try a["patience"].int("patience"), verbose: try a["verbose"].int("verbose"),
                              mode: try a["mode"].string("mode"), baseline: try a.optional("baseline")?.double("baseline"),
                              restoreBestWeights: try a["restore_best_weights"].bool("restore_best_weights"),
                              startFromEpoch: try a["start_from_epoch"].int("start_from_epoch"))
        },
        Entry(signature: Signature("ReduceLROnPlateau", """
            monitor='val_loss', factor=0.1, patience=10, verbose=0, mode='auto', min_delta=0.0001, cooldown=0, min_lr=0.0,
            *, epsilon=None
            """)) { a, _, _ in
            // Keras 2 called min_delta `epsilon`.
            let delta = try a.optional("epsilon")?.double("epsilon") ?? a["min_delta"].double("min_delta")
            return try ReduceLROnPlateau(monitor: try a["monitor"].string("monitor"), factor: try a["factor"].double("factor"),
                                         patience: try a["patience"].int("patience"), verbose: try a["verbose"].int("verbose"),
                                         mode: try a["mode"].string("mode"), minDelta: delta,
                                         cooldown: try a["cooldown"].int("cooldown"), minLR: try a["min_lr"].double("min_lr"))
        },
        Entry(signature: Signature("ModelCheckpoint", """
            filepath, monitor='val_loss', verbose=0, save_best_only=False, !save_weights_only=False, mode='auto',
            !save_freq='epoch', !initial_value_threshold=None, *, period=1
            """)) { a, session, _ in
            let path = try a["filepath"].string("filepath")
            _ = try session.scratchPath(path)
            guard try a["period"].int("period") == 1 else { throw ScriptError.notImplemented("ModelCheckpoint: period is not supported yet") }
            let monitor = try a["monitor"].string("monitor")
            let modeName = try a["mode"].string("mode")
            guard ["auto", "min", "max"].contains(modeName) else {
                throw ScriptError.value("ModelCheckpoint mode '\(modeName)' is unknown; use 'auto', 'min' or 'max'")
            }
            return ModelCheckpoint(path: path, monitor: monitor, verbose: try a["verbose"].int("verbose"),
                                   saveBestOnly: try a["save_best_only"].bool("save_best_only"),
                                   maximize: modeName == "max" || (modeName == "auto" && (monitor.contains("acc") || monitor.hasPrefix("fmeasure"))),
                                   session: session)
        },
        Entry(signature: Signature("LearningRateScheduler", "schedule, verbose=0")) { a, _, context in
            let f = a["schedule"]
            return LearningRateScheduler(verbose: try a["verbose"].int("verbose")) { epoch, lr in
                try context.call(f, Arguments([.int(epoch), .float(lr)])).double("schedule")
            }
        },
        Entry(signature: Signature("TerminateOnNaN", "!raise_error=False")) { _, _, _ in TerminateOnNaN() },
        // No event files are written: the histograms stay in memory (see GradientRecorder), so a
        // lesson reads them with .histogram(...) / .series(...) and plots them. The options that
        // only shape the files therefore change nothing.
        Entry(signature: Signature("TensorBoard", """
            log_dir='logs', histogram_freq=0, write_graph=True, write_images=False, write_steps_per_second=False,
            update_freq='epoch', profile_batch=0, embeddings_freq=0, embeddings_metadata=None, *, write_grads=False, bins=30
            """)) { a, session, _ in
            _ = try session.scratchPath(try a["log_dir"].string("log_dir"))
            return try GradientRecorder(frequency: max(try a["histogram_freq"].int("histogram_freq"), 1), bins: try a["bins"].int("bins"))
        },
        Entry(signature: Signature("GradientRecorder", "histogram_freq=1, bins=30")) { a, _, _ in
            try GradientRecorder(frequency: try a["histogram_freq"].int("histogram_freq"), bins: try a["bins"].int("bins"))
        },
    ]

    static func module(session: LessonSession) -> ModuleObject {
        let members: [(String, Value)] = entries.map { entry in
            let name = entry.signature.name
            return (name, .object(BuiltinFunction(entry.signature) { bound, context in
                return .object(CallbackObject(try engineCall { try entry.make(bound, session, context) }, name: name))
            }))
        }
        return Modules.module("keras.callbacks", members + [("Callback", .object(session.callbackBase))])
    }
}
