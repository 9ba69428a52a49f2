import Foundation
import XCTest
import Modules
import Script

/// The Keras model's methods and the `keras.*` functions bound through their declared
/// signatures: unknown keywords raise what Keras raises, arguments Lectern does not implement are
/// refused by name, and the ones that used to be dropped are now honoured.
final class KerasModelMethodTableTests: XCTestCase {
    func run(_ source: String, scratch: URL? = nil) throws -> String {
        try lessonOutput(source, file: "m.md", scratch: scratch)
    }

    /// What running `source` raises, as the lesson would show it ("no error" when nothing).
    func error(_ source: String) -> String {
        if case .failure(let raised) = Result(catching: { try run(source) }) { return "\(raised)" }
        return "no error"
    }

    static let model = """
        import numpy as np
        from tensorflow import keras
        X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] * 4)
        y = np.array([0, 1, 1, 0] * 4)
        model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(4, activation='relu', name='hidden'),
                                  keras.layers.Dense(1, activation='sigmoid', name='out')])
        model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])

        """

    func testUnknownKeywordsRaiseKerasErrors() {
        XCTAssertTrue(error(Self.model + "model.fit(X, y, foo=1)").contains("TypeError: fit() got an unexpected keyword argument 'foo'"))
        XCTAssertTrue(error(Self.model + "model.fit(X, y, epoch=2)").contains("did you mean 'epochs'?"))
        XCTAssertTrue(error(Self.model + "model.evaluate(X, y, foo=1)").contains("ValueError: Arguments not recognized: {'foo': 1}"))
        XCTAssertTrue(error(Self.model + "model.predict(X, 4, 0, None, None, 5)")
            .contains("TypeError: predict() takes 5 positional arguments but 6 were given"))
        XCTAssertTrue(error(Self.model + "model.save('m.keras', foo=1)")
            .contains("ValueError: The following argument(s) are not supported with the native Keras format: ['foo']"))
        XCTAssertTrue(error("from keras.models import clone_model\nclone_model(None, cache={})")
            .contains("ValueError: Unexpected keyword argument(s): ('cache',)"))
    }

    func testArgumentsLecternDoesNotImplementAreRefusedByName() {
        let refused = [
            ("model.fit(X, y, validation_freq=2, verbose=0)", "fit: validation_freq is not supported yet"),
            ("model.summary(print_fn=print)", "summary: print_fn is not supported yet"),
            ("model.evaluate(X, y, sample_weight=np.ones(16))", "evaluate: sample_weight is not supported yet"),
            ("model.compile(loss='mse', steps_per_execution=4)", "compile: steps_per_execution is not supported yet"),
            ("model.pop(rebuild=False)", "pop: rebuild is not supported yet"),
            ("keras.Input(shape=(2,), batch_size=8)", "Input: batch_size is not supported yet"),
            ("keras.optimizers.schedules.CosineDecay(0.1, 10, warmup_steps=5)", "CosineDecay: warmup_steps is not supported yet"),
            ("keras.backend.clear_session(free_memory=False)", "clear_session: free_memory is not supported yet"),
            ("keras.metrics.TopKCategoricalAccuracy(dtype='float64')", "TopKCategoricalAccuracy: dtype is not supported yet"),
            ("keras.preprocessing.image.ImageDataGenerator(zca_whitening=True)", "ImageDataGenerator: zca_whitening is not supported yet"),
            ("keras.preprocessing.image.ImageDataGenerator().flow(np.zeros((2, 4, 4, 1)), save_to_dir='out')",
             "flow: save_to_dir is not supported yet"),
        ]
        for (call, message) in refused {
            XCTAssertTrue(error(Self.model + call).contains("NotImplementedError: \(message)"), call + ": " + error(Self.model + call))
        }
    }

    func testClassAndSampleWeightsAndInitialEpochAreHonoured() throws {
        let out = try run(Self.model + """
        w0 = model.get_weights()
        def trained(**options):
            model.set_weights(w0)
            h = model.fit(X, y, epochs=1, batch_size=16, verbose=0, shuffle=False, **options)
            return h.history['loss'][-1], h.epoch
        plain, epochs = trained()
        weighted, _ = trained(class_weight={0: 1.0, 1: 3.0})
        sampled, _ = trained(sample_weight=np.array([2.0] * 16))
        print(plain != weighted, abs(sampled - 2 * plain) < 1e-5, epochs)
        print(model.fit(X, y, epochs=3, initial_epoch=2, verbose=0).epoch)
        """)
        XCTAssertEqual(out, "True True [0]\n[2]\n")
    }

