import HookCheck

/// The process exit codes of `hookcheck` (docs/architecture.md "Command line").
public enum ExitCode: Int32, Sendable, Hashable {
    /// Every result passed (or the command did what was asked).
    case success = 0
    /// A result failed (a check, a probe, a signature verification).
    case failure = 1
    /// A usage or suite error: nothing ran.
    case usageError = 2
    /// The environment stopped the run: port in use, capture file unwritable.
    case environmentError = 3
}
