/// `hookcheck listen SUITE...`: capture a provider's deliveries, answer by a respond plan, then
/// check them.
public struct ListenCommand: Command {
    public init() {}

    public let name = "listen"
    public let summary = "capture a provider's deliveries on a loopback port, then check them"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] =
        [
            .option("host", valueName: "HOST", help: "loopback address to bind", default: "127.0.0.1"),
            .option("port", valueName: "N", help: "port to bind; 0 picks a free one", default: "0"),
            .option("path", valueName: "P", help: "accept deliveries only on this path (default: any path)"),
            .option(
                "captures", valueName: "FILE", help: "append captured deliveries (JSON Lines) to FILE",
                default: "Reports/captures.jsonl"),
            .flag("fsync", help: "also fsync the capture file before answering each delivery"),
            .option(
                "respond", valueName: "PLAN",
                help: "statuses to answer per delivery id, e.g. 200 or 500x2,200", default: "200"),
            .option("respond-delay", valueName: "S", help: "seconds to wait before answering", default: "0"),
            .option("timeout", valueName: "S", help: "stop listening after S seconds"),
            .flag("until-complete", help: "stop as soon as every case of the suite has been seen"),
            .option(
                "url", valueName: "URL",
                help: "URL the provider signs over, for {url} schemes (default: the suite's target, else Host)"),
            .flag("redact-captures", help: "drop signature and token values from the capture file"),
            SecretOption.spec,
        ] + ReportOptions.specs
    public let discussion = """
        the first line on stdout is 'listening on http://HOST:PORT/'. every delivery is written to the capture
        file before it is answered.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        _ = try arguments.integer("port", in: 0...65_535)
        _ = try arguments.number("respond-delay", minimum: 0)
        _ = try arguments.number("timeout", minimum: 0)
        if let text = arguments.value("respond") {
            do {
                _ = try RespondPlan(parsing: text)
            } catch {
                throw CLIError.rejectedValue(synopsis: "--respond PLAN", message: error.description)
            }
        }
        return UnavailableCommand.run(name, console: context.console)
    }
}
