import Foundation

/// The results of one suite, in suite order. It becomes one JUnit `<testsuite>`.
public struct SuiteResult: Sendable, Hashable {
    /// The suite's name (its `suite` key).
    public var name: String
    /// The suite file, as given on the command line, when there is one.
    public var file: String?
    /// The profile's name.
    public var profile: String
    /// The target URL (`run`) or capture source (`check`, `listen`).
    public var target: String
    /// When the suite started.
    public var startedAt: Date
    /// Wall-clock time of the suite; defaults to the sum of its results' durations.
    public var duration: Duration
    /// The results, in suite order.
    public var results: [CaseResult]
    /// The checks that can never apply to the profile, named once instead of as results.
    public var notApplicable: [InapplicableProbes]

    /// Creates a suite result; `duration` defaults to the sum of the results' durations.
    public init(
        name: String, file: String? = nil, profile: String, target: String, startedAt: Date,
        duration: Duration? = nil, results: [CaseResult], notApplicable: [InapplicableProbes] = []
    ) {
        self.name = name
        self.file = file
        self.profile = profile
        self.target = target
        self.startedAt = startedAt
        self.duration = duration ?? results.reduce(.zero) { $0 + $1.duration }
        self.results = results
        self.notApplicable = notApplicable
    }

    /// The number of results with `status`.
    public func count(_ status: ResultStatus) -> Int {
        results.count { $0.status == status }
    }
}
