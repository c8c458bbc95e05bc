extension Duration {
    /// The duration in seconds, as a `Double`.
    package var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
