/// `hookcheck check SUITE... --captures FILE`: judge deliveries captured earlier.
public struct CheckCommand: Command {
    public init() {}

    public let name = "check"
    public let summary = "check captured deliveries against a suite"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] =
        [
            .option(
                "captures", valueName: "FILE", help: "capture file (JSON Lines) written by 'listen'", required: true),
            .option(
                "url", valueName: "URL",
                help: "URL the provider signs over, for {url} schemes (default: the suite's target, else Host)"),
            SecretOption.spec,
        ] + ReportOptions.specs
    public let discussion = """
        checks method, content type, envelope and case shapes, event types, signatures, timestamps, ids,
        retries and counts. exit 0 when every check passed, 1 when one failed.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        UnavailableCommand.run(name, console: context.console)
    }
}
