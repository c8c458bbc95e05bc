import Foundation
import HookCheck

/// One `hookcheck` subcommand, declared as data (name, summary, options, positional arguments)
/// plus a `run` body. The framework parses the arguments against the declarations, answers
/// `--help`, renders usage errors, and maps the result to an exit code.
public protocol Command: Sendable {
    /// The name typed after `hookcheck`.
    var name: String { get }
    /// One line saying what the command does (lowercase, no final period).
    var summary: String { get }
    /// Further paragraphs of help, shown after the options (may be empty).
    var discussion: String { get }
    /// The options the command accepts (`--help` is added by the framework).
    var options: [OptionSpec] { get }
    /// The positional arguments the command accepts.
    var arguments: [ArgumentSpec] { get }
    /// Text appended to the usage line, such as `< body`.
    var usageSuffix: String { get }

    /// Runs the command with parsed arguments.
    /// - Returns: the exit code.
    /// - Throws: ``CLIError`` for a usage error found after parsing (a bad value: exit 2 with
    ///   usage), ``CommandFailure`` to stop with a message and its exit code; any other error is
    ///   printed and ends with exit code 2.
    func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode
}

extension Command {
    public var discussion: String { "" }
    public var arguments: [ArgumentSpec] { [] }
    public var usageSuffix: String { "" }
}

/// What a running command may use: the environment, stdin, stdout/stderr, and the clock.
public struct CommandContext: Sendable {
    /// The process environment (secrets are read from here, by name).
    public var environment: [String: String]
    /// Standard input.
    public var standardInput: StandardInput
    /// Standard output and error.
    public var console: Console
    /// The current time (injectable so tests can fix it).
    public var now: @Sendable () -> Date

    /// Creates a context.
    public init(
        environment: [String: String], standardInput: StandardInput, console: Console,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.standardInput = standardInput
        self.console = console
        self.now = now
    }
}
