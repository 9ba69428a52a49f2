import Lesson

/// What a lesson reports while it runs, block by block: the child process of `lectern render`
/// turns these into events for its parent, so progress shows live and a lesson that is stopped
/// from outside still has the blocks it finished.
public protocol RunObserver: AnyObject {
    /// Block `index` (0-based) of `count` is about to run.
    func blockWillRun(index: Int, count: Int, block: ExperimentBlock)
    /// Text the block printed, as it is printed.
    func textWritten(_ text: String)
    /// A training epoch ended inside the running block.
    func epochEnded(_ epoch: Int, of epochs: Int)
    /// Block `index` finished: its record and the PNGs of its figures (paths relative to the
    /// output folder, as the record names them).
    func blockDidRun(index: Int, record: BlockRecord, figures: [(path: String, png: [UInt8])])
}

extension RunObserver {
    public func blockWillRun(index: Int, count: Int, block: ExperimentBlock) {}
    public func textWritten(_ text: String) {}
    public func epochEnded(_ epoch: Int, of epochs: Int) {}
    public func blockDidRun(index: Int, record: BlockRecord, figures: [(path: String, png: [UInt8])]) {}
}
