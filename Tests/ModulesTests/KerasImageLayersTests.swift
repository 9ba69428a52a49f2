import Foundation
import XCTest
import Modules
import Script

/// Convolutional networks written as a lesson writes them, run through the language.
final class KerasImageLayersTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-keras-images-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "cnn.md", scratch: scratch)
    }

    private let images = """
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers
    from tensorflow.keras.models import Sequential, load_model
    np.random.seed(0)
    X = np.random.uniform(0, 16, size=(120, 8, 8, 1)) / 16.0
    y = (X[:, :4, :, 0].reshape(120, 32).mean(axis=1) > X[:, 4:, :, 0].reshape(120, 32).mean(axis=1)).astype(int)

    """

    func testASmallCNNBuildsTrainsPredictsAndSummarizesAsKeras() throws {
        let out = try run(images + """
        model = Sequential([
            keras.Input(shape=(8, 8, 1)),
            layers.Conv2D(32, 3, padding='same', activation='relu'),
            layers.MaxPooling2D(),
            layers.Conv2D(64, (3, 3), padding='same', activation='relu'),
            layers.MaxPool2D(pool_size=(2, 2)),
            layers.Flatten(),
            layers.Dense(64, activation='relu'),
            layers.Dense(2, activation='softmax'),
        ])
        model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        history = model.fit(X[:100], y[:100], validation_data=(X[100:], y[100:]), epochs=15, batch_size=32, verbose=0)
        print(len(history.history['val_accuracy']), max(history.history['accuracy']) > 0.8)
        print(model.predict(X[:5], verbose=0).shape, model.layers[0].output_shape, model.layers[1].output_shape)
        print([w.shape for w in model.layers[2].get_weights()], model.count_params())
        model.summary()
        """)
        XCTAssertTrue(out.hasPrefix("15 True\n(5, 2) (None, 8, 8, 32) (None, 4, 4, 32)\n[(3, 3, 32, 64), (64,)] 35394\n"), out)
        for row in ["(Conv2D)                 │ (None, 8, 8, 32)       │           320 │",
                    "(MaxPooling2D)    │ (None, 4, 4, 32)       │             0 │",
                    "│ (None, 4, 4, 64)       │        18,496 │",
                    "(Flatten)               │ (None, 256)            │             0 │",
                    "(Dense)                 │ (None, 2)              │           130 │",
                    // Keras 3.15.1 prints these totals for the same model after fit (Adam's moments,
                    // its float32 learning rate and int64 iteration count).
                    " Total params: 106,184 (414.79 KB)\n Trainable params: 35,394 (138.26 KB)\n Non-trainable params: 0 (0.00 B)\n Optimizer params: 70,790 (276.53 KB)"] {
            XCTAssertTrue(out.contains(row), "missing \(row) in\n\(out)")
        }
    }

    func testEveryImageLayerIsReachableAndSavesAndLoadsBitForBit() throws {
        let out = try run(images + """
        from keras.regularizers import l2
        model = Sequential()
        model.add(layers.ZeroPadding2D(padding=((1, 0), (0, 1)), input_shape=(8, 8, 1)))
        model.add(layers.Conv2D(6, (3, 2), strides=(2, 1), padding='SAME', kernel_regularizer=l2(0.01), use_bias=False))
        model.add(layers.BatchNormalization(momentum=0.9))
        model.add(layers.SpatialDropout2D(0.2))
        model.add(layers.Conv2D(4, 3, dilation_rate=2, padding='same', activation='elu'))
        model.add(layers.AveragePooling2D(pool_size=2, strides=1, padding='same'))
        model.add(layers.AvgPool2D(2))
        model.add(layers.GlobalMaxPooling2D(keepdims=True))
        model.add(layers.Reshape((-1,)))
        model.add(layers.Dropout(0.1))
        model.add(layers.Dense(2, activation='softmax'))
        model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
        model.fit(X, y, epochs=2, verbose=0)
        print([l.output_shape for l in model.layers])
        model.save('cnn.keras')
        again = load_model('cnn.keras')
        print((again.predict(X) == model.predict(X)).all(), [type(l).__name__ for l in again.layers][:3])
        print(all((a == b).all() for a, b in zip(again.get_weights(), model.get_weights())))
        g = Sequential([keras.Input(shape=(6, 6, 3)), layers.GlobalAveragePooling2D()])
        print(g.predict(np.ones((2, 6, 6, 3)), verbose=0).tolist())
        print(layers.Conv2D(2, 1)(np.ones((1, 3, 3, 1))).shape)
        """)
        XCTAssertEqual(out, """
        [(None, 9, 9, 1), (None, 5, 9, 6), (None, 5, 9, 6), (None, 5, 9, 6), (None, 5, 9, 4), (None, 5, 9, 4), (None, 2, 4, 4), (None, 1, 1, 4), (None, 4), (None, 4), (None, 2)]
        True ['ZeroPadding2D', 'Conv2D', 'BatchNormalization']
        True
        [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]
        (1, 3, 3, 2)

        """)
    }

    func testALessonWrittenInitializerFillsAConvolutionKernel() throws {
        let out = try run(images + """
        import tensorflow as tf
        class my_He_initializer(tf.keras.initializers.Initializer):
            def __call__(self, shape, dtype=None):
                return np.full(shape, 0.5)
        model = Sequential([layers.Conv2D(2, (3, 3), padding='same', activation='elu', input_shape=(8, 8, 1),
                                          kernel_initializer=my_He_initializer()), layers.Flatten(), layers.Dense(1)])
        k = model.layers[0].get_weights()[0]
        print(k.shape, float(k.min()), float(k.max()))
        """)
        XCTAssertEqual(out, "(3, 3, 1, 2) 0.5 0.5\n")
    }

    func testBadArgumentsAreKerasStyleExceptions() throws {
        let out = try run(images + """
        def attempt(make):
            try:
                make()
                print('no error')
            except (ValueError, TypeError, NotImplementedError) as e:
                print(type(e).__name__ + ': ' + str(e))
        attempt(lambda: layers.Conv2D(4, 3, strides=2, dilation_rate=2))
        attempt(lambda: layers.Conv2D(0, 3))
        attempt(lambda: layers.Conv2D(4, 3, padding='full'))
        attempt(lambda: layers.Conv2D(4, 3, data_format='channels_first'))
        attempt(lambda: layers.Conv2D(4))
        attempt(lambda: layers.Conv2D(4, 3, kernal_size=3))
        attempt(lambda: layers.MaxPooling2D(pool_size=(2, 2, 2)))
        attempt(lambda: layers.ZeroPadding2D((1, 2, 3)))
        attempt(lambda: layers.Reshape((-1, -1)))
        attempt(lambda: layers.SpatialDropout2D(1.5))
        attempt(lambda: Sequential([keras.Input(shape=(2, 2, 1)), layers.Conv2D(4, 3)]))
        attempt(lambda: Sequential([keras.Input(shape=(4,)), layers.MaxPooling2D()]))
        attempt(lambda: Sequential([keras.Input(shape=(4, 4, 1)), layers.Reshape((3,))]))
        attempt(lambda: layers.Conv2D(4, 10**30))
        """)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 14, out)
        let expected = [
            "ValueError: `strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: strides=(2, 2) and dilation_rate=(2, 2)",
            "ValueError: Invalid value for argument `filters`. Expected a strictly positive value. Received filters=0.",
            "ValueError: The `padding` argument must be a list/tuple or one of {'valid', 'same'}. Received: full",
            "NotImplementedError: Conv2D: data_format='channels_first' is not supported",
            "TypeError: Conv2D() missing required argument: 'kernel_size'",
            "ValueError: Unrecognized keyword arguments passed to Conv2D: {'kernal_size': 3}; did you mean 'kernel_size'?",
            "ValueError: The `pool_size` argument must be a tuple of 2 integers. Received pool_size=[2, 2, 2]",
            "ValueError: `padding` should have two elements. Received: padding=",
            "ValueError: There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=(-1, -1).",
            "ValueError: Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5",
            "ValueError: Computed output size would be zero or negative.",
            "ValueError: Input 0 of layer 'max_pooling2d",
            "ValueError: The total size of the tensor must be unchanged. Received: input_shape=(4, 4, 1), target_shape=(3,)",
            "",
        ]
        for (line, prefix) in zip(lines, expected) where !prefix.isEmpty {
            XCTAssertTrue(line.hasPrefix(prefix), "\(line)\n  expected to start with\n\(prefix)")
        }
        // An absurd kernel size is an exception, never a crash.
        XCTAssertTrue(lines.last?.contains("Error") ?? false, out)
    }
}
