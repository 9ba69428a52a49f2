import Foundation
import XCTest
import Engine
import Modules
import Script

/// The optimizer registry is the one list: each class is importable by class and by string, its
/// Swift defaults (what `optimizer='adam'` builds) agree with its declared Keras signature, and
/// its configuration survives a save and a reload.
final class OptimizerKindsTests: XCTestCase {
    func testEveryOptimizerKindAgreesWithItsSignatureAndRoundTrips() throws {
        let module = try XCTUnwrap(try LessonSession(seed: 0).registry.load("keras.optimizers"))
        for kind in OptimizerKinds.all {
            guard case .object(let f as BuiltinFunction)? = module.members[kind.kerasName] else { return XCTFail("\(kind.kerasName) missing") }
            XCTAssertNotNil(f.signature)
            let byString = try Optimizers.named(kind.kerasName.lowercased())
            XCTAssertTrue(type(of: byString) == kind)
            let own = Signature(kind.kerasName, kind.kerasSignature)
            var values: [String: ConfigValue] = [:]
            for p in own.parameters where p.name != "learning_rate" && p.name != "weight_decay" {
                switch p.defaultValue {
                case .float(let d)?: values[p.name] = .double(d)
                case .bool(let b)?: values[p.name] = .bool(b)
                default: XCTFail("\(kind.kerasName).\(p.name) has no literal default")
                }
            }
            let fromSignature = try kind.init(configuration: KerasConfiguration(kind.kerasName, values))
            XCTAssertEqual(fromSignature.configuration, (byString as? any KerasOptimizer)?.configuration, kind.kerasName)
            guard case .float(let rate)? = own.parameter("learning_rate")?.defaultValue else { return XCTFail("learning_rate") }
            XCTAssertEqual(byString.learningRate, rate, kind.kerasName)
            let saved = try JSONDecoder().decode(OptimizerConfig.self, from: try JSONEncoder().encode(try OptimizerConfig(byString)))
            let reloaded = try saved.makeOptimizer()
            XCTAssertTrue(type(of: reloaded) == kind)
            XCTAssertEqual(try OptimizerConfig(reloaded), try OptimizerConfig(byString))
        }
        XCTAssertThrowsError(try Optimizers.named("adamm")) { XCTAssertTrue("\($0)".contains("Did you mean 'adam'?"), "\($0)") }
    }
}

/// An optimizer's configuration as a lesson sees it, with Keras 3.15's keys and values.
final class OptimizerConfigTests: XCTestCase {
    func testGetConfigMatchesKerasAndFromConfigRebuildsTheOptimizer() throws {
        let out = try lessonOutput("""
        from tensorflow import keras
        c = keras.optimizers.Adam(learning_rate=0.01, clipnorm=1.0).get_config()
        print({k: c[k] for k in ['name', 'learning_rate', 'weight_decay', 'clipnorm', 'global_clipnorm', 'clipvalue']})
        print(list(c)[6:])
        print(keras.optimizers.RMSprop().get_config()['name'], keras.optimizers.SGD(momentum=0.9).get_config()['momentum'])
        again = keras.optimizers.Adam.from_config(c)
        print(type(again).__name__, again.get_config() == c)
        """)
        XCTAssertEqual(out, """
        {'name': 'adam', 'learning_rate': 0.009999999776482582, 'weight_decay': None, 'clipnorm': 1.0, 'global_clipnorm': None, 'clipvalue': None}
        ['use_ema', 'ema_momentum', 'ema_overwrite_frequency', 'loss_scale_factor', 'gradient_accumulation_steps', 'beta_1', 'beta_2', 'epsilon', 'amsgrad']
        rm_sprop 0.9
        Adam True

        """)
    }
}
