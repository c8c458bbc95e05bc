import Foundation

/// Everything one run of the harness judged, and the figures the reports print about it.
/// Writers read the clock and hostname from here only, so a fixed value renders identically.
public struct RunResult: Sendable, Hashable {
    /// The suites, in the order they ran.
    public var suites: [SuiteResult]
    /// When the run started.
    public var startedAt: Date
    /// Wall-clock time of the run.
    public var duration: Duration
    /// The target URL (`run`) or capture file (`check`) the run judged.
    public var source: String
    /// The harness version (`HookCheck.version`).
    public var harnessVersion: String
    /// The machine that ran the harness (`localhost` when unknown).
    public var hostname: String
    /// Latencies for the p50/p95/p99 figures; when empty, the latencies of every attempt that
    /// received a response are used.
    public var latencySamples: [Duration] { didSet { sampledLatency = LatencyPercentiles(latencySamples) } }
    /// The percentiles of `latencySamples`, worked out once: each report asks, and a long run has
    /// hundreds of thousands of samples.
    private var sampledLatency: LatencyPercentiles?

    /// Creates a run result.
    public init(
        suites: [SuiteResult], startedAt: Date, duration: Duration, source: String,
        harnessVersion: String = HookCheck.version, hostname: String = "localhost", latencySamples: [Duration] = []
    ) {
        self.suites = suites
        self.startedAt = startedAt
        self.duration = duration
        self.source = source
        self.harnessVersion = harnessVersion
        self.hostname = hostname.isEmpty ? "localhost" : hostname
        self.latencySamples = latencySamples
        sampledLatency = LatencyPercentiles(latencySamples)
    }

    /// Every result, suite by suite.
    public var results: [CaseResult] { suites.flatMap(\.results) }

    /// The number of results with `status`.
    public func count(_ status: ResultStatus) -> Int {
        suites.reduce(0) { $0 + $1.count(status) }
    }

    /// The number of passed results.
    public var passed: Int { count(.passed) }
    /// The number of failed results.
    public var failed: Int { count(.failed) }
    /// The number of results the harness could not judge.
    public var errors: Int { count(.error) }
    /// The number of skipped results.
    public var skipped: Int { count(.skipped) }
    /// The number of results.
    public var total: Int { suites.reduce(0) { $0 + $1.results.count } }

    /// The failed and error results with their suites, in run order.
    public var failedResults: [(suite: SuiteResult, result: CaseResult)] {
        suites.flatMap { suite in suite.results.filter(\.isFailure).map { (suite, $0) } }
    }

    /// One line for logs and tests: `hookcheck: 41 passed, 2 failed, 0 errors, 3 skipped`.
    public var summary: String {
        "hookcheck: \(passed) passed, \(failed) failed, \(errors) \(errors == 1 ? "error" : "errors"), \(skipped) skipped"
    }

    /// The process exit status: 0 when nothing failed or errored, 1 otherwise.
    public var exitStatus: Int32 {
        failed == 0 && errors == 0 ? 0 : 1
    }

    /// The latency percentiles, or `nil` when there is no sample.
    public var latency: LatencyPercentiles? {
        guard latencySamples.isEmpty else { return sampledLatency }
        return LatencyPercentiles(results.flatMap(\.attempts).filter { $0.status != nil }.map(\.latency))
    }
}
