import Foundation

/// The harness as library calls, for `swift test` suites: ``run(_:target:secrets:options:)`` plays
/// the provider against your receiver, ``check(_:captures:secrets:url:)`` judges captured
/// deliveries, and ``listen(_:secrets:configuration:)`` captures a sender's deliveries in-process.
///
/// ```swift
/// let suite = try Suite.load(from: URL(filePath: "Suites/cryptlex.json"))
/// let outcome = try await Harness.run(suite, target: URL(string: "http://127.0.0.1:8080/hooks")!,
///                                     secrets: ["CRYPTLEX_WEBHOOK_SECRET": "s3cr3t"])
/// #expect(outcome.failed.isEmpty, "\(outcome.summary)")
/// ```
public enum Harness {
    /// What a library run or check judged; prints as its ``summary``.
    public struct Outcome: Sendable, CustomStringConvertible {
        /// Every result, with the run's figures.
        public var run: RunResult
        /// The failed and error results, in suite order.
        public var failed: [CaseResult] { run.failedResults.map(\.result) }
        /// `hookcheck: 41 passed, 2 failed, 0 errors, 3 skipped`, then one line per failed result.
        public var summary: String {
            ([run.summary] + failed.map { "\($0.name): \($0.message)" }).joined(separator: "\n")
        }

        public var description: String { summary }

        /// Wraps a run.
        public init(run: RunResult) {
            self.run = run
        }
    }

    /// Sends every case and probe of `suite` to `target` and judges the answers.
    /// - Parameters:
    ///   - suite: the suite.
    ///   - target: the receiver URL.
    ///   - secrets: secrets by environment-variable name: the suite's `{"env": NAME}`, else
    ///     `HOOKCHECK_SECRET` (an inline suite secret needs none).
    ///   - options: concurrency, repeat, timeout, selection.
    /// - Throws: ``HarnessError`` when the secret the suite needs is not in `secrets`.
    public static func run(
        _ suite: Suite, target: URL, secrets: [String: String] = [:], options: SendOptions = SendOptions()
    ) async throws(HarnessError) -> Outcome {
        let secret = try self.secret(for: suite, in: secrets)
        let plan = SuitePlan(suite: suite, target: target.absoluteString, secret: secret)
        return Outcome(run: await SendRunner(options: options).run([plan]))
    }

    /// The secret `suite` verifies or signs with, by ``SecretLookup``'s precedence.
    static func secret(for suite: Suite, in secrets: [String: String]) throws(HarnessError) -> String {
        try SecretLookup().secret(for: suite, in: secrets)
    }
}

/// Why a library run could not start.
public enum HarnessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The secret the suite names is not among the secrets given.
    case missingSecret(variable: String, suite: String)
    /// The capture file cannot be read or written.
    case captureFile(String)
    /// The listener could not start (port in use, capture file unwritable).
    case cannotListen(String)

    public var description: String {
        switch self {
        case .missingSecret(let variable, let suite):
            "suite '\(suite)' needs the secret \(variable), which is not among the secrets given"
        case .captureFile(let reason): reason
        case .cannotListen(let reason): "cannot listen: \(reason)"
        }
    }
}
