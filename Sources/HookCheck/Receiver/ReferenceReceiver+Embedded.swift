extension ReferenceReceiver: EmbeddedReceiver.Running {
    /// Stops serving (``shutdown(gracePeriod:)`` with its default grace period).
    public func stop() async {
        await shutdown()
    }

    /// Starts a correct reference receiver serving `routes` on an ephemeral loopback port: `run`'s
    /// target when none is given.
    public static func launch(_ routes: [EmbeddedReceiver.Route]) async throws -> any EmbeddedReceiver.Running {
        let receiver = ReferenceReceiver(
            routes: routes.map { ReceiverRoute(path: $0.path, profile: $0.profile, secret: $0.secret) })
        try await receiver.start()
        return receiver
    }
}
