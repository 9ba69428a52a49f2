/// Keras' `LambdaCallback`: closures run at the start and end of training and
/// after each epoch, for quick custom behaviour (the lesson's own code).
public final class LambdaCallback: Callback {
    public let onTrainBegin: ((Sequential) -> Void)?
    public let onEpochEnd: ((Int, EpochLogs) -> Void)?
    public let onTrainEnd: ((Sequential) -> Void)?

    public init(
        onTrainBegin: ((Sequential) -> Void)? = nil,
        onEpochEnd: ((Int, EpochLogs) -> Void)? = nil,
        onTrainEnd: ((Sequential) -> Void)? = nil
    ) {
        self.onTrainBegin = onTrainBegin
        self.onEpochEnd = onEpochEnd
        self.onTrainEnd = onTrainEnd
    }

    public func trainingWillBegin(model: Sequential) { onTrainBegin?(model) }

    public func epochDidEnd(_ epoch: Int, logs: inout EpochLogs, model: Sequential, log: (String) -> Void) -> Bool {
        onEpochEnd?(epoch, logs)
        return false
    }

    public func trainingDidEnd(model: Sequential, log: (String) -> Void) { onTrainEnd?(model) }
}
