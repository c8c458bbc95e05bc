import Foundation
import HookCheck

/// The `hookcheck` command line, runnable in-process: the executable only forwards its
/// arguments, environment and streams here.
public enum HookCheckCLI {
    /// Every command, in the order help lists them.
    public static let commands: [any Command] = [
        RunCommand(), ReplayCommand(), ListenCommand(), CheckCommand(), ServeCommand(), ValidateCommand(),
        SignCommand(),
        VerifyCommand(), ProfilesCommand(), InitCommand(),
    ]

    /// The command called `name`, if any.
    public static func command(named name: String) -> (any Command)? {
        commands.first { $0.name == name }
    }

    /// Runs `hookcheck` with `arguments` (without the program name).
    /// - Parameters:
    ///   - arguments: the command-line arguments after the program name.
    ///   - environment: the process environment (secrets, `NO_COLOR`).
    ///   - standardInput: where `sign` and `verify` read the body.
    ///   - console: stdout and stderr.
    ///   - now: the clock.
    /// - Returns: the exit code: 0 success, 1 a result failed, 2 usage or input error, 3 environment.
    public static func main(
        arguments: [String], environment: [String: String], standardInput: StandardInput = .process,
        console: Console, now: @escaping @Sendable () -> Date = { Date() }
    ) async -> Int32 {
        let context = CommandContext(
            environment: environment, standardInput: standardInput, console: console, now: now)
        return await dispatch(arguments, context: context).rawValue
    }

    private static func dispatch(_ arguments: [String], context: CommandContext) async -> ExitCode {
        let console = context.console
        do {
            try CommandLineParser.rejectSecrets(in: ArgumentToken.tokenize(arguments))
        } catch {
            return usageError(error, command: arguments.first.flatMap(command(named:)), console: console)
        }
        guard let first = arguments.first else {
            console.errorOutput.write(HelpFormatter.overview(of: commands))
            return .usageError
        }
        switch first {
        case "-h", "--help":
            console.write(HelpFormatter.overview(of: commands))
            return .success
        case "--version":
            console.writeLine("hookcheck \(HookCheck.version)")
            return .success
        case "help":
            return help(Array(arguments.dropFirst()), console: console)
        default:
            break
        }
        guard let command = command(named: first) else {
            let error: CLIError =
                first.hasPrefix("-")
                ? .unknownOption(
                    first,
                    suggestion: Suggestion.closest(
                        to: String(first.drop { $0 == "-" }), among: ["help", "version"]
                    ).map { "--\($0)" })
                : .unknownCommand(first, suggestion: Suggestion.closest(to: first, among: commands.map(\.name)))
            return usageError(error, command: nil, console: console)
        }
        return await run(command, Array(arguments.dropFirst()), context: context)
    }

    /// Parses `arguments` for `command` and runs it, mapping errors to exit codes.
    public static func run(_ command: any Command, _ arguments: [String], context: CommandContext) async -> ExitCode {
        let console = context.console
        let parsed: ParsedArguments
        do {
            parsed = try CommandLineParser.parse(arguments, options: command.options, positionals: command.arguments)
        } catch {
            return usageError(error, command: command, console: console)
        }
        if parsed.isHelpRequested {
            console.write(HelpFormatter.help(of: command))
            return .success
        }
        do {
            return try await command.run(parsed, in: context)
        } catch let error as CLIError {
            return usageError(error, command: command, console: console)
        } catch let failure as CommandFailure {
            console.error(failure.message)
            return failure.exitCode
        } catch {
            console.error(String(describing: error))
            return .usageError
        }
    }

    private static func help(_ arguments: [String], console: Console) -> ExitCode {
        guard let name = arguments.first else {
            console.write(HelpFormatter.overview(of: commands))
            return .success
        }
        guard arguments.count == 1 else {
            return usageError(.unexpectedArgument(arguments[1]), command: nil, console: console)
        }
        guard let command = command(named: name) else {
            let suggestion = Suggestion.closest(to: name, among: commands.map(\.name))
            return usageError(.unknownCommand(name, suggestion: suggestion), command: nil, console: console)
        }
        console.write(HelpFormatter.help(of: command))
        return .success
    }

    /// Writes `error: … / usage: … / see '…--help'` to stderr and returns exit code 2.
    static func usageError(_ error: CLIError, command: (any Command)?, console: Console) -> ExitCode {
        console.error(error.description)
        if let command {
            console.writeErrorLine(HelpFormatter.usage(of: command))
            console.writeErrorLine("see 'hookcheck \(command.name) --help'")
        } else {
            console.writeErrorLine("usage: hookcheck <command> [options] [arguments]")
            console.writeErrorLine("see 'hookcheck --help'")
        }
        return .usageError
    }
}
