/// One judged check: a probe sent for a case, or a check made on captured deliveries. It becomes
/// one JUnit `<testcase>`.
public struct CaseResult: Sendable, Hashable {
    /// The suite case this result belongs to, e.g. `license created`.
    public var caseName: String
    /// The probe or check, e.g. `bad-signature` or `signature verifies`.
    public var check: String
    /// The verdict.
    public var status: ResultStatus
    /// Why the result has its status: the failure, the error, or the reason for a skip.
    public var message: String
    /// What the check expected, when it compares values.
    public var expected: String?
    /// What the check found instead.
    public var found: String?
    /// How long judging took, attempts included.
    public var duration: Duration
    /// The HTTP exchanges behind the verdict, in order.
    public var attempts: [DeliveryAttempt]
    /// A warning on a passed result (e.g. an unknown event type); reports show it beside the pass.
    public var warning: String?
    /// The line of the case in the suite file, when known (for annotations).
    public var line: Int?
    /// The name of the failed result this failure most likely follows from (`license created · valid` for
    /// the case's `replay`), or `nil` when it is a root cause of its own. Reports list root causes first.
    public var rootCause: String?

    /// Creates a result.
    public init(
        caseName: String, check: String, status: ResultStatus, message: String = "", expected: String? = nil,
        found: String? = nil, duration: Duration = .zero, attempts: [DeliveryAttempt] = [], warning: String? = nil,
        line: Int? = nil, rootCause: String? = nil
    ) {
        self.caseName = caseName
        self.check = check
        self.status = status
        self.message = message
        self.expected = expected
        self.found = found
        self.duration = duration
        self.attempts = attempts
        self.warning = warning
        self.line = line
        self.rootCause = rootCause
    }

    /// The stable display name, `<case> · <check>`.
    public var name: String {
        check.isEmpty ? caseName : "\(caseName) · \(check)"
    }

    /// Whether the result counts against the run (failed or error).
    public var isFailure: Bool {
        status == .failed || status == .error
    }
}
