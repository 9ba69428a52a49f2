extension Duration {
    /// The duration in seconds, as Python's clocks report time.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
