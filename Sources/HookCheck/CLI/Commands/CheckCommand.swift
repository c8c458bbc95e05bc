import Foundation

/// `hookcheck check SUITE... --captures FILE`: judge deliveries captured earlier.
public struct CheckCommand: Command {
    public init() {}

    public let name = "check"
    public let summary = "check captured deliveries against a suite"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] =
        [
            .option(
                "captures", valueName: "FILE", help: "capture file (JSON Lines) written by 'listen'", required: true),
            .option(
                "url", valueName: "URL",
                help: "URL the provider signs over, for {url} schemes (default: the suite's target, else Host)"),
            SecretOption.spec,
        ] + ReportOptions.specs
    public let discussion = """
        checks method, content type, envelope and case shapes, event types, signatures, timestamps, ids,
        retries and counts. exit 0 when every check passed, 1 when one failed.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let suites = try Self.loadSuites(arguments.arguments, console: context.console)
        let secrets = try Self.secrets(for: suites, arguments: arguments, environment: context.environment)
        let path = arguments.value("captures") ?? ""
        let startedAt = context.now()
        let results: [SuiteResult]
        do {
            results = try await Checker.check(
                capturesAt: path, suites: suites, secrets: secrets,
                options: CheckOptions(url: arguments.value("url"), source: path))
        } catch {
            throw CommandFailure.environment(error.description)
        }
        let duration = Duration.seconds(max(0, context.now().timeIntervalSince(startedAt)))
        let run = RunResult(
            suites: results, startedAt: startedAt, duration: duration, source: path,
            hostname: ProcessInfo.processInfo.hostName)
        return try Self.report(run, suites: suites, secrets: secrets, arguments: arguments, context: context)
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

    /// Each suite's secret: `--secret-env NAME` when given, else the suite's `{"env": NAME}` (or inline
    /// value), else `HOOKCHECK_SECRET`; empty for profiles without authentication.
    /// - Throws: ``CommandFailure`` (exit 2) naming the variable that is unset or empty, never a value.
    public static func secrets(
        for suites: [Suite], arguments: ParsedArguments, environment: [String: String]
    ) throws(CommandFailure) -> [String] {
        var secrets: [String] = []
        for suite in suites {
            if case .none = suite.profile.scheme {
                secrets.append("")
            } else if arguments.isGiven(SecretOption.spec.name) {
                secrets.append(try SecretOption.secret(from: arguments, environment: environment))
            } else {
                switch suite.secret {
                case .environment(let name):
                    secrets.append(try SecretOption.secret(named: name, environment: environment))
                case .inline(let secret):
                    secrets.append(secret.value)
                case nil:
                    secrets.append(
                        try SecretOption.secret(named: SecretOption.defaultVariable, environment: environment))
                }
            }
        }
        return secrets
    }

    /// Writes the reports, prints each failing result on stderr and the summary on stdout.
    /// - Returns: ``ExitCode/success`` when every result passed, else ``ExitCode/failure``.
    /// - Throws: ``CommandFailure`` (exit 3) when a report cannot be written.
    public static func report(
        _ run: RunResult, suites: [Suite], secrets: [String], arguments: ParsedArguments, context: CommandContext
    ) throws(CommandFailure) -> ExitCode {
        let redactor = Redactor(
            headerNames: suites.flatMap(\.profile.scheme.authenticationHeaders), secrets: secrets.filter { !$0.isEmpty }
        )
        let console = context.console
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
            try ReportWriter.write(
                run, to: ReportOptions.destinations(from: arguments), redactor: redactor,
                environment: context.environment,
                annotate: { console.writeLine($0) })
        } catch {
            throw .environment(error.description)
        }
        console.writeLine(run.summary)
        return run.exitStatus == 0 ? .success : .failure
    }
}
