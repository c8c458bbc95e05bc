/// `hookcheck serve`: run the reference receiver, optionally with a deliberate flaw.
public struct ServeCommand: Command {
    public init() {}

    /// The flaws `--flaw` accepts (DESIGN.md "Sending").
    public static let flaws = [
        "accept-any-signature", "no-timestamp-check", "reserialize-before-verify", "reject-replay",
        "crash-on-unknown-event", "slow",
    ]

    public let name = "serve"
    public let summary = "run the reference receiver (correct for every built-in profile, or flawed on purpose)"
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "serve only this profile (default: every built-in profile)"),
        .option("host", valueName: "HOST", help: "loopback address to bind", default: "127.0.0.1"),
        .option("port", valueName: "N", help: "port to bind; 0 picks a free one", default: "0"),
        .option("flaw", valueName: "NAME", help: "be wrong on purpose: " + flaws.joined(separator: ", ")),
        SecretOption.spec,
    ]

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        _ = try arguments.integer("port", in: 0...65_535)
        if let flaw = arguments.value("flaw"), !Self.flaws.contains(flaw) {
            throw CLIError.invalidValue(
                synopsis: "--flaw NAME", value: flaw, expected: "one of " + Self.flaws.joined(separator: ", "))
        }
        return UnavailableCommand.run(name, console: context.console)
    }
}
