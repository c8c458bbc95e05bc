/// Checks that can never apply to a suite's profile, and why: `bad-signature` and `missing-signature`,
/// because "clarityflow has no signature". Reports name them once per suite instead of as results.
public struct InapplicableProbes: Sendable, Hashable {
    /// The probe or check names, in report order.
    public var checks: [String]
    /// Why none of them applies, naming the profile.
    public var reason: String

    /// Creates a group.
    public init(checks: [String], reason: String) {
        self.checks = checks
        self.reason = reason
    }

    /// One line for every group of a suite: `not applicable: bad-signature, missing-signature (clarityflow has
    /// no signature); stale-timestamp (clarityflow signs no timestamp)`, or `nil` when there is none.
    public static func summary(_ groups: [InapplicableProbes]) -> String? {
        guard !groups.isEmpty else { return nil }
        return "not applicable: "
            + groups.map { "\($0.checks.joined(separator: ", ")) (\($0.reason))" }.joined(separator: "; ")
    }
}
