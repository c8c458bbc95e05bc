import Foundation
import HookCheck
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
    public let options = Options.specs
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
        let options = try Options(decoding: arguments)
        let timeout = options.timeout

        let suites = try CheckCommand.loadSuites(arguments.arguments, console: console)
        let plans = try CheckCommand.plans(for: suites, lookup: options.lookup, environment: context.environment)

        let (stops, stop) = AsyncStream.makeStream(of: StopReason.self)
        let progress = Self.progressPrinter(console: console, stop: stop)
        let capturePath = options.listener.capturePath
        let stopsWhenComplete = options.stopsWhenComplete
        let listener = Listener(
            suites: suites, configuration: options.listener,
            observer: { event in
                progress(event, stopsWhenComplete)
            })
        let startedAt = context.now()
        do {
            try await listener.start()
        } catch {
            throw CommandFailure.environment(error.description)
        }
        console.writeLine("listening on \(listener.address)")

        let signals = TerminationSignal.Watch(signals: [SIGINT, SIGTERM]) { number in stop.yield(.signal(number)) }
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
            plans, capturePath: capturePath, url: options.url, startedAt: startedAt, reports: options.reports,
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
        _ plans: [SuitePlan], capturePath: String, url: String?, startedAt: Date, reports: ReportDestinations,
        context: CommandContext
    ) async throws(CommandFailure) -> ExitCode {
        let outcome: Harness.Outcome
        do {
            outcome = try await Harness.judge(
                plans, captures: URL(fileURLWithPath: capturePath), url: url,
                startedAt: startedAt, now: context.now)
        } catch {
            throw .environment(error.description)
        }
        return try CheckCommand.report(outcome, to: reports, context: context)
    }
}
