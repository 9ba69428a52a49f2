import XCTest
import Modules
import Script

/// The behaviours the decks report, run through the language as a lesson would.
final class KerasHeadlineTests: XCTestCase {
    func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        var out = ""
        interpreter.output = { out += $0 }
        do { _ = try interpreter.run(source, file: "h.md", firstLine: 1) } catch { XCTFail("\(error)", file: file, line: line) }
        return out
    }

    static let regression = """
    from sklearn.datasets import make_regression
    from keras.models import Sequential
    from keras.layers import Dense
    from keras.optimizers import SGD
    X, y = make_regression(n_samples=1000, n_features=20, noise=0.1, random_state=1)
    def run(opt):
        model = Sequential()
        model.add(Dense(25, input_dim=20, activation='relu', kernel_initializer='he_uniform'))
        model.add(Dense(1, activation='linear'))
        model.compile(loss='mean_squared_error', optimizer=opt)
        model.fit(X[:500], y[:500], validation_data=(X[500:], y[500:]), epochs=20, verbose=0)
        return model.evaluate(X[500:], y[500:], verbose=0)

    """

    func testUnscaledRegressionTargetsDivergeToNaNAndClippingPreventsIt() {
        let out = run(Self.regression + "print(run(SGD(lr=0.01, momentum=0.9)))\nm = run(SGD(lr=0.01, momentum=0.9, clipnorm=1.0))\nprint(m == m, m < 1e6)\n")
        XCTAssertEqual(out, "nan\nTrue True\n")
    }

    func testConstraintOnDataMatchesTheSlides() {
        XCTAssertEqual(run("""
        import numpy as np
        import tensorflow as tf
        f = tf.keras.constraints.UnitNorm()
        print(np.linalg.norm(f(np.arange(6).reshape(3, 2).astype(np.float32)), axis=0))
        """), "[0.99999994 0.99999994]\n")
    }

    func testEarlyStoppingHaltsAndSaysWhen() {
        let out = run("""
        from sklearn.datasets import make_moons
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.callbacks import EarlyStopping
        X, y = make_moons(n_samples=100, noise=0.2, random_state=1)
        model = Sequential([Dense(500, input_dim=2, activation='relu'), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
        es = EarlyStopping(monitor='val_loss', mode='min', verbose=1, patience=50)
        h = model.fit(X[:30], y[:30], validation_data=(X[30:], y[30:]), epochs=4000, verbose=0, callbacks=[es])
        print(len(h.history['loss']) < 4000, len(h.history['val_acc']) == len(h.history['loss']))
        """)
        XCTAssertTrue(out.contains(": early stopping\n"), out)
        XCTAssertTrue(out.hasSuffix("True True\n"), out)
    }

    func testL2RegularizationIsAddedToTheReportedLoss() {
        let out = run("""
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.regularizers import l2
        from keras.initializers import Constant
        X = np.ones((4, 2)); y = np.zeros(4)
        plain = Sequential([Dense(1, input_dim=2, kernel_initializer=Constant(0.5))])
        plain.compile(loss='mse', optimizer='sgd')
        reg = Sequential([Dense(1, input_dim=2, kernel_initializer=Constant(0.5), kernel_regularizer=l2(0.1))])
        reg.compile(loss='mse', optimizer='sgd')
        print(round(reg.evaluate(X, y, verbose=0) - plain.evaluate(X, y, verbose=0), 6))
        """)
        // l2 adds 0.1 · (0.5² + 0.5²) = 0.05.
        XCTAssertEqual(out, "0.05\n")
    }

    func testALessonCallbackSubclassSeesTheModelAndCanStopTraining() {
        let out = run("""
        import numpy as np
        from sklearn.datasets import make_moons
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.callbacks import Callback
        class Watch(Callback):
            def __init__(self):
                super().__init__()
                self.seen = []
            def on_epoch_end(self, epoch, logs={}):
                self.seen.append(epoch)
                if epoch == 9:
                    self.model.stop_training = True
        X, y = make_moons(n_samples=50, noise=0.2, random_state=1)
        model = Sequential([Dense(8, input_dim=2, activation='relu'), Dense(1, activation='sigmoid')])
        model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
        w = Watch()
        h = model.fit(X, y, epochs=100, verbose=0, callbacks=[w])
        print(w.seen[-1], len(h.history['loss']), len(w.model.layers[0].get_weights()))
        """)
        XCTAssertEqual(out, "9 10 2\n")
    }

    func testAnErrorInsideALessonCallbackSurfacesFromFit() {
        let session = LessonSession(seed: 0)
        let interpreter = Interpreter(modules: session.registry)
        let source = """
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.callbacks import Callback
        class Broken(Callback):
            def on_epoch_end(self, epoch, logs=None):
                return logs['no_such_key']
        model = Sequential([Dense(1, input_dim=2)])
        model.compile(loss='mse', optimizer='sgd')
        model.fit(np.ones((4, 2)), np.zeros(4), epochs=5, verbose=0, callbacks=[Broken()])
        """
        XCTAssertThrowsError(try interpreter.run(source, file: "c.md", firstLine: 1)) { e in
            let err = e as? ScriptError
            XCTAssertEqual(err?.kind, "KeyError")
            XCTAssertEqual(err?.location?.line, 7)
        }
    }
}
