import Engine
import Script
import Tensor

/// `keras.layers.RandomFlip`, `RandomTranslation`, `RandomRotation`, `RandomZoom` and
/// `RandomContrast`, with Keras 3's arguments and defaults, bound to the engine's layers.
enum KerasAugmentationLayers {
    static func members() -> [(String, Value)] {
        [
            layer("RandomFlip", ["mode", "seed", "data_format", "name"]) { s in
                let text = try s.value(0)?.string("mode") ?? RandomFlip.Mode.horizontalAndVertical.rawValue
                guard let mode = RandomFlip.Mode(rawValue: text) else {
                    throw ScriptError.value("RandomFlip layer mode must be one of \(RandomFlip.Mode.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")). Received: mode='\(text)'")
                }
                return RandomFlip(mode: mode, seed: try seed(s.value(1)), name: try s.value(3)?.string("name"))
            },
            layer("RandomTranslation", ["height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format", "name"], required: 2) { s in
                try engineCall {
                    try RandomTranslation(heightFactor: try factor(s[0], "height_factor"), widthFactor: try factor(s[1], "width_factor"),
                                          fillMode: try fillMode(s.value(2)), interpolation: try interpolation(s.value(3)),
                                          seed: try seed(s.value(4)), fillValue: try s.value(5)?.double("fill_value") ?? 0,
                                          name: try s.value(7)?.string("name"))
                }
            },
            layer("RandomRotation", ["factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format", "name"], required: 1) { s in
                try engineCall {
                    try RandomRotation(factor: try factor(s[0], "factor"), fillMode: try fillMode(s.value(1)),
                                       interpolation: try interpolation(s.value(2)), seed: try seed(s.value(3)),
                                       fillValue: try s.value(4)?.double("fill_value") ?? 0, name: try s.value(6)?.string("name"))
                }
            },
            layer("RandomZoom", ["height_factor", "width_factor", "fill_mode", "interpolation", "seed", "fill_value", "data_format", "name"], required: 1) { s in
                try engineCall {
                    try RandomZoom(heightFactor: try factor(s[0], "height_factor"), widthFactor: try s.value(1).map { try factor($0, "width_factor") },
                                   fillMode: try fillMode(s.value(2)), interpolation: try interpolation(s.value(3)),
                                   seed: try seed(s.value(4)), fillValue: try s.value(5)?.double("fill_value") ?? 0,
                                   name: try s.value(7)?.string("name"))
                }
            },
            layer("RandomContrast", ["factor", "value_range", "seed", "data_format", "name"], required: 1) { s in
                // Keras 3 keeps a single factor f as (max(-f, 0), f) = (0, f), a pair sorted.
                let (lower, upper): (Double, Double)
                switch s[0] ?? .none {
                case .list, .tuple:
                    let pair = try (s[0] ?? .none).sequence("factor").map { try $0.double("factor") }
                    guard pair.count == 2 else { throw ScriptError.value("The `factor` argument should be a number (or a list of two numbers) in the range [0, 1]. Received: factor=\(pair)") }
                    (lower, upper) = (pair.min() ?? 0, pair.max() ?? 0)
                case let v:
                    let f = try v.double("factor")
                    guard f >= 0 && f <= 1 else { throw ScriptError.value("The `factor` argument should be a number (or a list of two numbers) in the range [0, 1]. Received: factor=\(f)") }
                    (lower, upper) = (0, f)
                }
                var range = (low: 0.0, high: 255.0)
                if let v = s.value(1) {
                    let bounds = try v.sequence("value_range").map { try $0.double("value_range") }
                    guard bounds.count == 2 else { throw ScriptError.value("value_range must be a tuple (low, high). Received: value_range=\(bounds)") }
                    range = (bounds[0], bounds[1])
                }
                return try engineCall {
                    try RandomContrast(lower: lower, upper: upper, valueRange: range, seed: try seed(s.value(2)), name: try s.value(4)?.string("name"))
                }
            },
        ]
    }

    /// A layer constructor: binds the arguments (any layer may also take `input_shape=`, which
    /// starts the model with an Input of that shape) and refuses channels-first data.
    private static func layer(_ name: String, _ parameters: [String], required: Int = 0,
                              _ make: @escaping ([Value?]) throws -> any Layer) -> (String, Value) {
        (name, .object(BuiltinFunction(name) { args, _ in
            var rest = args
            var inputShape: [Int]?
            if let v = args.keyword("input_shape") { inputShape = try v.sequence("input_shape").map { try $0.int("input_shape") } }
            rest.keywords.removeAll { $0.name == "input_shape" }
            let build = {
                let s = try rest.bind(name, parameters, required: required)
                if let i = parameters.firstIndex(of: "data_format"), let format = try s.value(i)?.string("data_format"), format != "channels_last" {
                    throw ScriptError.notImplemented("\(name) works on channels-last images (height, width, channels); data_format='\(format)' is not supported")
                }
                return try make(s)
            }
            let object = LayerObject(try build(), kind: name, rebuild: build)
            object.inputShape = inputShape
            return .object(object)
        }))
    }

    /// Keras' factor argument: a number f for [-|f|, |f|], or a pair (lower, upper).
    static func factor(_ v: Value?, _ argument: String) throws -> FactorRange {
        switch v ?? .none {
        case .list, .tuple:
            let pair = try (v ?? .none).sequence(argument).map { try $0.double(argument) }
            guard pair.count == 2 else {
                throw ScriptError.value("The `\(argument)` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. Received: \(argument)=\(pair)")
            }
            return FactorRange(lower: pair[0], upper: pair[1])
        case let other:
            return FactorRange(symmetric: try other.double(argument))
        }
    }

    static func fillMode(_ v: Value?) throws -> ImageFillMode {
        let text = try v?.string("fill_mode") ?? "reflect"
        guard let mode = ImageFillMode(rawValue: text) else {
            throw ScriptError.notImplemented("Unknown `fill_mode` \(text). Expected of one ('reflect', 'wrap', 'constant', 'nearest').")
        }
        return mode
    }

    static func interpolation(_ v: Value?) throws -> ImageInterpolation {
        let text = try v?.string("interpolation") ?? "bilinear"
        guard let mode = ImageInterpolation(rawValue: text) else {
            throw ScriptError.notImplemented("Unknown `interpolation` \(text). Expected of one ('nearest', 'bilinear').")
        }
        return mode
    }

    static func seed(_ v: Value?) throws -> Int? {
        try v?.int("seed")
    }
}
