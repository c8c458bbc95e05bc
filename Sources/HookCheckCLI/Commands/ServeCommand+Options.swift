import HookCheck

extension ServeCommand {
    /// `serve`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// `--host` when absent.
        static let defaultHost = "127.0.0.1"
        /// `--port` when absent: a free one.
        static let defaultPort = 0
        /// `--slow-delay` when absent, in seconds.
        static let defaultSlowDelay = 11.0

        /// The declarations `serve` parses and `--help` shows.
        static let specs: [OptionSpec] = [
            .option(
                "profile", valueName: "NAME",
                help: "serve only this profile, on every path (default: every built-in profile at /NAME)"),
            .option("host", valueName: "HOST", help: "address to bind", default: defaultHost),
            .option("port", valueName: "N", help: "port to bind; 0 picks a free one", default: String(defaultPort)),
            .option(
                "flaw", valueName: "NAME",
                help: "be wrong on purpose (repeatable): " + ServeCommand.flaws.joined(separator: ", "),
                repeatable: true),
            .option(
                "slow-delay", valueName: "S", help: "seconds the slow flaw waits before answering",
                default: String(Int(defaultSlowDelay))),
            SecretOption.spec,
        ]

        /// `--profile NAME`: the one profile to serve on every path (`nil`: every built-in one at `/NAME`).
        var profile: Profile?
        /// The variable that holds the secret.
        var secretVariable: String
        /// The address to bind.
        var host: String
        /// The port to bind (0: a free one).
        var port: Int
        /// The flaws to have.
        var flaws: Set<ReceiverFlaw>
        /// How long the `slow` flaw waits.
        var slowDelay: Duration

        /// Decodes `arguments` (the secret is read where the routes are made).
        /// - Throws: ``CLIError`` (exit 2) naming the option and what it expects.
        init(decoding arguments: ParsedArguments) throws {
            port = try arguments.integer("port", in: 0...65_535) ?? Self.defaultPort
            host = arguments.value("host") ?? Self.defaultHost
            let seconds = try arguments.number("slow-delay", minimum: 0) ?? Self.defaultSlowDelay
            slowDelay = .milliseconds(Int((seconds * 1000).rounded()))
            flaws = []
            for name in arguments.isGiven("flaw") ? arguments.values("flaw") : [] {
                guard let flaw = ReceiverFlaw(rawValue: name) else {
                    throw CLIError.unknownName(
                        kind: "flaw", name: name, suggestion: Suggestion.closest(to: name, among: ServeCommand.flaws))
                }
                flaws.insert(flaw)
            }
            profile = try arguments.value("profile").map { name throws(CLIError) in
                try ProfileOption.profile(named: name)
            }
            secretVariable = SecretOption.variable(from: arguments)
        }
    }
}
