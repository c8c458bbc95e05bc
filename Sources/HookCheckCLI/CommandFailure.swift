import HookCheck

/// An error a command throws to stop with a message and an exit code, without the usage text
/// that a ``CLIError`` brings. The message is printed as `error: <message>` on stderr.
public struct CommandFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, lowercase, quoting the bad value (never a secret).
    public var message: String
    /// The exit code to stop with.
    public var exitCode: ExitCode

    /// Creates a failure with a message and an exit code.
    public init(_ message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Bad input (a suite, a body, an unset secret variable): nothing ran; exit code 2.
    public static func invalidInput(_ message: String) -> CommandFailure {
        CommandFailure(message, exitCode: .usageError)
    }

    /// The environment stopped the command (port in use, file unwritable); exit code 3.
    public static func environment(_ message: String) -> CommandFailure {
        CommandFailure(message, exitCode: .environmentError)
    }

    public var description: String { message }
}
