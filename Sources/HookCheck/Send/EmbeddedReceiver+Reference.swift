extension EmbeddedReceiver {
    /// The built-in reference receiver as `run`'s embedded target, when the library has one.
    public static let reference: Launcher? = nil
}
