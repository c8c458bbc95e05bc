/// `hookcheck verify --profile NAME --header 'Name: value'...`: verify a body read from stdin.
public struct VerifyCommand: Command {
    public init() {}

    public let name = "verify"
    public let summary = "verify the signature of a body read from stdin; exit 0 when valid, 1 when not"
    public let usageSuffix = "< body"
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "built-in profile whose signature scheme verifies", required: true),
        .option("header", valueName: "'NAME: VALUE'", help: "a received header", repeatable: true),
        .option("url", valueName: "URL", help: "the URL the delivery was sent to, for schemes that sign it"),
        .option("method", valueName: "M", help: "HTTP method, for schemes that sign it", default: "POST"),
        .option("now", valueName: "T", help: "unix time to judge the timestamp against (default: now)"),
        .option(
            "tolerance", valueName: "S",
            help: "largest accepted timestamp age in seconds; 0 means unlimited (default: the profile's)"),
        SecretOption.spec,
    ]

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        UnavailableCommand.run(name, console: context.console)
    }
}
