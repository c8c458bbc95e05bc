/// `hookcheck init --profile NAME`: write a starter suite, one case per known event.
public struct InitCommand: Command {
    public init() {}

    public let name = "init"
    public let summary = "write a starter suite for a profile, one case per known event"
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "the built-in profile to start from", required: true),
        .option("out", valueName: "FILE", help: "write the suite here (default: stdout)"),
    ]

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        UnavailableCommand.run(name, console: context.console)
    }
}
