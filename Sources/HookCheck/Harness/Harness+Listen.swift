import Foundation

extension Harness {
    /// A listener capturing deliveries in-process; ``finish()`` stops it and checks what it captured.
    public struct Listening: Sendable {
        private let listener: Listener
        private let plans: [SuitePlan]
        private let capturePath: String

        fileprivate init(listener: Listener, plans: [SuitePlan], capturePath: String) {
            self.listener = listener
            self.plans = plans
            self.capturePath = capturePath
        }

        /// Where to point the sender: `http://127.0.0.1:PORT/`.
        public var address: String { listener.address }
        /// The bound port.
        public var port: Int { listener.port }
        /// How many deliveries have been captured so far.
        public var capturedCount: Int { listener.capturedCount }
        /// Whether every case of the suites has been seen.
        public var isComplete: Bool { listener.isComplete }

        /// Stops listening (in-flight deliveries finish first) and checks the captures.
        /// - Throws: ``HarnessError/captureFile(_:)`` when the capture file cannot be read.
        public func finish() async throws(HarnessError) -> Outcome {
            await listener.stop()
            return try await Harness.judge(plans, captures: URL(fileURLWithPath: capturePath))
        }
    }

    /// Starts capturing deliveries for `suite` on a loopback port, as `hookcheck listen` does.
    /// - Throws: ``HarnessError`` when the secret is missing or the listener cannot start.
    public static func listen(
        _ suite: Suite, secrets: [String: String] = [:], configuration: Listener.Configuration
    ) async throws(HarnessError) -> Listening {
        try await listen([suite], secrets: secrets, configuration: configuration)
    }

    /// Starts capturing deliveries for `suites` on a loopback port, as `hookcheck listen SUITE...` does:
    /// every delivery is appended to the capture file before it is answered per the respond plan.
    /// - Parameters:
    ///   - suites: the suites the sender is certified against.
    ///   - secrets: secrets by environment-variable name, found by ``SecretLookup``'s precedence.
    ///   - lookup: the variable that overrides each suite's own (`--secret-env`), if any.
    ///   - configuration: host and port (default `127.0.0.1`, ephemeral), capture file, respond plan.
    /// - Returns: the running listener; call ``Listening/finish()`` to stop and judge, or use
    ///   ``withListener(_:secrets:lookup:configuration:_:)`` so it cannot outlive its scope.
    /// - Throws: ``HarnessError`` when a secret is missing or the listener cannot start.
    public static func listen(
        _ suites: [Suite], secrets: [String: String] = [:], lookup: SecretLookup = SecretLookup(),
        configuration: Listener.Configuration
    ) async throws(HarnessError) -> Listening {
        var plans: [SuitePlan] = []
        for suite in suites {
            plans.append(SuitePlan(suite: suite, target: "", secret: try lookup.secret(for: suite, in: secrets)))
        }
        let listener = Listener(suites: suites, configuration: configuration)
        do {
            try await listener.start()
        } catch {
            throw .cannotListen(error.description)
        }
        return Listening(listener: listener, plans: plans, capturePath: configuration.capturePath)
    }

    /// Listens for `suites` while `body` runs with the listener's address, then stops and checks the
    /// captures: the listener cannot outlive the scope, even when `body` throws.
    /// - Returns: what `body` returned and the check of what was captured.
    public static func withListener<Result: Sendable>(
        _ suites: [Suite], secrets: [String: String] = [:], lookup: SecretLookup = SecretLookup(),
        configuration: Listener.Configuration, _ body: (_ address: String) async throws -> Result
    ) async throws -> (result: Result, outcome: Outcome) {
        let listening = try await listen(suites, secrets: secrets, lookup: lookup, configuration: configuration)
        let result: Result
        do {
            result = try await body(listening.address)
        } catch {
            _ = try? await listening.finish()
            throw error
        }
        return (result, try await listening.finish())
    }
}
