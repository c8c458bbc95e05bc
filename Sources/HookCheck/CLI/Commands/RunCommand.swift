/// `hookcheck run SUITE...`: send every case and probe to a receiver and judge the responses.
public struct RunCommand: Command {
    public init() {}

    public let name = "run"
    public let summary = "send a suite's deliveries to a receiver and judge the responses"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] =
        [
            .option(
                "target", valueName: "URL",
                help: "receiver URL, overriding the suite's target; with none, the built-in reference receiver runs"),
            .option("concurrency", valueName: "N", help: "deliveries sent in parallel", default: "1"),
            .option(
                "repeat", valueName: "N", help: "repeat valid deliveries N times for a latency profile", default: "1"),
            .option("timeout", valueName: "S", help: "seconds to wait for each response", default: "10"),
            .option("only", valueName: "GLOB", help: "run only the results whose 'case · probe' name matches GLOB"),
            .option(
                "shard", valueName: "K/N",
                help: "run only shard K of N (cases dealt round-robin), to spread a suite over a CI matrix"),
            SecretOption.spec,
        ] + ReportOptions.specs
    public let discussion = """
        every case is sent once per probe (valid, bad-signature, tampered-body, …) and each response is judged
        against the suite's 'expect' rules. exit 0 when every result passed, 1 when one failed.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        _ = try arguments.integer("concurrency", in: 1...1024)
        _ = try arguments.integer("repeat", in: 1...100_000)
        _ = try arguments.number("timeout", minimum: 0)
        if let text = arguments.value("shard") {
            do {
                _ = try Shard(parsing: text)
            } catch {
                throw CLIError.rejectedValue(synopsis: "--shard K/N", message: error.description)
            }
        }
        return UnavailableCommand.run(name, console: context.console)
    }
}
