import Foundation
import HookCheck
import HookHTTP

/// `hookcheck run SUITE...`: send every case and probe to a receiver and judge the responses.
public struct RunCommand: Command {
    /// Creates the command.
    public init() {}

    public let name = "run"
    public let summary = "send a suite's deliveries to a receiver and judge the responses"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options = Options.specs
    public let discussion = """
        every case is sent once per probe (valid, bad-signature, tampered-body, …) and each response is judged
        against the suite's 'expect' rules. secrets: --secret-env NAME, else the suite's {"env": NAME}, else
        HOOKCHECK_SECRET. exit 0 when every result passed, 1 when one failed, 2 on a usage or suite error,
        3 when the environment stops the run.
        example:
          hookcheck run Suites/
          STRIPE_WEBHOOK_SECRET=whsec_… hookcheck run Suites/stripe.json --target http://127.0.0.1:3000/hooks
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = try Options(decoding: arguments)
        let console = context.console

        let (suites, diagnostics) = SuiteLoader.loadAll(paths: arguments.arguments)
        for diagnostic in diagnostics { console.diagnostic(diagnostic.description) }
        guard !diagnostics.contains(where: \.isError) else {
            throw CommandFailure.invalidInput("suite errors: nothing was sent")
        }

        let target = try options.target.map { try Self.checkedTarget($0, synopsis: "--target URL") }
        var plans: [SuitePlan] = []
        let lookup = options.lookup
        for suite in suites {
            let suiteTarget = target ?? suite.target?.absoluteString ?? ""
            let secret = try Self.secret(
                for: suite, lookup: lookup, environment: context.environment, isEmbedded: suiteTarget.isEmpty,
                console: console)
            plans.append(SuitePlan(suite: suite, target: suiteTarget, secret: secret))
        }
        for plan in plans where !plan.target.isEmpty {
            _ = try Self.checkedTarget(plan.target, synopsis: "the target of suite '\(plan.suite.name)'")
        }
        return try await Self.send(plans, options: options.send, reports: options.reports, context: context)
    }

    /// Sends `plans` through ``Harness/send(_:options:reports:environment:now:events:)`` (those without a
    /// target to the built-in reference receiver), prints progress, the reports written and the summary;
    /// shared by `run` and `replay`.
    static func send(
        _ plans: [SuitePlan], options: SendOptions, reports destinations: ReportDestinations, context: CommandContext
    ) async throws -> ExitCode {
        let console = context.console
        let progress = ProgressPrinter(console: console)
        let outcome: Harness.Outcome
        do {
            outcome = try await Harness.send(plans, options: options, now: context.now) { event in
                switch event {
                case .progress(let step): progress.show(step)
                case .referenceReceiverStarted(let address):
                    console.writeErrorLine("no target given: using the built-in reference receiver at \(address)")
                case .randomSecret, .annotation: break
                }
            }
        } catch {
            throw CommandFailure.environment(error.description)
        }
        progress.finish()
        let run = outcome.run

        if let only = options.only, run.total == 0 {
            console.warning("--only '\(only)' matched no result")
        }
        if let warning = outcome.redactor.shortSecretWarning { console.warning(warning) }
        do {
            try Harness.writeReports(
                outcome, to: destinations, environment: context.environment,
                events: { if case .annotation(let line) = $0 { console.writeLine(line) } })
        } catch {
            throw CommandFailure.environment(error.description)
        }
        let written = [destinations.junit, destinations.markdown, destinations.json].compactMap { $0 }
        if !written.isEmpty { console.writeErrorLine("reports: " + written.joined(separator: ", ")) }
        console.writeLine(run.summary)
        if let latency = run.latency {
            console.writeLine(
                "latency: p50 \(Self.milliseconds(latency.p50)), p95 \(Self.milliseconds(latency.p95)), "
                    + "p99 \(Self.milliseconds(latency.p99)) over \(latency.count) responses")
        }
        return run.exitStatus == 0 ? .success : .failure
    }

    // MARK: - Options

    /// `text` when it is an `http://` or `https://` URL the client can send to.
    static func checkedTarget(_ text: String, synopsis: String) throws -> String {
        do {
            _ = try HTTPURL(text)
        } catch {
            throw CommandFailure.invalidInput("\(synopsis): \(error)")
        }
        return text
    }

    // MARK: - Secrets

    /// The secret of `suite`: from `--secret-env NAME`, else the suite's `{"env": NAME}` (or inline value),
    /// else `HOOKCHECK_SECRET`. A `none` profile needs none. For the embedded receiver an unset variable
    /// gets a random secret shared by both sides, said on stderr.
    static func secret(
        for suite: Suite, lookup: SecretLookup, environment: [String: String], isEmbedded: Bool, console: Console
    ) throws -> String {
        do {
            return try SecretOption.secret(for: suite, lookup: lookup, environment: environment)
        } catch {
            guard isEmbedded, case .variable(let variable) = lookup.source(for: suite) else {
                throw CommandFailure.invalidInput("suite '\(suite.name)': \(error.message)")
            }
            console.writeErrorLine(
                "note: \(variable) is not set: suite '\(suite.name)' and the built-in receiver share a random secret")
            return SecretLookup.randomSecret(for: suite.profile)
        }
    }

    // MARK: - Reports

    private static func milliseconds(_ duration: Duration) -> String {
        ProbeJudge.format(duration.inSeconds * 1000) + " ms"
    }
}
