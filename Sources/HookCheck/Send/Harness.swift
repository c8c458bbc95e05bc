import Foundation

/// `hookcheck run` as a library call, for `swift test` suites:
///
/// ```swift
/// let suite = try Suite.load(from: URL(filePath: "Suites/cryptlex.json"))
/// let outcome = try await Harness.run(suite, target: URL(string: "http://127.0.0.1:8080/hooks")!,
///                                     secrets: ["CRYPTLEX_WEBHOOK_SECRET": "s3cr3t"])
/// #expect(outcome.failed.isEmpty, "\(outcome.summary)")
/// ```
public enum Harness {
    /// What a library run judged.
    public struct Outcome: Sendable {
        /// Every result, with the run's figures.
        public var run: RunResult
        /// The failed and error results, in suite order.
        public var failed: [CaseResult] { run.failedResults.map(\.result) }
        /// `hookcheck: 41 passed, 2 failed, 0 errors, 3 skipped`, then one line per failed result.
        public var summary: String {
            ([run.summary] + failed.map { "\($0.name): \($0.message)" }).joined(separator: "\n")
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
        let secret: String
        switch (suite.profile.scheme, suite.secret) {
        case (.none, _):
            secret = ""
        case (_, .inline(let value)):
            secret = value.value
        case (_, .environment(let name)):
            guard let value = secrets[name] else { throw .missingSecret(variable: name, suite: suite.name) }
            secret = value
        case (_, nil):
            guard let value = secrets[SecretOption.defaultVariable] else {
                throw .missingSecret(variable: SecretOption.defaultVariable, suite: suite.name)
            }
            secret = value
        }
        let plan = SuitePlan(suite: suite, target: target.absoluteString, secret: secret)
        return Outcome(run: await SendRunner(options: options).run([plan]))
    }
}

/// Why a library run could not start.
public enum HarnessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The secret the suite names is not among the secrets given.
    case missingSecret(variable: String, suite: String)

    public var description: String {
        switch self {
        case .missingSecret(let variable, let suite):
            "suite '\(suite)' needs the secret \(variable), which is not among the secrets given"
        }
    }
}
