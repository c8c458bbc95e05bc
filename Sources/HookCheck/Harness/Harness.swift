import Foundation

/// The harness as library calls, the one core under `hookcheck` (architecture: docs/architecture.md):
/// ``run(_:target:secrets:lookup:options:reports:environment:events:)`` does what `hookcheck run` does
/// (several suites, secrets, the built-in reference receiver, reports), ``check(_:captures:secrets:url:)``
/// judges captured deliveries, and ``listen(_:secrets:configuration:)`` captures a sender's deliveries
/// in-process.
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
        /// The suites as sent or checked, with their targets and secrets.
        public var plans: [SuitePlan]
        /// The failed and error results, in suite order.
        public var failed: [CaseResult] { run.failedResults.map(\.result) }
        /// `hookcheck: 41 passed, 2 failed, 0 errors, 3 skipped`, then one line per failed result.
        public var summary: String {
            ([run.summary] + failed.map { "\($0.name): \($0.message)" }).joined(separator: "\n")
        }

        public var description: String { summary }

        /// What reports must hide: the plans' secrets and their profiles' authentication headers.
        public var redactor: Redactor {
            Redactor(
                headerNames: plans.flatMap(\.suite.profile.scheme.authenticationHeaders),
                secrets: plans.map(\.secret).filter { !$0.isEmpty })
        }

        /// Wraps a run of `plans`.
        public init(run: RunResult, plans: [SuitePlan] = []) {
            self.run = run
            self.plans = plans
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
        return try await send(
            [SuitePlan(suite: suite, target: target.absoluteString, secret: secret)], options: options)
    }

    /// The secret `suite` verifies or signs with, by ``SecretLookup``'s precedence.
    static func secret(for suite: Suite, in secrets: [String: String]) throws(HarnessError) -> String {
        try SecretLookup().secret(for: suite, in: secrets)
    }
}
