import Foundation
import XCTest
import Engine
import Modules
import Script

/// The layer registry is the one list: every class in `LayerKinds.all` is importable under each
/// of its Keras names with its declared signature, builds from its declared defaults, and
/// survives a save and a reload with the same configuration.
final class LayerKindsTests: XCTestCase {
    /// Values for the parameters some layers require, by parameter name.
    static let required: [String: ConfigValue] = [
        "units": .int(3), "filters": .int(2), "kernel_size": .int(3), "rate": .double(0.25), "stddev": .double(0.1),
        "activation": .string("relu"), "target_shape": .list([.int(4)]), "height_factor": .double(0.1),
        "width_factor": .double(0.2), "factor": .double(0.1), "shape": .list([.int(4)]),
    ]

    static func configValue(_ literal: Signature.Literal) -> ConfigValue {
        switch literal {
        case .none, .absent: .none
        case .bool(let b): .bool(b)
        case .int(let n): .int(n)
        case .float(let d): .double(d)
        case .string(let s): .string(s)
        case .tuple(let items): .list(items.map(configValue))
        }
    }

    func testEveryLayerKindIsImportableBuildsFromItsDefaultsAndRoundTripsThroughAModelFile() throws {
        let layers = try XCTUnwrap(try LessonSession(seed: 0).registry.load("keras.layers"))
        var names: [String] = []
        for kind in LayerKinds.all {
            for name in kind.kerasNames {
                names.append(name)
                guard case .object(let f as BuiltinFunction)? = layers.members[name] else { return XCTFail("keras.layers.\(name) is missing") }
                XCTAssertEqual(f.signature?.name, kind.kerasNames[0], "an alias names the class by its first name")
            }
            let own = Signature(kind.kerasNames[0], kind.kerasSignature)
            var values: [String: ConfigValue] = [:]
            for p in own.parameters where p.kind != .varKeyword && p.kind != .varPositional {
                values[p.name] = Self.required[p.name] ?? p.defaultValue.map(Self.configValue)
                XCTAssertNotNil(values[p.name], "\(kind.kerasNames[0]) requires \(p.name); add a sample value")
            }
            let layer = try kind.init(configuration: KerasConfiguration(kind.kerasNames[0], name: "sample", values))
            let saved = try JSONDecoder().decode(SavedLayer.self, from: try JSONEncoder().encode(SavedLayer(layer)))
            XCTAssertEqual(saved.className, kind.kerasNames[0])
            let reloaded = try saved.makeLayer()
            XCTAssertTrue(type(of: reloaded) == kind, "\(kind.kerasNames[0]) reloads as \(type(of: reloaded))")
            XCTAssertEqual(try SavedLayer(reloaded), try SavedLayer(layer), kind.kerasNames[0])
            XCTAssertEqual(reloaded.name, "sample")
        }
        XCTAssertEqual(Set(names).count, names.count, "a Keras name given to two layer classes")
        XCTAssertGreaterThanOrEqual(names.count, 26)
    }

    func testAConfigurationWithAWrongTypeIsAValueErrorNamingTheArgument() throws {
        let c = KerasConfiguration("Dense", name: nil, ["units": .string("ten")])
        XCTAssertThrowsError(try Dense(configuration: c)) { error in
            XCTAssertEqual("\(error)", "Dense expects an integer for units. Received: units='ten'")
        }
        let unknown = Data(#"{"className": "Conv3D", "configuration": {"owner": "Conv3D", "values": {}}}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(SavedLayer.self, from: unknown).makeLayer()) { error in
            XCTAssertTrue("\(error)".contains("unknown layer class 'Conv3D'"), "\(error)")
        }
    }
}

/// A layer's configuration as a lesson sees it: `get_config()` in Keras 3's shape, and
/// `from_config` building the same layer again.
final class LayerConfigTests: XCTestCase {
    func testGetConfigListsTheArgumentsAndFromConfigRebuildsTheLayer() throws {
        let out = try lessonOutput("""
        from keras import layers, regularizers, constraints
        d = layers.Dense(4, activation='relu', kernel_regularizer=regularizers.l2(0.01), kernel_constraint=constraints.max_norm(3), name='hidden')
        c = d.get_config()
        print(c['name'], c['units'], c['activation'], c['use_bias'], c['trainable'])
        print(c['kernel_initializer']['class_name'], c['kernel_regularizer']['class_name'], c['kernel_regularizer']['config'])
        print(c['kernel_constraint']['config'])
        again = d.from_config(c)
        print(again.get_config() == c)
        conv = layers.Conv2D(8, 3, strides=2, padding='same')
        print(conv.get_config()['kernel_size'], conv.get_config()['strides'], conv.get_config()['padding'])
        print(sorted(layers.Dropout(0.3).get_config().keys()))
        copy = layers.Conv2D.from_config(conv.get_config())
        print(copy.get_config() == conv.get_config(), copy.name == conv.name)
        print([type(l).__name__ for l in [layers.MaxPool2D(), layers.Convolution2D(2, 3), layers.GlobalAvgPool2D()]])
        from keras import initializers
        print(initializers.HeNormal(seed=1).get_config(), regularizers.l1_l2(0.1, 0.2).get_config())
        print(type(initializers.RandomNormal.from_config({'mean': 1.0, 'stddev': 0.5, 'seed': None})).__name__)
        print(regularizers.L2.from_config({'l2': 0.3}).get_config())
        """)
        XCTAssertEqual(out, """
        hidden 4 relu True True
        GlorotUniform L2 {'l2': 0.01}
        {'max_value': 3.0, 'axis': 0}
        True
        (3, 3) (2, 2) same
        ['dtype', 'name', 'rate', 'trainable']
        True True
        ['MaxPooling2D', 'Conv2D', 'GlobalAveragePooling2D']
        {'seed': 1} {'l1': 0.1, 'l2': 0.2}
        RandomNormal
        {'l2': 0.3}

        """)
    }
}
