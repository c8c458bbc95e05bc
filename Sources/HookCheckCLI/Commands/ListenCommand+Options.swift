import HookCheck
import HookHTTP

extension ListenCommand {
    /// `listen`'s options, decoded once from the command line: one source for their defaults (the server's
    /// own, from `HTTPServer.Configuration`) and their help.
    struct Options {
        /// The server defaults `--max-connections`, `--max-body` and the timeouts start from.
        static let serverDefaults = HTTPServer.Configuration()
        /// `--captures` when absent.
        static let defaultCapturePath = "Reports/captures.jsonl"
        /// `--respond` when absent.
        static let defaultRespondPlan = "200"

        /// The declarations `listen` parses and `--help` shows.
        static let specs: [OptionSpec] =
            [
                .option("host", valueName: "HOST", help: "loopback address to bind", default: serverDefaults.host),
                .option(
                    "port", valueName: "N", help: "port to bind; 0 picks a free one",
                    default: String(serverDefaults.port)),
                .option("path", valueName: "P", help: "accept deliveries only on this path (default: any path)"),
                .option(
                    "captures", valueName: "FILE", help: "append captured deliveries (JSON Lines) to FILE",
                    default: defaultCapturePath),
                .flag("fsync", help: "also fsync the capture file before answering each delivery"),
                .option(
                    "respond", valueName: "PLAN",
                    help: "statuses to answer per delivery id, e.g. 200 or 500x2,200", default: defaultRespondPlan),
                .option("respond-delay", valueName: "S", help: "seconds to wait before answering", default: "0"),
                .option("timeout", valueName: "S", help: "stop listening after S seconds"),
                .flag("until-complete", help: "stop as soon as every case of the suite has been seen"),
                .option(
                    "url", valueName: "URL",
                    help: "URL the provider signs over, for {url} schemes (default: the suite's target, else Host)"),
                .flag("redact-captures", help: "drop signature and token values from the capture file"),
                .option(
                    "max-connections", valueName: "N", help: "concurrent connections; more get 503 and are closed",
                    default: String(serverDefaults.maxConnections)),
                .option(
                    "max-body", valueName: "BYTES", help: "largest body accepted; larger gets 413",
                    default: String(serverDefaults.limits.maxBodyBytes)),
                .option(
                    "header-timeout", valueName: "S", help: "seconds to receive a request's headers before 408",
                    default: wholeSeconds(serverDefaults.headerReadTimeout)),
                .option(
                    "idle-timeout", valueName: "S", help: "seconds a keep-alive connection may idle",
                    default: wholeSeconds(serverDefaults.idleTimeout)),
                SecretOption.spec,
            ] + ReportOptions.specs

        /// The listener's configuration: server, path, capture file, respond plan and delay.
        var listener: Listener.Configuration
        /// Stop after this many seconds, if given.
        var timeout: Double?
        /// Stop once every case has been seen.
        var stopsWhenComplete: Bool
        /// `--url`: what `{url}` schemes sign over.
        var url: String?
        /// Where each suite's secret is found (`--secret-env NAME` first).
        var lookup: SecretLookup
        /// Where the reports go.
        var reports: ReportDestinations

        /// Decodes `arguments`.
        /// - Throws: ``CLIError`` (exit 2) naming the option and what it expects.
        init(decoding arguments: ParsedArguments) throws {
            let host = arguments.value("host") ?? Self.serverDefaults.host
            guard ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.") else {
                throw CLIError.invalidValue(
                    synopsis: "--host HOST", value: host, expected: "a loopback address (127.0.0.1, ::1 or localhost)")
            }
            let port = try arguments.integer("port", in: 0...65_535) ?? Self.serverDefaults.port
            let delay = try arguments.number("respond-delay", minimum: 0) ?? 0
            timeout = try arguments.number("timeout", minimum: 0)
            let plan: RespondPlan
            do {
                plan = try RespondPlan(parsing: arguments.value("respond") ?? Self.defaultRespondPlan)
            } catch {
                throw CLIError.rejectedValue(synopsis: "--respond PLAN", message: error.description)
            }
            var path = arguments.value("path")
            if let given = path, !given.hasPrefix("/") { path = "/" + given }
            var server = Self.serverDefaults
            server.host = host
            server.port = port
            server.maxConnections =
                try arguments.integer("max-connections", in: 1...65_536) ?? Self.serverDefaults.maxConnections
            server.limits.maxBodyBytes =
                try arguments.integer("max-body", in: 0...(1 << 34)) ?? Self.serverDefaults.limits.maxBodyBytes
            if let seconds = try arguments.number("header-timeout", minimum: 0.1) {
                server.headerReadTimeout = .seconds(seconds)
            }
            if let seconds = try arguments.number("idle-timeout", minimum: 0.1) {
                server.idleTimeout = .seconds(seconds)
            }
            listener = Listener.Configuration(
                server: server, path: path, capturePath: arguments.value("captures") ?? Self.defaultCapturePath,
                fsync: arguments.flag("fsync"), respondPlan: plan, respondDelay: .seconds(delay),
                redactsCaptures: arguments.flag("redact-captures"))
            stopsWhenComplete = arguments.flag("until-complete")
            url = arguments.value("url")
            lookup = SecretOption.lookup(from: arguments)
            reports = ReportOptions.destinations(from: arguments)
        }

        private static func wholeSeconds(_ duration: Duration) -> String {
            String(duration.components.seconds)
        }
    }
}
