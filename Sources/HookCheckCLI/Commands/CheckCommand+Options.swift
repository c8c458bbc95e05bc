import HookCheck

extension CheckCommand {
    /// `check`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// The declarations `check` parses and `--help` shows.
        static let specs: [OptionSpec] =
            [
                .option(
                    "captures", valueName: "FILE", help: "capture file (JSON Lines) written by 'listen'",
                    required: true),
                .option(
                    "url", valueName: "URL",
                    help: "URL the provider signs over, for {url} schemes (default: the suite's target, else Host)"),
                SecretOption.spec,
            ] + ReportOptions.specs

        /// The capture file to judge.
        var capturePath: String
        /// What `{url}` schemes sign over, when given.
        var url: String?
        /// Where each suite's secret is found (`--secret-env NAME` first).
        var lookup: SecretLookup
        /// Where the reports go.
        var reports: ReportDestinations

        /// Decodes `arguments`.
        init(decoding arguments: ParsedArguments) {
            capturePath = arguments.value("captures") ?? ""
            url = arguments.value("url")
            lookup = SecretOption.lookup(from: arguments)
            reports = ReportOptions.destinations(from: arguments)
        }
    }
}
