import Foundation
import HookHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `hookcheck listen SUITE...`: capture a provider's deliveries, answer by a respond plan, then
/// check them.
public struct ListenCommand: Command {
    public init() {}

    public let name = "listen"
    public let summary = "capture a provider's deliveries on a loopback port, then check them"
    public let arguments = [ArgumentSpec("SUITE", help: "a suite file, or a folder of *.json suites", variadic: true)]
    public let options: [OptionSpec] =
        [
            .option("host", valueName: "HOST", help: "loopback address to bind", default: "127.0.0.1"),
            .option("port", valueName: "N", help: "port to bind; 0 picks a free one", default: "0"),
            .option("path", valueName: "P", help: "accept deliveries only on this path (default: any path)"),
            .option(
                "captures", valueName: "FILE", help: "append captured deliveries (JSON Lines) to FILE",
                default: "Reports/captures.jsonl"),
            .flag("fsync", help: "also fsync the capture file before answering each delivery"),
            .option(
                "respond", valueName: "PLAN",
                help: "statuses to answer per delivery id, e.g. 200 or 500x2,200", default: "200"),
            .option("respond-delay", valueName: "S", help: "seconds to wait before answering", default: "0"),
            .option("timeout", valueName: "S", help: "stop listening after S seconds"),
            .flag("until-complete", help: "stop as soon as every case of the suite has been seen"),
            .option(
                "url", valueName: "URL",
                help: "URL the provider signs over, for {url} schemes (default: the suite's target, else Host)"),
            .flag("redact-captures", help: "drop signature and token values from the capture file"),
            .option(
                "max-connections", valueName: "N", help: "concurrent connections; more get 503 and are closed",
                default: "1024"),
            .option(
                "max-body", valueName: "BYTES", help: "largest body accepted; larger gets 413", default: "10485760"),
            .option(
                "header-timeout", valueName: "S", help: "seconds to receive a request's headers before 408",
                default: "10"),
            .option("idle-timeout", valueName: "S", help: "seconds a keep-alive connection may idle", default: "30"),
            SecretOption.spec,
        ] + ReportOptions.specs
    public let discussion = """
        the first line on stdout is 'listening on http://HOST:PORT/'. every delivery is written to the capture
        file before it is answered. listening stops after --timeout, on SIGINT or SIGTERM (in-flight deliveries
        finish first), or with --until-complete once every case has been seen; then the captures are checked as
        'check' does. exit 0 when every check passed, 1 when one failed, 3 when the port or capture file is
        unusable.
        """

