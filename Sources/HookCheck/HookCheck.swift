/// HookCheck: the webhook conformance library — suites, profiles, signature schemes, sending,
/// capturing, checking and reports.
public enum HookCheck {
    /// The harness version written into every report.
    public static let version = "0.1.0"
}
