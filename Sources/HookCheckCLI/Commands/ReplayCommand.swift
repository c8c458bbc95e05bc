import Foundation
import HookCheck

/// `hookcheck replay FILE --suite SUITE`: resend captured deliveries, signed afresh, and judge the answers.
public struct ReplayCommand: Command {
    /// Creates the command.
    public init() {}

    public let name = "replay"
    public let summary = "resend captured deliveries, signed afresh with a test secret, and judge the answers"
    public let arguments = Options.arguments
    public let options = Options.specs
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
        let options = try Options(decoding: arguments)
        let console = context.console
        let (loaded, diagnostics) = SuiteLoader.load(path: options.suitePath)
        for diagnostic in diagnostics { console.diagnostic(diagnostic.description) }
        guard let suite = loaded else { throw CommandFailure.invalidInput("suite errors: nothing was sent") }
        let path = options.capturePath
        let records: [CaptureRecord]
        do {
            records = try InitCommand.readRecords(path, console: console)
        } catch let error as CaptureFileError {
            throw CommandFailure.environment(error.description)
        }
        let outcome = CaptureReplay.suite(from: records, for: suite, probes: options.probes)
        for reason in outcome.skipped { console.warning("\(path): \(reason); not replayed") }
        guard !outcome.suite.cases.isEmpty else {
            throw CommandFailure.invalidInput("\(path): no captured delivery belongs to suite '\(suite.name)'")
        }

        var target: String?
        if let given = options.target {
            target = try RunCommand.checkedTarget(given, synopsis: "--target URL")
        } else {
            target = suite.target?.absoluteString
        }
        let secret = try RunCommand.secret(
            for: suite, lookup: options.lookup, environment: context.environment,
            isEmbedded: target == nil, console: console)
        let plan = SuitePlan(suite: outcome.suite, target: target ?? "", secret: secret)
        return try await RunCommand.send([plan], options: options.send, reports: options.reports, context: context)
    }
}
