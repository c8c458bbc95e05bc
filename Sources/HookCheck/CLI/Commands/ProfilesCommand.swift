/// `hookcheck profiles`: the table of built-in profiles.
public struct ProfilesCommand: Command {
    public init() {}

    public let name = "profiles"
    public let summary = "list the built-in provider profiles"
    public let options: [OptionSpec] = []

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        UnavailableCommand.run(name, console: context.console)
    }
}
