/// `hookcheck sign --profile NAME`: sign a body read from stdin and print the header lines to add.
public struct SignCommand: Command {
    public init() {}

    public let name = "sign"
    public let summary = "sign a body read from stdin and print the header lines to add"
    public let usageSuffix = "< body"
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "built-in profile whose signature scheme signs", required: true),
        .option(
            "id", valueName: "ID",
            help: "delivery id to sign and send (default: the body's id field, else a fresh msg_… id)"),
        .option("timestamp", valueName: "T", help: "unix timestamp to sign (default: now)"),
        .option("url", valueName: "URL", help: "the receiver URL, for schemes that sign it ({url})"),
        .option("method", valueName: "M", help: "HTTP method, for schemes that sign it ({method})", default: "POST"),
        SecretOption.spec,
    ]
    public let discussion = """
        the body is signed exactly as read, byte for byte. each output line is one header, 'Name: value'.
        example:
          printf '{"test": 2432232314}' | HOOKCHECK_SECRET=whsec_… hookcheck sign --profile standard-webhooks
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        UnavailableCommand.run(name, console: context.console)
    }
}
