import Foundation
import HookCheck

/// `hookcheck check SUITE... --captures FILE`: judge deliveries captured earlier.
public struct CheckCommand: Command {
    public init() {}

    public let name = "check"
    public let summary = "check captured deliveries against a suite"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options = Options.specs
    public let discussion = """
        checks method, content type, envelope and case shapes, event types, signatures, timestamps, ids,
        retries and counts. exit 0 when every check passed, 1 when one failed.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = Options(decoding: arguments)
        let suites = try Self.loadSuites(arguments.arguments, console: context.console)
        let plans = try Self.plans(for: suites, lookup: options.lookup, environment: context.environment)
        let outcome: Harness.Outcome
        do {
            outcome = try await Harness.judge(
                plans, captures: URL(fileURLWithPath: options.capturePath), url: options.url, now: context.now)
        } catch {
            throw CommandFailure.environment(error.description)
        }
        return try Self.report(outcome, to: options.reports, context: context)
    }

    // MARK: - Shared with `listen`

    /// Loads the suites named on the command line, printing every diagnostic.
    /// - Throws: ``CommandFailure`` (exit 2) when a suite has an error: nothing is checked.
    public static func loadSuites(_ paths: [String], console: Console) throws(CommandFailure) -> [Suite] {
        let (suites, diagnostics) = SuiteLoader.loadAll(paths: paths)
        for diagnostic in diagnostics {
            console.diagnostic(diagnostic.description)
        }
        let errors = diagnostics.filter(\.isError).count
        guard errors == 0, !suites.isEmpty else {
            throw .invalidInput(
                "\(errors) \(errors == 1 ? "error" : "errors") in the suites; nothing was checked")
        }
        return suites
    }

    /// Each suite with its secret, by ``SecretLookup``'s precedence (`--secret-env NAME` first).
    /// - Throws: ``CommandFailure`` (exit 2) naming the variable that is unset or empty, never a value.
    public static func plans(
        for suites: [Suite], lookup: SecretLookup, environment: [String: String]
    ) throws(CommandFailure) -> [SuitePlan] {
        var plans: [SuitePlan] = []
        for suite in suites {
            let secret = try SecretOption.secret(for: suite, lookup: lookup, environment: environment)
            plans.append(SuitePlan(suite: suite, target: "", secret: secret))
        }
        return plans
    }

    /// Writes the reports, prints each failing result on stderr and the summary on stdout.
    /// - Returns: ``ExitCode/success`` when every result passed, else ``ExitCode/failure``.
    /// - Throws: ``CommandFailure`` (exit 3) when a report cannot be written.
    public static func report(
        _ outcome: Harness.Outcome, to destinations: ReportDestinations, context: CommandContext
    ) throws(CommandFailure) -> ExitCode {
        let run = outcome.run
        let redactor = outcome.redactor
        let console = context.console
        if let warning = redactor.shortSecretWarning { console.warning(warning) }
        for suite in run.suites {
            for result in suite.results {
                let line = redactor.redact("\(result.name): \(result.message)")
                switch result.status {
                case .failed: console.writeErrorLine(console.styled("FAIL", .red, onErrorOutput: true) + " " + line)
                case .error: console.writeErrorLine(console.styled("ERROR", .red, onErrorOutput: true) + " " + line)
                case .skipped: console.writeErrorLine("SKIP " + line)
                case .passed:
                    if let warning = result.warning {
                        console.warning(redactor.redact("\(result.name): \(warning)"))
                    }
                }
            }
        }
        do {
            try Harness.writeReports(
                outcome, to: destinations, environment: context.environment,
                events: { if case .annotation(let line) = $0 { console.writeLine(line) } })
        } catch {
            throw .environment(error.description)
        }
        console.writeLine(run.summary)
        return run.exitStatus == 0 ? .success : .failure
    }
}