    func testReturnDictAndGetLayer() throws {
        let out = try run(Self.model + """
        r = model.evaluate(X, y, verbose=0, return_dict=True)
        print(sorted(r.keys()), r['loss'] == model.evaluate(X, y, verbose=0)[0])
        print(sorted(model.train_on_batch(X, y, return_dict=True).keys()))
        print(model.get_layer('out').name, model.get_layer(index=0).name, model.get_layer(index=-1).name)
        """)
        XCTAssertEqual(out, "['accuracy', 'loss'] True\n['accuracy', 'loss']\nout hidden out\n")
        XCTAssertTrue(error(Self.model + "model.get_layer('nope')")
            .contains("ValueError: No such layer: nope. Existing layers are: ['hidden', 'out']."))
        XCTAssertTrue(error(Self.model + "model.get_layer()").contains("ValueError: Provide either a layer name or layer index at `get_layer`."))
        XCTAssertTrue(error(Self.model + "model.get_layer(index=5)")
            .contains("ValueError: Was asked to retrieve layer at index 5 but model only has 2 layers."))
    }

    func testMethodsAreFoundThroughTheTable() throws {
        XCTAssertTrue(error(Self.model + "model.fitt(X, y)").contains("did you mean 'fit'?"))
        // Keras 2's fit_generator binds by its own order: the second positional is steps_per_epoch.
        let out = try run(Self.model + """
        flow = keras.preprocessing.image.ImageDataGenerator().flow(np.zeros((8, 2, 2, 1)), np.zeros(8), batch_size=4, shuffle=False)
        m = keras.Sequential([keras.Input(shape=(2, 2, 1)), keras.layers.Flatten(), keras.layers.Dense(1, activation='sigmoid')])
        m.compile(optimizer='sgd', loss='binary_crossentropy')
        h = m.fit_generator(flow, 1, epochs=2, verbose=0, workers=4)
        print(len(h.history['loss']), m.predict_classes(np.zeros((3, 2, 2, 1))).shape, type(m.get_layer).__name__)
        """)
        XCTAssertEqual(out, "2 (3, 1) builtin_function_or_method\n")
    }

    func testDeclaredModuleFunctions() throws {
        let out = try run("""
        import numpy as np
        from tensorflow import keras
        from keras.utils import to_categorical
        print(to_categorical(y=[0, 2]).dtype, to_categorical([1], num_classes=3, dtype='float32').dtype)
        s = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, name='halving')
        print(s.name, round(s(step=10), 6))
        m = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)], trainable=False, name='frozen')
        print(m.name, [l.trainable for l in m.layers], keras.initializers.get(None))
        print(type(keras.initializers.he_normal(seed=3)).__name__)
        """)
        XCTAssertEqual(out, "float64 float32\nhalving 0.05\nfrozen [False] None\nHeNormal\n")
        XCTAssertTrue(error("from keras.utils import to_categorical\nto_categorical()")
            .contains("TypeError: to_categorical() missing required argument: 'x'"))
    }

    func testLoadModelWithoutCompiling() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = try run(Self.model + """
        model.save('m.keras', save_format='keras')
        print(keras.models.load_model('m.keras').optimizer is None, keras.models.load_model('m.keras', compile=False).optimizer is None)
        """, scratch: scratch)
        XCTAssertEqual(out, "False True\n")
    }

    func testObjectsCalledWithTheirOwnSignatures() throws {
        let out = try run("""
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        print(tf.constant([1, 2], dtype=tf.float64).dtype, tf.size(np.zeros((2, 3)), out_type=tf.int64).numpy())
        m = keras.metrics.SparseTopKCategoricalAccuracy(k=1)
        m.update_state([0], [[0.9, 0.1]])
        print(float(m.result()), m.reset_state(), float(m.result()))
        opt = keras.optimizers.SGD(learning_rate=0.1)
        print(opt.learning_rate.assign(0.5, read_value=False), float(opt.learning_rate))
        """)
        XCTAssertEqual(out, "float64 6\n1.0 None 0.0\nNone 0.5\n")
        let refused = [
            ("keras.losses.BinaryCrossentropy()([1.0], [0.5], sample_weight=[2.0])", "NotImplementedError: BinaryCrossentropy: sample_weight is not supported yet"),
            ("keras.losses.BinaryCrossentropy()([1.0], [0.5], from_logits=True)", "TypeError: BinaryCrossentropy() got an unexpected keyword argument 'from_logits'"),
            ("keras.losses.mean_squared_error([1.0], [0.5], from_logits=True)", "TypeError: mean_squared_error() got an unexpected keyword argument 'from_logits'"),
            ("keras.metrics.TopKCategoricalAccuracy().result(1)", "TypeError: result() takes 0 positional arguments but 1 were given"),
            ("tf.random.normal((2,), seed=1)", "NotImplementedError: normal: seed is not supported yet"),
            ("tf.reduce_sum([1.0], keepdims=True)", "NotImplementedError: reduce_sum: keepdims is not supported yet"),
            ("tf.random.uniform((2,), dtype=tf.int32)", "NotImplementedError: uniform: dtype"),
        ]
        for (call, message) in refused {
            let raised = error("import tensorflow as tf\nfrom tensorflow import keras\n" + call)
            XCTAssertTrue(raised.contains(message), call + ": " + raised)
        }
        XCTAssertEqual(error("from tensorflow import keras\nkeras.losses.binary_crossentropy([1.0], [0.5], from_logits=True, label_smoothing=0.1)"),
                       "no error")
    }
}
