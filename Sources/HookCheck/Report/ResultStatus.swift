/// The verdict of one judged check.
public enum ResultStatus: String, Sendable, Hashable, CaseIterable {
    /// The receiver or provider did what the check expects.
    case passed
    /// The receiver or provider did something the check forbids.
    case failed
    /// The harness could not judge (for example the connection was refused).
    case error
    /// The check was not run; the result's message says why.
    case skipped
}
