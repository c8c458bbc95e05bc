import Foundation
import HookCheck

/// `hookcheck replay FILE --suite SUITE`: resend captured deliveries, signed afresh, and judge the answers.
public struct ReplayCommand: Command {
    /// Creates the command.
    public init() {}

    public let name = "replay"
    public let summary = "resend captured deliveries, signed afresh with a test secret, and judge the answers"
    public let arguments = [ArgumentSpec("FILE", help: "a capture file written by `hookcheck listen`")]
    public let options: [OptionSpec] =
        [
            .option(
                "suite", valueName: "SUITE", help: "the suite whose profile, secret and cases apply", required: true),
            .option(
                "target", valueName: "URL",
                help: "receiver URL, overriding the suite's target; with none, the built-in reference receiver runs"),
            .option("only", valueName: "GLOB", help: "replay only the results whose 'case #seq · probe' name matches"),
            .option(
                "probes", valueName: "LIST",
                help: "comma-separated probes derived from each captured body (default: valid)"),
            RunCommand.Options.concurrencySpec,
            .option("timeout", valueName: "S", help: "seconds to wait for each response (default: 'within' plus 5)"),
            SecretOption.spec,
        ] + ReportOptions.specs
    public let discussion = """
        each captured delivery is sent again with its own body bytes and headers, signed afresh with the suite's
        secret, with a new timestamp and id where the scheme or profile carries them in headers; the auth
        headers the provider sent are dropped. each is judged as `valid` (accepted within `within`); --probes
        adds the named probes, built from each captured body. results are named `<case> #<seq> · <probe>`.
        the reports are run's.
        example:
          hookcheck replay Reports/captures.jsonl --suite Suites/stripe.json --probes valid,reformatted-json
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let console = context.console
        let suitePath = arguments.value("suite") ?? ""
        let (loaded, diagnostics) = SuiteLoader.load(path: suitePath)
        for diagnostic in diagnostics { console.diagnostic(diagnostic.description) }
        guard let suite = loaded else { throw CommandFailure.invalidInput("suite errors: nothing was sent") }
        let probes = try Self.probes(from: arguments.value("probes"))
        let path = arguments.arguments.first ?? ""
        let records: [CaptureRecord]
        do {
            records = try InitCommand.readRecords(path, console: console)
        } catch let error as CaptureFileError {
            throw CommandFailure.environment(error.description)
        }
        let outcome = CaptureReplay.suite(from: records, for: suite, probes: probes)
        for reason in outcome.skipped { console.warning("\(path): \(reason); not replayed") }
        guard !outcome.suite.cases.isEmpty else {
            throw CommandFailure.invalidInput("\(path): no captured delivery belongs to suite '\(suite.name)'")
        }

        var target: String?
        if let given = arguments.value("target") {
            target = try RunCommand.checkedTarget(given, synopsis: "--target URL")
        } else {
            target = suite.target?.absoluteString
        }
        let secret = try RunCommand.secret(
            for: suite, lookup: SecretOption.lookup(from: arguments), environment: context.environment,
            isEmbedded: target == nil, console: console)
        let plan = SuitePlan(suite: outcome.suite, target: target ?? "", secret: secret)
        let options = try RunCommand.Options.sendOptions(from: arguments)
        return try await RunCommand.send(
            [plan], options: options, reports: ReportOptions.destinations(from: arguments), context: context)
    }

    /// `valid,reformatted-json` as probes.
    static func probes(from list: String?) throws -> [ProbeKind] {
        guard let list else { return [.valid] }
        var probes: [ProbeKind] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let probe = ProbeKind(rawValue: name) else {
                let names = ProbeKind.allCases.map(\.rawValue)
                throw CLIError.rejectedValue(
                    synopsis: "--probes LIST",
                    message: "unknown probe '\(name)'\(MessageWording.didYouMean(name, among: names)); probes: "
                        + names.joined(separator: ", "))
            }
            if !probes.contains(probe) { probes.append(probe) }
        }
        guard !probes.isEmpty else {
            throw CLIError.rejectedValue(synopsis: "--probes LIST", message: "no probe named")
        }
        return probes
    }
}
