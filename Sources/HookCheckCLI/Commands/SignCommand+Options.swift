import HookCheck

extension SignCommand {
    /// `sign`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// The declarations `sign` parses and `--help` shows.
        static let specs: [OptionSpec] = [
            .option(
                "profile", valueName: "NAME", help: "built-in profile whose signature scheme signs", required: true),
            .option(
                "id", valueName: "ID",
                help: "delivery id to sign and send (default: the body's id field, else a fresh msg_… id)"),
            .option("timestamp", valueName: "T", help: "unix timestamp to sign (default: now)"),
            .option("url", valueName: "URL", help: "the receiver URL, for schemes that sign it ({url})"),
            MethodOption.spec(help: "HTTP method, for schemes that sign it ({method})"),
            SecretOption.spec,
        ]

        /// The profile whose scheme signs.
        var profile: Profile
        /// `--id ID`, when given.
        var id: String?
        /// `--timestamp T` as given (unix seconds when the scheme signs a timestamp).
        var timestamp: String?
        /// What `{url}` schemes sign over (empty when not given).
        var url: String
        /// What `{method}` schemes sign over.
        var method: String
        /// The variable that holds the secret.
        var secretVariable: String

        /// Decodes `arguments`.
        /// - Throws: ``CLIError`` (exit 2) for an unknown profile, or a timestamp that is not unix seconds
        ///   when the scheme signs one.
        init(decoding arguments: ParsedArguments) throws(CLIError) {
            profile = try ProfileOption.profile(named: arguments.value("profile") ?? "")
            timestamp = arguments.value("timestamp")
            if let timestamp, profile.scheme.isTimestamped, Int(timestamp) == nil {
                throw .invalidValue(synopsis: "--timestamp T", value: timestamp, expected: "unix seconds")
            }
            id = arguments.value("id")
            url = arguments.value("url") ?? ""
            method = MethodOption.method(from: arguments)
            secretVariable = SecretOption.variable(from: arguments)
        }
    }
}
