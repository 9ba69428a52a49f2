import Foundation
import XCTest
import Modules
import Script

/// Top-k accuracy (values from Keras 3.15 / TensorFlow 2.21, ties included), a lesson's own
/// `keras.metrics.Metric` subclass as deck 003 writes it, and `ImageDataGenerator` feeding `fit`.
final class KerasMetricsAndGeneratorTests: XCTestCase {
    func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "m.md")
    }

    private let predictions = """
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras
    yp = np.array([[0.1,0.3,0.3,0.2,0.05,0.05],[0.5,0.1,0.1,0.1,0.1,0.1],[0.2,0.2,0.2,0.2,0.1,0.1],[0.0,0.1,0.6,0.1,0.1,0.1],[0.3,0.25,0.2,0.15,0.05,0.05]], dtype='float32')
    yt = np.array([2, 3, 4, 2, 3])

    """

    func testTopKFunctionsAndClassesMatchKeras() throws {
        let out = try run(predictions + """
        for k in [1, 2, 3]:
            print(k, keras.metrics.sparse_top_k_categorical_accuracy(yt, yp, k=k).numpy().tolist(), keras.metrics.top_k_categorical_accuracy(np.eye(6)[yt], yp, k=k).numpy().tolist())
        m = keras.metrics.SparseTopKCategoricalAccuracy(k=2)
        m.update_state(yt, yp); m.update_state(yt[:2], yp[:2])
        print(round(float(m.result()), 6), m.name, keras.metrics.TopKCategoricalAccuracy(k=3, name='top3').name)
        print(tf.math.in_top_k(yt, yp, 1).numpy().tolist())
        """)
        XCTAssertEqual(out, """
        1 [1.0, 0.0, 0.0, 1.0, 0.0] [1.0, 0.0, 0.0, 1.0, 0.0]
        2 [1.0, 1.0, 0.0, 1.0, 0.0] [1.0, 1.0, 0.0, 1.0, 0.0]
        3 [1.0, 1.0, 0.0, 1.0, 0.0] [1.0, 1.0, 0.0, 1.0, 0.0]
        0.714286 sparse_top_k_categorical_accuracy top3
        [True, False, False, True, False]

        """)
    }

    private let deckMetric = """
    class TopkAcc(tf.keras.metrics.Metric):
        def __init__(self, k=5, **kwargs):
            super().__init__(**kwargs) # handles base args (e.g., dtype)
            self.k = k
            self.total = self.add_weight("total", initializer="zeros")
            self.count = self.add_weight("count", initializer="zeros")

        def update_state(self, y_true, y_pred, sample_weight=None):
            y_true = tf.cast(y_true, tf.int32)
            y_true = tf.reshape(y_true, shape=[-1])
            b_array = tf.math.in_top_k(y_true, y_pred, self.k)
            num_corrects = tf.reduce_sum(tf.cast(b_array, tf.float32))
            self.total.assign_add(tf.reduce_sum(num_corrects))
            self.count.assign_add(tf.cast(tf.size(y_true), tf.float32))

        def result(self):
            return self.total / self.count

    """

    func testTheDecksMetricSubclassRunsStandaloneAndInFit() throws {
        let out = try run(predictions + deckMetric + """
        m = TopkAcc(k=2)
        print(m.name, TopkAcc(name='topk').name, m.total)
        m.update_state(yt, yp)
        print(float(m.result()), float(m(yt[:1], yp[:1])))
        m.reset_state()
        print(float(m.total.numpy()), float(m.count.numpy()))
        np.random.seed(1)
        X = np.random.rand(200, 6).astype('float32'); Y = np.random.randint(0, 10, 200)
        model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(16, activation='relu'), keras.layers.Dense(10, activation='softmax')])
        model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy',
                      metrics=['accuracy', TopkAcc(k=5), keras.metrics.SparseTopKCategoricalAccuracy(k=5, name='top5')])
        h = model.fit(X, Y, epochs=2, batch_size=64, validation_data=(X[:50], Y[:50]), verbose=0)
        print(sorted(h.history.keys()))
        print(all(abs(a - b) < 1e-6 for a, b in zip(h.history['topk_acc'] + h.history['val_topk_acc'], h.history['top5'] + h.history['val_top5'])))
        loss, acc, topk, top5 = model.evaluate(X, Y, verbose=0)
        print(abs(topk - top5) < 1e-6, 0 < topk <= 1)
        """)
        XCTAssertEqual(out, """
        topk_acc topk <Variable path=topk_acc/total, shape=(), dtype=float32, value=0.0>
        0.6000000238418579 0.6666666865348816
        0.0 0.0
        ['accuracy', 'loss', 'top5', 'topk_acc', 'val_accuracy', 'val_loss', 'val_top5', 'val_topk_acc']
        True
        True True

        """)
    }

    func testAnErrorInAMetricStopsFitAndIsRaised() throws {
        XCTAssertThrowsError(try run(predictions + """
        class Broken(keras.metrics.Metric):
            def update_state(self, y_true, y_pred, sample_weight=None):
                raise ValueError('bad metric')
            def result(self):
                return 0.0
        model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(6, activation='softmax')])
        model.compile(optimizer='sgd', loss='sparse_categorical_crossentropy', metrics=[Broken()])
        model.fit(yp, yt, epochs=3, verbose=0)
        """)) { error in
            XCTAssertTrue("\(error)".contains("bad metric"), "\(error)")
        }
    }

    func testImageDataGeneratorFlowsAugmentedBatchesIntoFit() throws {
        let out = try run("""
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras.preprocessing.image import ImageDataGenerator
        X = np.linspace(0, 1, 70 * 36).reshape(70, 6, 6, 1).astype('float32')
        y = np.arange(70) % 2
        plain = ImageDataGenerator(rescale=2.0).flow(X, y, shuffle=False, batch_size=32)
        bx, by = next(plain)
        print(bx.shape, by.tolist()[:4], np.allclose(bx, X[:32] * 2), len(plain))
        flip = ImageDataGenerator(horizontal_flip=True).flow(X[:1], batch_size=1, seed=4)
        seen = [next(flip) for _ in range(12)]
        print(all(np.allclose(s, X[:1]) or np.allclose(s, X[:1, :, ::-1]) for s in seen), any(not np.allclose(s, X[:1]) for s in seen))
        datagen = ImageDataGenerator(horizontal_flip=True, width_shift_range=0.1, height_shift_range=0.1,
                                     rotation_range=10, shear_range=0.1, zoom_range=0.1, fill_mode="nearest")
        datagen.fit(X)
        it = datagen.flow(X, y, shuffle=False, batch_size=32)
        batch_images, batch_labels = next(it)
        print(batch_images.shape, batch_labels.shape, float(batch_images.min()) >= 0, float(batch_images.max()) <= 1)
        model = keras.Sequential([keras.Input((6, 6, 1)), keras.layers.Flatten(), keras.layers.Dense(2, activation='softmax')])
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
        h = model.fit(it, epochs=2, steps_per_epoch=len(X) / 32, validation_data=(X[:10], y[:10]))
        print(sorted(h.history))
        """)
        XCTAssertTrue(out.hasPrefix("""
        (32, 6, 6, 1) [0, 1, 0, 1] True 3
        True True
        (32, 6, 6, 1) (32,) True True
        Epoch 1/2
        3/3
        """), out)
        XCTAssertTrue(out.hasSuffix("['accuracy', 'loss', 'val_accuracy', 'val_loss']\n"), out)
    }
}
