import Foundation
import HookCheck
import HookHTTP

extension VerifyCommand {
    /// `verify`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// The declarations `verify` parses and `--help` shows.
        static let specs: [OptionSpec] = [
            .option(
                "profile", valueName: "NAME", help: "built-in profile whose signature scheme verifies", required: true),
            .option("header", valueName: "HEADER", help: "a received header, 'Name: value'", repeatable: true),
            .option("url", valueName: "URL", help: "the URL the delivery was sent to, for schemes that sign it"),
            MethodOption.spec(help: "HTTP method, for schemes that sign it"),
            .option("now", valueName: "T", help: "unix time to judge the timestamp against (default: now)"),
            .option(
                "tolerance", valueName: "S",
                help: "largest accepted timestamp age in seconds; 0 means unlimited (default: the profile's)"),
            SecretOption.spec,
        ]

        /// The profile whose scheme verifies.
        var profile: Profile
        /// The received headers, in order with duplicates.
        var headers: HTTPHeaders
        /// What `{url}` schemes signed over (empty when not given).
        var url: String
        /// What `{method}` schemes signed over.
        var method: String
        /// The time to judge the timestamp against, when given (else now).
        var now: Date?
        /// The largest accepted timestamp age in seconds (0: unlimited), when given (else the profile's).
        var tolerance: Int?
        /// The variable that holds the secret.
        var secretVariable: String

        /// Decodes `arguments`.
        /// - Throws: ``CLIError`` (exit 2) for an unknown profile, a malformed header, or a time or tolerance
        ///   that is not a whole number of seconds.
        init(decoding arguments: ParsedArguments) throws(CLIError) {
            profile = try ProfileOption.profile(named: arguments.value("profile") ?? "")
            headers = try VerifyCommand.headers(arguments.values("header"))
            now = try arguments.integer("now", in: 0...Int.max).map { Date(timeIntervalSince1970: Double($0)) }
            tolerance = try arguments.integer("tolerance", in: 0...Int.max)
            url = arguments.value("url") ?? ""
            method = MethodOption.method(from: arguments)
            secretVariable = SecretOption.variable(from: arguments)
        }
    }
}
