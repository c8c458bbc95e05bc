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
    ) throws(HarnessError) -> Outcome {
        let secret = try self.secret(for: suite, in: secrets)
        let startedAt = Date()
        let results: [SuiteResult]
        do {
            results = try Checker.check(
                capturesAt: captures.path, suites: [suite], secrets: [secret],
                options: CheckOptions(url: url, source: captures.path))
        } catch {
            throw .captureFile(error.description)
        }
        return Outcome(
            run: RunResult(
                suites: results, startedAt: startedAt, duration: .seconds(Date().timeIntervalSince(startedAt)),
                source: captures.path))
    }
}
