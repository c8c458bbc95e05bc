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

    /// The probes reported for the suite: the suite's own list when it names one (a probe named there that
    /// cannot apply is reported as skipped), else every probe of docs/architecture.md's "Probes" table that the profile does not
    /// rule out (one whose expectation it leaves open, such as a tolerated future timestamp, is skipped).
    public var probes: [ProbeKind] {
        guard namesDefaultProbes else { return suite.probes }
        return suite.profile.reportedProbes.filter { !suite.profile.isInapplicable($0) }
    }

    /// The probes of docs/architecture.md's "Probes" table that can never apply to the suite's profile, grouped by reason, when
    /// the suite names no probes of its own; reports name them once per suite instead of as results.
    public var notApplicable: [InapplicableProbes] {
        guard namesDefaultProbes else { return [] }
        let profile = suite.profile
        var groups: [InapplicableProbes] = []
        for probe in profile.reportedProbes where profile.isInapplicable(probe) {
            let reason = profile.skipReason(for: probe) ?? ""
            if let index = groups.firstIndex(where: { $0.reason == reason }) {
                groups[index].checks.append(probe.rawValue)
            } else {
                groups.append(InapplicableProbes(checks: [probe.rawValue], reason: reason))
            }
        }
        return groups
    }

    /// Whether the suite leaves its probes to the profile.
    private var namesDefaultProbes: Bool { suite.probes == suite.profile.supportedProbes }
}
