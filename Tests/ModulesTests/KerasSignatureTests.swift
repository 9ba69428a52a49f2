import XCTest
import Modules
import Script

/// `keras.optimizers`, callbacks and core layers bound through declared signatures: every Keras 3 argument is implemented or
/// refused by name, and `weight_decay` works on every optimizer as Keras 3 applies it.
final class KerasSignatureTests: XCTestCase {
    func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "o.md")
    }

    func error(_ source: String) -> String {
        do {
            _ = try run(source)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    /// Three steps with gradient [0.5, 0.5, -1] from w = [1, -2, 0.25]; the expected weights are
    /// what Keras 3.15 gives for the same steps.
    func testWeightDecayMatchesKeras() throws {
        let cases: [(String, [Double])] = [
            ("SGD(learning_rate=0.1, weight_decay=0.1)", [0.8217939734458923, -2.0891029834747314, 0.539584755897522]),
            ("Adam(learning_rate=0.1, weight_decay=0.05)", [0.6865758895874023, -2.268648862838745, 0.5447684526443481]),
            ("RMSprop(learning_rate=0.01, weight_decay=0.2)", [0.9204105734825134, -2.0616254806518555, 0.3221045434474945]),
        ]
        for (call, expected) in cases {
            let out = try run("""
            import numpy as np
            from tensorflow import keras
            model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, use_bias=False)])
            model.layers[0].set_weights([np.array([[1.0], [-2.0], [0.25]])])
            # |p - y| with y far above p has gradient -x = [0.5, 0.5, -1] for the kernel.
            model.compile(optimizer=keras.optimizers.\(call), loss='mean_absolute_error')
            model.fit(np.array([[-0.5, -0.5, 1.0]]), np.full((1, 1), 1e6), epochs=3, batch_size=1, verbose=0, shuffle=False)
            print([float(v) for v in model.layers[0].get_weights()[0].ravel()])
            """)
            let values = out.trimmingCharacters(in: CharacterSet(charactersIn: "[]\n")).split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            XCTAssertEqual(values.count, 3, "\(call): \(out)")
            for (v, e) in zip(values, expected) { XCTAssertEqual(v, e, accuracy: 2e-6, "\(call): \(out)") }
        }
    }

    func testUnknownAndUnsupportedArgumentsAreNeverSilent() {
        XCTAssertTrue(error("from keras.optimizers import Adam\nAdam(learning_rat=0.1)")
            .contains("ValueError: Argument(s) not recognized: {'learning_rat': 0.1}; did you mean 'learning_rate'?"))
        XCTAssertTrue(error("from keras.optimizers import SGD\nSGD(use_ema=True)").contains("NotImplementedError: SGD: use_ema is not supported yet"))
        XCTAssertEqual(error("from keras.optimizers import SGD\nSGD(use_ema=False, lr=0.1, decay=1e-3)"), "no error")
    }

    func testAdamWImportsFromEveryPathKerasHasAndDecaysByDefault() throws {
        let out = try run("""
        from tensorflow.keras.optimizers import AdamW
        from keras.optimizers import AdamW as A2
        o = AdamW()
        print(type(o).__name__, round(float(A2(weight_decay=0.1).learning_rate), 6))
        """)
        XCTAssertEqual(out, "AdamW 0.001\n")
    }

    func testCoreLayersAndCallbacksRaiseWhatKerasRaisesOrNameWhatIsMissing() throws {
        XCTAssertTrue(error("from keras.layers import Dropout\nDropout(0.5, rat=0.1)")
            .contains("ValueError: Unrecognized keyword arguments passed to Dropout: {'rat': 0.1}; did you mean 'rate'?"))
        XCTAssertTrue(error("from keras.layers import Dropout\nDropout(0.5, seed=3)").contains("NotImplementedError: Dropout: seed is not supported yet"))
        XCTAssertTrue(error("from keras.callbacks import ModelCheckpoint\nModelCheckpoint('m.keras', save_weights_only=True)")
            .contains("NotImplementedError: ModelCheckpoint: save_weights_only is not supported yet"))
        XCTAssertTrue(error("from keras.callbacks import EarlyStopping\nEarlyStopping(patience=3, min_delat=0.1)")
            .contains("TypeError: EarlyStopping() got an unexpected keyword argument 'min_delat'; did you mean 'min_delta'?"))
        XCTAssertTrue(error("""
            import numpy as np
            from keras.models import Sequential
            from keras.layers import Dense, BatchNormalization
            m = Sequential([Dense(4, input_shape=(3,)), BatchNormalization(axis=0)])
            m.compile(loss='mse', optimizer='sgd')
            m.fit(np.zeros((4, 3)), np.zeros((4, 4)), verbose=0)
            """).contains("only the last axis (-1) is supported"))
        let out = try run("""
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense, LeakyReLU, BatchNormalization, Dropout
        m = Sequential([Dense(4, batch_input_shape=(None, 3)), LeakyReLU(alpha=0.1), BatchNormalization(axis=1, trainable=False), Dropout(0.2, name='drop')])
        print(m.layers[1].name, m.layers[2].trainable, m.layers[3].name, m.predict(np.ones((2, 3)), verbose=0).shape)
        """)
        XCTAssertEqual(out, "leaky_re_lu False drop (2, 4)\n")
    }
}
