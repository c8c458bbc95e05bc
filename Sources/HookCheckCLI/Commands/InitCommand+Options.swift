import HookCheck

extension InitCommand {
    /// `init`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// Where the suite comes from, with the profile it needs.
        enum Source {
            /// The bundled suite of the profile (`--profile NAME`).
            case bundled(Profile)
            /// Inferred from the capture file at `path` (`--from-captures FILE`); the profile when given,
            /// else detected from the captures.
            case captures(path: String, profile: Profile?)
            /// Built from the OpenAPI document at `path` (`--openapi FILE`) for the profile.
            case openAPI(path: String, profile: Profile)
        }

        /// The declarations `init` parses and `--help` shows.
        static let specs: [OptionSpec] = [
            .option(
                "profile", valueName: "NAME",
                help: "the built-in profile to start from (required unless --from-captures names one)"),
            .option("from-captures", valueName: "FILE", help: "infer the suite from a capture file written by listen"),
            .option("openapi", valueName: "FILE", help: "build the suite from an OpenAPI document's webhooks (JSON)"),
            .option("out", valueName: "FILE", help: "write the suite here (default: stdout)"),
            .option("secret-env", valueName: "NAME", help: "the variable the suite names for its secret"),
            .flag("force", help: "overwrite FILE when it exists"),
        ]

        /// Where the suite comes from (`--from-captures` first, then `--openapi`, else the bundled suite).
        var source: Source
        /// The variable the suite names for its secret, when given (else the profile's usual one).
        var secretVariable: String?
        /// Where to write the suite (`nil`: stdout).
        var outputPath: String?
        /// Whether an existing output file is overwritten.
        var overwrites: Bool

        /// Decodes `arguments`.
        /// - Throws: ``CLIError`` (exit 2) for an unknown profile, or a missing one where the source needs it.
        init(decoding arguments: ParsedArguments) throws(CLIError) {
            let profile = try arguments.value("profile").map { name throws(CLIError) in
                try ProfileOption.profile(named: name)
            }
            if let captures = arguments.value("from-captures") {
                source = .captures(path: captures, profile: profile)
            } else if let document = arguments.value("openapi") {
                guard let profile else {
                    throw .rejectedValue(
                        synopsis: "--profile NAME",
                        message: "missing: --openapi needs the profile the webhooks are sent with")
                }
                source = .openAPI(path: document, profile: profile)
            } else {
                guard let profile else {
                    throw .rejectedValue(
                        synopsis: "--profile NAME",
                        message: "missing: name a built-in profile, or pass --from-captures FILE")
                }
                source = .bundled(profile)
            }
            secretVariable = arguments.value("secret-env")
            outputPath = arguments.value("out")
            overwrites = arguments.flag("force")
        }
    }
}
