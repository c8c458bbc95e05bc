/// One suite ready to send: where to, and with which secret.
public struct SuitePlan: Sendable {
    /// The suite.
    public var suite: Suite
    /// The receiver URL the suite's deliveries go to.
    public var target: String
    /// The secret (or token) the receiver shares; empty for `none` profiles.
    public var secret: String
    /// The suite file as named on the command line, for reports.
    public var file: String?

    /// Creates a plan; `file` defaults to the suite's own file path.
    public init(suite: Suite, target: String, secret: String, file: String? = nil) {
        self.suite = suite
        self.target = target
        self.secret = secret
        self.file = file ?? suite.file?.path
    }

    /// The probes reported for the suite: the suite's own list when it names one, else every probe of
    /// docs/architecture.md's "Probes" table for the profile, the inapplicable ones to be reported as skipped.
    public var probes: [ProbeKind] {
        suite.probes == suite.profile.supportedProbes ? suite.profile.reportedProbes : suite.probes
    }
}
