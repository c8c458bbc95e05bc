extension EmbeddedReceiver {
    /// The built-in reference receiver as `run`'s embedded target.
    public static let reference: Launcher? = { routes in try await ReferenceReceiver.launch(routes) }
}
