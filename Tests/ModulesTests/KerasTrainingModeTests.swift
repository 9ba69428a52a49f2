import Foundation
import XCTest
import Modules
import Script

/// Training-mode calls (`model(x, training=True)`, `layer(x, training=...)`), model surgery
/// (`clone_model`, `pop`, layers reused in a new model), as lessons use them.
final class KerasTrainingModeTests: XCTestCase {
    func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "t.md",
                         scratch: FileManager.default.temporaryDirectory.appendingPathComponent("lectern-training-mode-\(UUID().uuidString)"))
    }

    func testMonteCarloDropoutCallsDifferButRepeatFromTheSameSeed() throws {
        let script = """
        import numpy as np
        from tensorflow import keras
        from keras import layers
        x = np.linspace(0, 1, 24).reshape(6, 4).astype('float32')
        m = keras.Sequential([keras.Input((4,)), layers.Dense(8, activation='relu'), layers.Dropout(0.5), layers.Dense(3, activation='softmax')])
        a = m(x, training=True); b = m(x, training=True)
        print(a.shape, bool((a.numpy() != b.numpy()).any()))
        print(np.allclose(m(x).numpy(), m.predict(x, verbose=0)), np.allclose(m(x, training=False), m.predict(x, verbose=0)))
        print(np.round(a.numpy()[0], 6).tolist())
        """
        let first = try run(script), second = try run(script)
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.hasPrefix("(6, 3) True\nTrue True\n"), first)
    }

    func testBatchNormalizationCallsMatchKeras() throws {
        // Keras 3.15: a call with training=True normalizes with the batch and moves the moving
        // mean once; a frozen layer uses the moving statistics even with training=True.
        let out = try run("""
        import numpy as np
        from tensorflow import keras
        bn = keras.layers.BatchNormalization()
        m = keras.Sequential([keras.Input((3,)), bn])
        x = np.arange(12, dtype='float32').reshape(4, 3)
        r = lambda a: [round(float(v), 5) for v in a]
        print(r(m(x, training=True).numpy()[0]), r(bn.get_weights()[2]))
        m(x, training=False)
        print(r(bn.get_weights()[2]))
        bn.trainable = False
        print(r(m(x, training=True).numpy()[0]), r(bn(x, training=True).numpy()[0]))
        """)
        XCTAssertEqual(out, """
        [-1.34158, -1.34158, -1.34158] [0.045, 0.055, 0.065]
        [0.045, 0.055, 0.065]
        [-0.04284, 0.89959, 1.84202] [-0.04284, 0.89959, 1.84202]

        """)
    }

    func testAugmentationRunsInDirectCallsButNotInPredictAndSurvivesSaving() throws {
        let out = try run("""
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        X = np.linspace(0, 1, 64 * 16).reshape(64, 4, 4, 1).astype('float32')
        y = (X.reshape(64, 16)[:, :8].mean(axis=1) > 0.5).astype('int64')
        model = keras.Sequential([keras.Input((4, 4, 1)), layers.RandomFlip('horizontal', seed=3), layers.RandomRotation(0.05, fill_mode='nearest'),
                                  layers.RandomZoom(0.1), layers.RandomTranslation(0.1, 0.1), layers.RandomContrast(0.2),
                                  layers.Flatten(), layers.Dense(8, activation='relu'), layers.Dense(2, activation='softmax')])
        model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        h = model.fit(X, y, epochs=4, batch_size=16, verbose=0)
        print(h.history['loss'][-1] < h.history['loss'][0])
        p = model.predict(X[:3], verbose=0)
        print(np.allclose(p, model(X[:3], training=False).numpy()), np.allclose(p, model(X[:3]).numpy()))
        flip = model.layers[0]
        print(np.array_equal(flip(X[:1], training=False).numpy(), X[:1]))
        model.save('aug.keras')
        again = keras.models.load_model('aug.keras')
        print(np.allclose(again.predict(X[:3], verbose=0), p), [l.name for l in again.layers][:5])
        """)
        XCTAssertEqual(out, """
        True
        True False
        True
        True ['random_flip', 'random_rotation', 'random_zoom', 'random_translation', 'random_contrast']

        """)
    }

    func testCloneModelPopAndTransferLearningKeepTrainedWeights() throws {
        let out = try run("""
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from sklearn.datasets import make_classification
        X, y = make_classification(n_samples=300, n_features=10, n_informative=6, n_classes=3, random_state=0)
        base = keras.Sequential([keras.Input((10,)), layers.Dense(32, activation='relu'), layers.Dense(16, activation='relu'), layers.Dense(3, activation='softmax')])
        base.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        base.fit(X, y, epochs=5, verbose=0)
        trained = base.layers[0].get_weights()[0].copy()
        clone = keras.models.clone_model(base)
        print([l.name for l in clone.layers] == [l.name for l in base.layers], np.allclose(clone.layers[0].get_weights()[0], trained))
        print(clone.pop().name, len(clone.layers))
        for layer in base.layers[:2]:
            layer.trainable = False
        model = keras.Sequential(base.layers[:2] + [layers.Dense(2, activation='softmax')])
        model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        yb = (y == 0).astype('int64')
        model.fit(X, yb, epochs=3, verbose=0)
        print(np.array_equal(model.layers[0].get_weights()[0], trained), model.layers[0] is base.layers[0])
        for layer in model.layers:
            layer.trainable = True
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        h = model.fit(X, yb, epochs=2, verbose=0)
        print(np.array_equal(model.layers[0].get_weights()[0], trained), len(h.history['accuracy']))
        """)
        XCTAssertEqual(out, """
        True False
        dense_2 2
        True True
        False 2

        """)
    }
}
