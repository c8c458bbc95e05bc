/// `hookcheck validate SUITE...`: load suites and print their diagnostics; nothing is sent.
public struct ValidateCommand: Command {
    public init() {}

    public let name = "validate"
    public let summary = "check suite files and print diagnostics; nothing is sent"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] = []

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        UnavailableCommand.run(name, console: context.console)
    }
}