    /// Why listening stopped.
    enum StopReason: Sendable {
        case timeout
        case signal(Int32)
        case complete
    }

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let console = context.console
        let host = arguments.value("host") ?? "127.0.0.1"
        guard ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") else {
            throw CLIError.invalidValue(
                synopsis: "--host HOST", value: host, expected: "a loopback address (127.0.0.1, ::1 or localhost)")
        }
        let port = try arguments.integer("port", in: 0...65_535) ?? 0
        let delay = try arguments.number("respond-delay", minimum: 0) ?? 0
        let timeout = try arguments.number("timeout", minimum: 0)
        let plan: RespondPlan
        do {
            plan = try RespondPlan(parsing: arguments.value("respond") ?? "200")
        } catch {
            throw CLIError.rejectedValue(synopsis: "--respond PLAN", message: error.description)
        }
        var path = arguments.value("path")
        if let given = path, !given.hasPrefix("/") { path = "/" + given }

        let suites = try CheckCommand.loadSuites(arguments.arguments, console: console)
        let secrets = try CheckCommand.secrets(for: suites, arguments: arguments, environment: context.environment)

        let (stops, stop) = AsyncStream.makeStream(of: StopReason.self)
        let progress = Self.progressPrinter(console: console, stop: stop)
        let capturePath = arguments.value("captures") ?? "Reports/captures.jsonl"
        var server = HTTPServer.Configuration(host: host, port: port)
        server.maxConnections = try arguments.integer("max-connections", in: 1...65_536) ?? 1024
        server.limits.maxBodyBytes = try arguments.integer("max-body", in: 0...(1 << 34)) ?? server.limits.maxBodyBytes
        server.headerReadTimeout = .seconds(try arguments.number("header-timeout", minimum: 0.1) ?? 10)
        server.idleTimeout = .seconds(try arguments.number("idle-timeout", minimum: 0.1) ?? 30)
        let listener = Listener(
            suites: suites,
            configuration: .init(
                server: server, path: path, capturePath: capturePath,
                fsync: arguments.flag("fsync"), respondPlan: plan, respondDelay: .seconds(delay),
                redactsCaptures: arguments.flag("redact-captures")),
            observer: { event in
                progress(event, arguments.flag("until-complete"))
            })
        let startedAt = context.now()
        do {
            try await listener.start()
        } catch {
            throw CommandFailure.environment(error.description)
        }
        console.writeLine("listening on \(listener.address)")

        let signals = SignalWatch(signals: [SIGINT, SIGTERM]) { number in stop.yield(.signal(number)) }
        defer { signals.cancel() }
        let timer = timeout.map { seconds in
            Task {
                try await Task.sleep(for: .seconds(seconds))
                stop.yield(.timeout)
            }
        }
        var reason = StopReason.timeout
        for await next in stops {
            reason = next
            break
        }
        timer?.cancel()
        switch reason {
        case .timeout: console.writeErrorLine("listen: timeout reached; stopping")
        case .signal(let number): console.writeErrorLine("listen: \(number == SIGINT ? "SIGINT" : "SIGTERM"); stopping")
        case .complete: console.writeErrorLine("listen: every case seen; stopping")
        }
        await listener.stop(gracePeriod: .seconds(5))
        console.writeErrorLine("listen: \(listener.capturedCount) deliveries captured in \(capturePath)")

        return try await Self.checkAndReport(
            suites: suites, secrets: secrets, capturePath: capturePath, startedAt: startedAt, arguments: arguments,
            context: context)
    }

    // MARK: - Steps

    /// A function that prints progress on stderr (a line per delivery, then a summary a second) and
    /// forwards completion.
    private static func progressPrinter(
        console: Console, stop: AsyncStream<StopReason>.Continuation
    ) -> @Sendable (ListenerEvent, Bool) -> Void {
        let summary = ListenerProgress()
        return { event, stopsWhenComplete in
            switch event {
            case .captured(let delivery):
                if let line = summary.line(for: delivery) { console.writeErrorLine(line) }
            case .ignored(let method, let target):
                console.writeErrorLine("\(method) \(target) → 404 (not the --path; not captured)")
            case .captureFailed(let error):
                console.error("\(error); the delivery was answered 503")
            case .complete:
                if stopsWhenComplete { stop.yield(.complete) }
            }
        }
    }

    /// Checks the capture file with the same checker as `hookcheck check`, writes the reports and
    /// prints the summary.
    private static func checkAndReport(
        suites: [Suite], secrets: [String], capturePath: String, startedAt: Date, arguments: ParsedArguments,
        context: CommandContext
    ) async throws(CommandFailure) -> ExitCode {
        let results: [SuiteResult]
        do {
            results = try await Checker.check(
                capturesAt: capturePath, suites: suites, secrets: secrets,
                options: CheckOptions(url: arguments.value("url"), source: capturePath))
        } catch {
            throw .environment(error.description)
        }
        let run = RunResult(
            suites: results, startedAt: startedAt,
            duration: .seconds(max(0, context.now().timeIntervalSince(startedAt))), source: capturePath,
            hostname: ProcessInfo.processInfo.hostName)
        return try CheckCommand.report(run, suites: suites, secrets: secrets, arguments: arguments, context: context)
    }
}
