import Foundation

extension Harness {
    /// Judges the deliveries in a capture file against `suite`, as `hookcheck check` does.
    /// - Parameters:
    ///   - suite: the suite whose profile and cases the deliveries must follow.
    ///   - captures: the capture file (JSON Lines) written by `hookcheck listen` or ``listen(_:secrets:configuration:)``.
    ///   - secrets: secrets by environment-variable name, as for ``run(_:target:secrets:options:)``.
    ///   - url: the URL the provider signs over, for `{url}` schemes (default: the suite's target, else
    ///     `http://` + Host + request target).
    /// - Returns: the results, one per case and check.
    /// - Throws: ``HarnessError`` when the secret is missing or the capture file cannot be read.
    public static func check(
        _ suite: Suite, captures: URL, secrets: [String: String] = [:], url: String? = nil
    ) async throws(HarnessError) -> Outcome {
        try await check([suite], captures: captures, secrets: secrets, url: url)
    }

    /// Judges the deliveries in a capture file against several suites (each delivery is routed to its
    /// suite), as `hookcheck check SUITE...` does, and writes the reports when `reports` is given.
    /// - Parameters:
    ///   - suites: the suites.
    ///   - captures: the capture file.
    ///   - secrets: secrets by environment-variable name, found by ``SecretLookup``'s precedence.
    ///   - lookup: the variable that overrides each suite's own (`--secret-env`), if any.
    ///   - url: the URL the provider signs over, for `{url}` schemes.
    ///   - reports: where to write JUnit, Markdown and JSON reports (`nil`: none).
    ///   - environment: read for GitHub annotations and step summaries.
    /// - Throws: ``HarnessError`` when a secret is missing, the capture file cannot be read or a report
    ///   cannot be written.
    public static func check(
        _ suites: [Suite], captures: URL, secrets: [String: String] = [:], lookup: SecretLookup = SecretLookup(),
        url: String? = nil, reports: ReportDestinations? = nil, environment: [String: String] = [:]
    ) async throws(HarnessError) -> Outcome {
        var plans: [SuitePlan] = []
        for suite in suites {
            plans.append(SuitePlan(suite: suite, target: "", secret: try lookup.secret(for: suite, in: secrets)))
        }
        let outcome = try await judge(plans, captures: captures, url: url)
        if let reports { try writeReports(outcome, to: reports, environment: environment) }
        return outcome
    }

    /// Judges the deliveries in `captures` against `plans` (their suites and resolved secrets); the
    /// run's duration counts from `startedAt` (default: now), e.g. when listening began.
    /// - Throws: ``HarnessError/captureFile(_:)`` when the capture file cannot be read.
    public static func judge(
        _ plans: [SuitePlan], captures: URL, url: String? = nil, startedAt: Date? = nil,
        now: @Sendable () -> Date = { Date() }
    ) async throws(HarnessError) -> Outcome {
        let startedAt = startedAt ?? now()
        let results: [SuiteResult]
        do {
            // The async checker runs on a thread of its own, so a cooperative thread is never blocked.
            results = try await Checker.check(
                capturesAt: captures.path, suites: plans.map(\.suite), secrets: plans.map(\.secret),
                options: CheckOptions(url: url, source: captures.path))
        } catch {
            throw .captureFile(error.description)
        }
        let run = RunResult(
            suites: results, startedAt: startedAt, duration: .seconds(max(0, now().timeIntervalSince(startedAt))),
            source: captures.path, hostname: HostName.current)
        return Outcome(run: run, plans: plans)
    }
}
