import Foundation
import HookCheck
import HookHTTP

/// `hookcheck run SUITE...`: send every case and probe to a receiver and judge the responses.
public struct RunCommand: Command {
    /// Starts the in-process receiver used when no target is given anywhere (`nil`: none available).
    public var launcher: EmbeddedReceiver.Launcher?

    /// Creates the command; `launcher` defaults to the built-in reference receiver.
    public init(launcher: EmbeddedReceiver.Launcher? = EmbeddedReceiver.reference) {
        self.launcher = launcher
    }

    public let name = "run"
    public let summary = "send a suite's deliveries to a receiver and judge the responses"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] =
        [
            .option(
                "target", valueName: "URL",
                help: "receiver URL, overriding the suite's target; with none, the built-in reference receiver runs"),
            .option("concurrency", valueName: "N", help: "deliveries sent in parallel", default: "1"),
            .option(
                "repeat", valueName: "N", help: "repeat valid deliveries N times for a latency profile", default: "1"),
            .option(
                "timeout", valueName: "S",
                help: "seconds to wait for each response (default: the case's 'within' plus 5)"),
            .option("only", valueName: "GLOB", help: "run only the results whose 'case · probe' name matches GLOB"),
            .option(
                "shard", valueName: "K/N",
                help: "run only shard K of N (cases dealt round-robin), to spread a suite over a CI matrix"),
            SecretOption.spec,
        ] + ReportOptions.specs
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
        let options = try Self.sendOptions(from: arguments)
        let console = context.console

        let (suites, diagnostics) = SuiteLoader.loadAll(paths: arguments.arguments)
        for diagnostic in diagnostics { console.diagnostic(diagnostic.description) }
        guard !diagnostics.contains(where: \.isError) else {
            throw CommandFailure.invalidInput("suite errors: nothing was sent")
        }

        var target: String?
        if let given = arguments.value("target") {
            target = try Self.checkedTarget(given, synopsis: "--target URL")
        }
        var plans: [SuitePlan] = []
        var embedded: [Int] = []
        for suite in suites {
            let suiteTarget = target ?? suite.target?.absoluteString
            if suiteTarget == nil { embedded.append(plans.count) }
            let secret = try Self.secret(
                for: suite, arguments: arguments, environment: context.environment, isEmbedded: suiteTarget == nil,
                console: console)
            plans.append(SuitePlan(suite: suite, target: suiteTarget ?? "", secret: secret))
        }
        for plan in plans where !plan.target.isEmpty {
            _ = try Self.checkedTarget(plan.target, synopsis: "the target of suite '\(plan.suite.name)'")
        }
        return try await send(plans, embedded: embedded, options: options, arguments: arguments, context: context)
    }

    /// Sends `plans` (those at `embedded` to the built-in reference receiver, started here), prints progress,
    /// writes the reports and the summary; shared by `run` and `replay`.
    func send(
        _ plans: [SuitePlan], embedded: [Int], options: SendOptions, arguments: ParsedArguments,
        context: CommandContext
    ) async throws -> ExitCode {
        var plans = plans
        let console = context.console
        var receiver: (any EmbeddedReceiver.Running)?
        if !embedded.isEmpty {
            guard let launcher else {
                throw CommandFailure.invalidInput(
                    "no target given: pass --target URL or set 'target' in the suite (no built-in receiver here)")
            }
            let (routes, paths) = EmbeddedReceiver.routes(
                for: embedded.map { (plans[$0].suite.profile, plans[$0].secret) })
            do {
                receiver = try await launcher(routes)
            } catch {
                throw CommandFailure.environment("cannot start the built-in reference receiver: \(error)")
            }
            let address = receiver?.address ?? ""
            console.writeErrorLine("no target given: using the built-in reference receiver at \(address)")
            for (offset, index) in embedded.enumerated() { plans[index].target = address + paths[offset] }
        }

        let progress = ProgressPrinter(console: console)
        let runner = SendRunner(options: options, now: context.now)
        let run = await runner.run(plans) { progress.show($0) }
        progress.finish()
        await receiver?.stop()

        if let only = options.only, run.total == 0 {
            console.warning("--only '\(only)' matched no result")
        }
        try Self.writeReports(run, plans: plans, arguments: arguments, context: context)
        console.writeLine(run.summary)
        if let latency = run.latency {
            console.writeLine(
                "latency: p50 \(Self.milliseconds(latency.p50)), p95 \(Self.milliseconds(latency.p95)), "
                    + "p99 \(Self.milliseconds(latency.p99)) over \(latency.count) responses")
        }
        return run.exitStatus == 0 ? .success : .failure
    }

    // MARK: - Options

    static func sendOptions(from arguments: ParsedArguments) throws -> SendOptions {
        let concurrency = try arguments.integer("concurrency", in: 1...1024) ?? 1
        let repeatCount = try arguments.integer("repeat", in: 1...10_000_000) ?? 1
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
        for suite: Suite, arguments: ParsedArguments, environment: [String: String], isEmbedded: Bool,
        console: Console
    ) throws -> String {
        if case .none = suite.profile.scheme { return "" }
        let variable: String
        if arguments.isGiven(SecretOption.spec.name), let name = arguments.value(SecretOption.spec.name) {
            variable = name
        } else {
            switch suite.secret {
            case .inline(let secret): return secret.value
            case .environment(let name): variable = name
            case nil: variable = SecretLookup.defaultVariable
            }
        }
        do {
            return try SecretOption.secret(named: variable, environment: environment)
        } catch {
            guard isEmbedded else {
                throw CommandFailure.invalidInput("suite '\(suite.name)': \(error.message)")
            }
            console.writeErrorLine(
                "note: \(variable) is not set: suite '\(suite.name)' and the built-in receiver share a random secret")
            return SecretLookup.randomSecret(for: suite.profile)
        }
    }

    // MARK: - Reports

    private static func writeReports(
        _ run: RunResult, plans: [SuitePlan], arguments: ParsedArguments, context: CommandContext
    ) throws {
        let destinations = ReportOptions.destinations(from: arguments)
        let redactor = Redactor(
            headerNames: plans.flatMap(\.suite.profile.scheme.authenticationHeaders), secrets: plans.map(\.secret))
        do {
            try ReportWriter.write(
                run, to: destinations, redactor: redactor, environment: context.environment,
                annotate: { context.console.writeLine($0) })
        } catch {
            throw CommandFailure.environment(error.description)
        }
        let written = [destinations.junit, destinations.markdown, destinations.json].compactMap { $0 }
        if !written.isEmpty { context.console.writeErrorLine("reports: " + written.joined(separator: ", ")) }
    }

    private static func milliseconds(_ duration: Duration) -> String {
        ProbeJudge.format(duration.inSeconds * 1000) + " ms"
    }
}
