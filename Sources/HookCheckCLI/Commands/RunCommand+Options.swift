import HookCheck
import HookHTTP

extension RunCommand {
    /// `run`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// `--concurrency` when absent.
        static let defaultConcurrency = 1
        /// `--repeat` when absent.
        static let defaultRepeatCount = 1

        /// The declarations `run` parses and `--help` shows.
        static let specs: [OptionSpec] =
            [
                .option(
                    "target", valueName: "URL",
                    help: "receiver URL, overriding the suite's target; with none, the built-in reference receiver runs"
                ),
                concurrencySpec,
                .option(
                    "repeat", valueName: "N", help: "repeat valid deliveries N times for a latency profile",
                    default: String(defaultRepeatCount)),
                .option(
                    "timeout", valueName: "S",
                    help: "seconds to wait for each response (default: the case's 'within' plus 5)"),
                .option("only", valueName: "GLOB", help: "run only the results whose 'case · probe' name matches GLOB"),
                .option(
                    "shard", valueName: "K/N",
                    help: "run only shard K of N (cases dealt round-robin), to spread a suite over a CI matrix"),
                SecretOption.spec,
            ] + ReportOptions.specs

        /// `--concurrency N`, shared with `replay`.
        static let concurrencySpec = OptionSpec.option(
            "concurrency", valueName: "N", help: "deliveries sent in parallel", default: String(defaultConcurrency))

        /// Concurrency, repeat, timeout and selection.
        var send: SendOptions
        /// `--target URL` as given (checked once the suites have loaded, as before).
        var target: String?
        /// Where each suite's secret is found (`--secret-env NAME` first).
        var lookup: SecretLookup
        /// Where the reports go.
        var reports: ReportDestinations

        /// Decodes `arguments`.
        /// - Throws: ``CLIError`` or ``CommandFailure`` (exit 2) naming the option and what it expects.
        init(decoding arguments: ParsedArguments) throws {
            send = try Self.sendOptions(from: arguments)
            target = arguments.value("target")
            lookup = SecretOption.lookup(from: arguments)
            reports = ReportOptions.destinations(from: arguments)
        }

        /// The send options of `run` and `replay` (each declares the options it takes).
        static func sendOptions(from arguments: ParsedArguments) throws -> SendOptions {
            let concurrency = try arguments.integer("concurrency", in: 1...1024) ?? defaultConcurrency
            let repeatCount = try arguments.integer("repeat", in: 1...10_000_000) ?? defaultRepeatCount
            let timeout = try arguments.number("timeout", minimum: 0.001).map { seconds in
                Duration.milliseconds(Int64(min(seconds, 86_400) * 1000))
            }
            var shard = Shard.all
            if let text = arguments.value("shard") {
                do {
                    shard = try Shard(parsing: text)
                } catch {
                    throw CLIError.rejectedValue(synopsis: "--shard K/N", message: error.description)
                }
            }
            return SendOptions(
                concurrency: concurrency, repeatCount: repeatCount, timeout: timeout,
                only: arguments.value("only").map(GlobPattern.init), shard: shard)
        }
    }
}
