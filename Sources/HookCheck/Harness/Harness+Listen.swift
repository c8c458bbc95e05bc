import Foundation

extension Harness {
    /// A listener capturing deliveries in-process; ``finish()`` stops it and checks what it captured.
    public struct Listening: Sendable {
        private let listener: Listener
        private let suite: Suite
        private let secret: String
        private let capturePath: String

        fileprivate init(listener: Listener, suite: Suite, secret: String, capturePath: String) {
            self.listener = listener
            self.suite = suite
            self.secret = secret
            self.capturePath = capturePath
        }

        /// Where to point the sender: `http://127.0.0.1:PORT/`.
        public var address: String { listener.address }
        /// The bound port.
        public var port: Int { listener.port }
        /// How many deliveries have been captured so far.
        public var capturedCount: Int { listener.capturedCount }
        /// Whether every case of the suite has been seen.
        public var isComplete: Bool { listener.isComplete }

        /// Stops listening (in-flight deliveries finish first) and checks the captures.
        /// - Throws: ``HarnessError/captureFile(_:)`` when the capture file cannot be read.
        public func finish() async throws(HarnessError) -> Outcome {
            await listener.stop()
            return try Harness.check(suite, captures: URL(fileURLWithPath: capturePath), secrets: [:], secret: secret)
        }
    }

    /// Starts capturing deliveries for `suite` on a loopback port, as `hookcheck listen` does:
    /// every delivery is appended to the capture file before it is answered per the respond plan.
    /// - Parameters:
    ///   - suite: the suite the sender is certified against.
    ///   - secrets: secrets by environment-variable name, as for ``run(_:target:secrets:options:)``.
    ///   - configuration: host and port (default `127.0.0.1`, ephemeral), capture file, respond plan.
    /// - Returns: the running listener; call ``Listening/finish()`` to stop and judge.
    /// - Throws: ``HarnessError`` when the secret is missing or the listener cannot start.
    public static func listen(
        _ suite: Suite, secrets: [String: String] = [:], configuration: Listener.Configuration
    ) async throws(HarnessError) -> Listening {
        let secret = try self.secret(for: suite, in: secrets)
        let listener = Listener(suites: [suite], configuration: configuration)
        do {
            try await listener.start()
        } catch {
            throw .cannotListen(error.description)
        }
        return Listening(listener: listener, suite: suite, secret: secret, capturePath: configuration.capturePath)
    }

    /// ``check(_:captures:secrets:url:)`` with the secret already resolved.
    fileprivate static func check(
        _ suite: Suite, captures: URL, secrets: [String: String], secret: String
    ) throws(HarnessError) -> Outcome {
        var named = secrets
        switch suite.secret {
        case .environment(let name): named[name] = secret
        case .inline, nil: named[SecretLookup.defaultVariable] = secret
        }
        return try check(suite, captures: captures, secrets: named)
    }
}
