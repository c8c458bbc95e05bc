import Foundation
import HookCheck

extension ReplayCommand {
    /// `replay`'s options, decoded once from the command line: one source for their defaults and their help.
    struct Options {
        /// The declarations `replay` parses and `--help` shows.
        static let specs: [OptionSpec] =
            [
                .option(
                    "suite", valueName: "SUITE", help: "the suite whose profile, secret and cases apply",
                    required: true),
                .option(
                    "target", valueName: "URL",
                    help: "receiver URL, overriding the suite's target; with none, the built-in reference receiver runs"
                ),
                .option(
                    "only", valueName: "GLOB", help: "replay only the results whose 'case #seq · probe' name matches"),
                .option(
                    "probes", valueName: "LIST",
                    help: "comma-separated probes derived from each captured body (default: valid)"),
                RunCommand.Options.concurrencySpec,
                .option(
                    "timeout", valueName: "S", help: "seconds to wait for each response (default: 'within' plus 5)"),
                SecretOption.spec,
            ] + ReportOptions.specs

        /// The positional argument: the capture file.
        static let arguments = [ArgumentSpec("FILE", help: "a capture file written by `hookcheck listen`")]

        /// The suite file whose profile, secret and cases apply.
        var suitePath: String
        /// The capture file to replay.
        var capturePath: String
        /// The probes built from each captured body (`valid` unless `--probes` names others).
        var probes: [ProbeKind]
        /// `--target URL` as given (checked once the suite has loaded, as `run` does).
        var target: String?
        /// Concurrency, timeout and selection (repeat is always 1: `replay` has no `--repeat`).
        var send: SendOptions
        /// Where the suite's secret is found (`--secret-env NAME` first).
        var lookup: SecretLookup
        /// Where the reports go.
        var reports: ReportDestinations

        /// Decodes `arguments`.
        /// - Throws: ``CLIError`` (exit 2) naming the option and what it expects.
        init(decoding arguments: ParsedArguments) throws {
            suitePath = arguments.value("suite") ?? ""
            capturePath = arguments.arguments.first ?? ""
            probes = try Self.probes(from: arguments.value("probes"))
            target = arguments.value("target")
            send = try RunCommand.Options.sendOptions(from: arguments)
            lookup = SecretOption.lookup(from: arguments)
            reports = ReportOptions.destinations(from: arguments)
        }

        /// `valid,reformatted-json` as probes.
        static func probes(from list: String?) throws(CLIError) -> [ProbeKind] {
            guard let list else { return [.valid] }
            var probes: [ProbeKind] = []
            for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !name.isEmpty {
                guard let probe = ProbeKind(rawValue: name) else {
                    let names = ProbeKind.allCases.map(\.rawValue)
                    throw .rejectedValue(
                        synopsis: "--probes LIST",
                        message: "unknown probe '\(name)'\(MessageWording.didYouMean(name, among: names)); probes: "
                            + names.joined(separator: ", "))
                }
                if !probes.contains(probe) { probes.append(probe) }
            }
            guard !probes.isEmpty else {
                throw .rejectedValue(synopsis: "--probes LIST", message: "no probe named")
            }
            return probes
        }
    }
}
