import XCTest
import Modules
import Script

final class KerasModuleTests: XCTestCase {
    func run(_ source: String) throws -> String {
        try lessonOutput(source, file: "k.md")
    }

    func testTheMoonsDataMatchScikitLearn() throws {
        // scikit-learn 1.x: make_moons(n_samples=100, noise=0.2, random_state=1)
        let out = try run("from sklearn.datasets import make_moons\nX, y = make_moons(n_samples=100, noise=0.2, random_state=1)\nprint(X[0], X[99], y[:10])")
        XCTAssertEqual(out, "[ 1.36698238 -0.23541584] [-1.04121655  0.88339745] [1 1 0 1 1 0 0 1 1 1]\n")
    }

    func testASlideListingRunsAsWritten() throws {
        let out = try run("""
        from sklearn.datasets import make_moons
        from tensorflow.keras.models import Sequential
        from tensorflow.keras.layers import Dense
        X, y = make_moons(n_samples=100, noise=0.2, random_state=1)
        model = Sequential()
        model.add(Dense(500, input_dim=2, activation='relu'))
        model.add(Dense(1, activation='sigmoid'))
        model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
        history = model.fit(X[:30], y[:30], validation_data=(X[30:], y[30:]), epochs=20, verbose=0)
        print(sorted(history.history.keys()), len(history.history['val_accuracy']))
        loss, acc = model.evaluate(X[30:], y[30:], verbose=0)
        print(0.0 <= acc <= 1.0, loss > 0)
        model.summary()
        """)
        XCTAssertTrue(out.hasPrefix("['accuracy', 'loss', 'val_accuracy', 'val_loss'] 20\nTrue True\n"), out)
        XCTAssertTrue(out.contains("Trainable params: 2,001"), out)
    }

    func testDenseArgumentErrorsReadLikeKeras() throws {
        XCTAssertThrowsError(try run("from keras.layers import Dense\nDense(-5)")) { e in
            XCTAssertTrue("\(e)".contains("Received: units=-5"), "\(e)")
            XCTAssertEqual((e as? ScriptError)?.location?.line, 2)
        }
        XCTAssertThrowsError(try run("from keras.layers import Dense\nDense(5, activation='rleu')")) { e in
            XCTAssertTrue("\(e)".contains("relu"), "\(e)")
        }
    }
}
