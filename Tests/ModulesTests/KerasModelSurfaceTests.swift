import Foundation
import XCTest
import Modules
import Script

/// The language's side of the newer engine surface: functional activation models, loss
/// objects, LeakyReLU / Orthogonal / Adadelta / PolynomialDecay, the gradient recorder,
/// the model file on disk, and the newer scikit-learn functions.
final class KerasModelSurfaceTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-keras-additions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "k.md", scratch: scratch)
    }

    private let circles = """
    from sklearn.datasets import make_circles
    from keras.models import Sequential, Model, load_model
    from keras.layers import Dense, Input, LeakyReLU
    X, y = make_circles(n_samples=100, noise=0.1, random_state=1)

    """

    func testFunctionalModelReadsLayerActivationsOfASequentialModel() throws {
        let out = try run(circles + """
        model = Sequential([Input(shape=(2,)), Dense(5, activation='tanh'), Dense(3, activation='relu'), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer='sgd')
        model.fit(X, y, epochs=2, verbose=0)
        print(len(model.layers))
        hidden = Model(inputs=model.input, outputs=model.layers[0].output).predict(X[:4])
        print(hidden.shape, float(hidden.max()) <= 1.0 and float(hidden.min()) >= -1.0)
        outs = Model(inputs=model.inputs, outputs=[layer.output for layer in model.layers]).predict(X[:4], verbose=0)
        print([o.shape for o in outs])
        print((outs[2] == model.predict(X[:4])).all())
        relu = outs[1]
        print(float(relu.min()) >= 0.0)
        print(model.layers[1].output)
        """)
        XCTAssertEqual(out, """
        3
        (4, 5) True
        [(4, 5), (4, 3), (4, 1)]
        True
        True
        <KerasTensor shape=(None, 3), dtype=float32, sparse=False, name=dense_1>

        """)
        XCTAssertThrowsError(try run(circles + "m = Model(inputs=1, outputs=2)"))
    }

    func testModelsSaveToAFileAndLoadBackIdentically() throws {
        let out = try run(circles + """
        from keras.optimizers import Adadelta
        from keras.initializers import Orthogonal
        from keras.regularizers import l1
        model = Sequential()
        model.add(Dense(8, input_dim=2, kernel_initializer=Orthogonal(gain=1.2)))
        model.add(LeakyReLU(alpha=0.1))
        model.add(Dense(1, activation='sigmoid', activity_regularizer=l1(0.001)))
        model.compile(loss='binary_crossentropy', optimizer=Adadelta(learning_rate=1.0), metrics=['accuracy'])
        model.fit(X, y, epochs=5, verbose=0)
        model.save('circles.keras')
        again = load_model('circles.keras')
        print((again.predict(X) == model.predict(X)).all())
        print(again.evaluate(X, y, verbose=0) == model.evaluate(X, y, verbose=0))
        print(again.optimizer, [l.name for l in again.layers])
        """)
        XCTAssertEqual(out, "True\nTrue\n<keras.optimizers.Adadelta> ['dense', 'leaky_re_lu', 'dense_1']\n")
        let text = try String(contentsOf: scratch.appendingPathComponent("circles.keras"), encoding: .utf8)
        XCTAssertTrue(text.contains("\"format\":\"lectern-model-2\""), String(text.prefix(200)))
        // A file that is not a model, and a missing one, are clear errors.
        try "not json".write(to: scratch.appendingPathComponent("junk.h5"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try run(circles + "load_model('junk.h5')")) { XCTAssertTrue("\($0)".contains("'junk.h5' is not a model file"), "\($0)") }
        XCTAssertThrowsError(try run(circles + "load_model('nothing.h5')")) { XCTAssertTrue("\($0)".contains("FileNotFoundError"), "\($0)") }
    }

    func testLossObjectsWorkInCompileAndAsFunctions() throws {
        let out = try run(circles + """
        import numpy as np
        from keras.losses import BinaryCrossentropy, binary_crossentropy, CategoricalCrossentropy
        bce = BinaryCrossentropy(from_logits=True)
        print(bce.from_logits, round(float(bce(np.array([[1.0], [0.0]]), np.array([[2.0], [-1.0]]))), 5))
        print(binary_crossentropy(np.array([[1.0], [0.0]]), np.array([[0.9], [0.2]])).shape)
        print(round(float(CategoricalCrossentropy(label_smoothing=0.3)(np.array([[0.0, 1.0, 0.0]]), np.array([[0.2, 0.7, 0.1]]))), 5))
        model = Sequential([Input(shape=(2,)), Dense(8, activation='relu'), Dense(1)])
        model.compile(loss=BinaryCrossentropy(from_logits=True), optimizer='adam', metrics=['accuracy'])
        h = model.fit(X, y, epochs=3, verbose=0)
        print(len(h.history['loss']))
        """)
        // log(1+e^-2) and log(1+e^-1), averaged: 0.22009; smoothing 0.3 over 3 classes gives targets 0.1/0.8/0.1: 0.67654.
        XCTAssertEqual(out, "True 0.22009\n(2,)\n0.67654\n3\n")
        XCTAssertThrowsError(try run(circles + "from keras.losses import SparseCategoricalCrossentropy\nSparseCategoricalCrossentropy(label_smoothing=0.1)"))
    }

    func testTheGradientRecorderAndTensorBoardKeepHistogramsALessonCanPlot() throws {
        let out = try run(circles + """
        from keras.callbacks import TensorBoard, GradientRecorder
        model = Sequential([Input(shape=(2,)), Dense(4, activation='tanh'), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer='sgd')
        tb = TensorBoard(log_dir='logs', histogram_freq=2)
        rec = GradientRecorder(bins=5)
        model.fit(X, y, epochs=6, verbose=0, callbacks=[tb, rec])
        print(tb.epochs, len(rec.epochs), rec.names)
        counts, edges = rec.histogram('dense/kernel', epoch=3, kind='weights')
        print(int(counts.sum()), edges.shape)
        norms = rec.series('norm', kind='gradients')
        print(sorted(norms.keys()) == sorted(rec.names), len(norms['dense_1/kernel']))
        """)
        XCTAssertEqual(out, "[0, 2, 4] 6 ['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']\n8 (6,)\nTrue 6\n")
        XCTAssertThrowsError(try run(circles + "from keras.callbacks import GradientRecorder\nr = GradientRecorder()\nr.histogram('dense/kernel')"))
        XCTAssertThrowsError(try run(circles + "from keras.callbacks import GradientRecorder\nGradientRecorder().series('median')")) {
            XCTAssertTrue("\($0)".contains("mean_abs"), "\($0)")
        }
    }

    func testNewerScikitLearnFunctionsMatchScikitLearn() throws {
        // Printed by scikit-learn 1.9.1 for the same calls.
        let out = try run("""
        from sklearn.datasets import make_classification, make_gaussian_quantiles
        from sklearn.model_selection import KFold, train_test_split
        X, y = make_classification(n_samples=200, n_features=4, n_informative=2, n_redundant=0, random_state=3)
        print(X[:2], y[:10])
        Xq, yq = make_gaussian_quantiles(n_samples=30, n_classes=3, random_state=2)
        print(Xq[0], yq[:10])
        for train_ix, test_ix in KFold(n_splits=3, shuffle=True, random_state=1).split(X[:10]):
            print(train_ix, test_ix)
        a, b, c, d = train_test_split(X, y, test_size=0.3, stratify=y, random_state=1)
        print(a.shape, b.shape, d[:8])
        """)
        XCTAssertEqual(out, """
        [[-0.74895715  2.19376315  1.56634409  0.1272951 ]
         [ 1.30984335 -0.11520507  1.43238643 -0.2319775 ]] [1 1 1 0 0 1 0 1 0 0]
        [9.76147160e-06 5.42352572e-01] [0 2 0 1 1 2 1 0 0 2]
        [0 1 3 5 7 8] [2 4 6 9]
        [2 4 5 6 7 8 9] [0 1 3]
        [0 1 2 3 4 6 9] [5 7 8]
        (140, 4) (60, 4) [0 1 0 0 1 1 1 1]

        """)
        XCTAssertThrowsError(try run("from sklearn.model_selection import KFold\nKFold(3, random_state=1)"))
    }

    func testInitializersAreCallableByEitherSpellingAndByGet() throws {
        let out = try run("""
        import numpy as np
        import tensorflow as tf
        init = tf.keras.initializers.lecun_normal(seed=1)
        w = init((200, 300))
        print(type(init).__name__, w.shape, w.dtype, round(float(np.std(w.numpy())), 2), round(1 / np.sqrt(200), 2))
        g = tf.keras.initializers.get('glorot_uniform')
        a, b = g((2, 2)), g((2, 2))
        print(bool((a.numpy() != b.numpy()).any()), tf.keras.initializers.get(init) is init)
        """)
        XCTAssertEqual(out, "LecunNormal (200, 300) float32 0.07 0.07\nTrue True\n")
    }

    func testInitializersWrittenInTheLessonSetTheWeights() throws {
        // The class is the slides' listing, verbatim; the model around it is ours.
        let out = try run("""
        import numpy as np
        import tensorflow as tf
        from keras.models import Sequential
        from keras.layers import Dense
        class my_Xavier_initializer(tf.keras.initializers.Initializer):
            def __init__(self, random_seed=42):
                np.random.seed(random_seed)
                tf.random.set_seed(random_seed)

            def __call__(self, shape, dtype=tf.float32):
                stddev = tf.sqrt(2. / (shape[0] + shape[1]))
                return tf.random.normal(shape, stddev=stddev, dtype=dtype)

        model = Sequential()
        model.add(Dense(400, input_dim=100, activation='tanh', kernel_initializer=my_Xavier_initializer()))
        kernel = model.layers[0].get_weights()[0]
        print(kernel.shape, abs(float(kernel.std()) - (2 / 500) ** 0.5) < 0.002, abs(float(kernel.mean())) < 0.002)
        again = Sequential([Dense(400, input_dim=100, kernel_initializer=my_Xavier_initializer())])
        print((again.layers[0].get_weights()[0] == kernel).all())
        lazy = Sequential([Dense(3, kernel_initializer=lambda shape, dtype=None: np.ones(shape)), Dense(1)])
        lazy.compile(loss='mse', optimizer='sgd')
        lazy.predict(np.ones((1, 2)))
        print(lazy.layers[0].get_weights()[0].sum())
        print(tf.sqrt(4.0), tf.random.uniform((2, 3)).shape)
        """)
        XCTAssertEqual(out, "(100, 400) True True\nTrue\n6.0\ntf.Tensor(2.0, shape=(), dtype=float32) (2, 3)\n")
        XCTAssertThrowsError(try run("""
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense
        m = Sequential([Dense(3, input_dim=2, kernel_initializer=lambda shape, dtype=None: np.ones(5))])
        """)) { XCTAssertTrue("\($0)".contains("returned 5 values for shape (2, 3)"), "\($0)") }
    }

    func testTrainableFalseFreezesALayerFromTheLanguage() throws {
        let out = try run(circles + """
        model = Sequential([Dense(4, input_dim=2, activation='relu'), Dense(1, activation='sigmoid')])
        model.layers[0].trainable = False
        model.compile(loss='binary_crossentropy', optimizer='sgd')
        before = model.layers[0].get_weights()[0]
        model.fit(X, y, epochs=2, verbose=0)
        print(model.layers[0].trainable, (model.layers[0].get_weights()[0] == before).all(), model.count_params())
        base = Dense(3, input_dim=2)
        base.trainable = False
        other = Sequential([base, Dense(1)])
        other.summary()
        """)
        XCTAssertTrue(out.hasPrefix("False True 17\n"), out)
        XCTAssertTrue(out.contains("Non-trainable params: 9"), out)
    }

    func testConstraintsTakeAnAxis() throws {
        let out = try run(circles + """
        import numpy as np
        from keras.constraints import max_norm, unit_norm
        model = Sequential([Dense(8, input_dim=2, activation='relu', kernel_constraint=max_norm(0.5, axis=1)), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer='adam')
        model.fit(X, y, epochs=20, verbose=0)
        rows = np.linalg.norm(model.layers[0].get_weights()[0], axis=1)
        print(rows.shape, bool((rows <= 0.5 + 1e-5).all()))
        """)
        XCTAssertEqual(out, "(2,) True\n")
        XCTAssertThrowsError(try run(circles + "from keras.constraints import unit_norm\nunit_norm(axis=2)"))
    }

    func testTheLearningRateIsAVariableLessonsCanReadAndSet() throws {
        let out = try run(circles + """
        from keras import backend as K
        from keras.optimizers import SGD
        model = Sequential([Dense(4, input_dim=2, activation='relu'), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer=SGD(learning_rate=0.01))
        print(model.optimizer.lr)
        K.set_value(model.optimizer.lr, 0.5)
        print(K.get_value(model.optimizer.learning_rate), float(model.optimizer.lr) * 2, model.optimizer.lr < 1, '%.2f' % model.optimizer.lr)
        model.optimizer.learning_rate = 0.25
        print(model.optimizer.lr.numpy())
        """)
        XCTAssertEqual(out, "<tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=0.01>\n0.5 1.0 True 0.50\n0.25\n")
        XCTAssertThrowsError(try run("from keras import backend as K\nK.set_value(3, 1)"))
    }

    func testHistoryReadsTheRateUnderBothKerasNames() throws {
        let out = try run(circles + """
        from keras.callbacks import ReduceLROnPlateau
        model = Sequential([Dense(4, input_dim=2, activation='relu'), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer='sgd')
        h = model.fit(X, y, validation_data=(X, y), epochs=3, verbose=0, callbacks=[ReduceLROnPlateau(patience=1)])
        print(h.history['lr'] == h.history['learning_rate'], len(h.history['lr']))
        """)
        XCTAssertEqual(out, "True 3\n")
    }
}
