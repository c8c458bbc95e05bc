import Foundation
import HookCheck

/// `hookcheck serve`: run the reference receiver, optionally with a deliberate flaw.
public struct ServeCommand: Command {
    public init() {}

    /// The flaws `--flaw` accepts (docs/architecture.md "Probes").
    public static let flaws = ReceiverFlaw.names

    public let name = "serve"
    public let summary = "run the reference receiver (correct for every built-in profile, or flawed on purpose)"
    public let options = Options.specs
    public let discussion = """
        the first line on stdout is 'listening on http://HOST:PORT/'. one line per request goes to stderr. \
        the secret is read from the environment (--secret-env, default HOOKCHECK_SECRET); without --profile \
        every built-in profile uses it, at /NAME. runs until SIGINT or SIGTERM, then shuts down gracefully.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = try Options(decoding: arguments)
        let flaws = options.flaws
        let console = context.console
        let routes = try makeRoutes(options, environment: context.environment, console: console)
        let receiver = ReferenceReceiver(
            routes: routes, flaws: flaws,
            configuration: ReferenceReceiver.Configuration(
                host: options.host, port: options.port, slowDelay: options.slowDelay,
                log: { console.writeErrorLine($0) }))
        do {
            try await receiver.start()
        } catch {
            throw CommandFailure.environment(error.description)
        }
        console.writeLine("listening on \(receiver.address)/")
        for route in routes {
            let location = route.path.map { receiver.url(for: $0) } ?? "\(receiver.address)/ (every path)"
            console.writeErrorLine("serving \(route.profile.name) at \(location)")
        }
        if !flaws.isEmpty {
            let names = ReceiverFlaw.allCases.filter(flaws.contains).map(\.rawValue)
            console.warning("flawed on purpose: " + names.joined(separator: ", "))
        }
        let signal = await TerminationSignal.wait()
        console.writeErrorLine(signal.map { "received signal \($0); shutting down" } ?? "stopping")
        await receiver.shutdown()
        for route in routes {
            console.writeErrorLine("\(route.profile.name): \(receiver.statistics(for: route.key))")
        }
        return .success
    }

    /// One route serving every path for `--profile`, else every built-in profile at `/NAME`, all with the
    /// secret from the environment (none needed for a profile without authentication). With every profile,
    /// one whose scheme cannot use the secret is warned about and answers 500.
    private func makeRoutes(
        _ options: Options, environment: [String: String], console: Console
    ) throws -> [ReceiverRoute] {
        if let profile = options.profile {
            let secret = try SecretOption.secret(
                for: profile.scheme, named: options.secretVariable, environment: environment)
            try Self.checkKey(secret, for: profile)
            return [ReceiverRoute(path: nil, profile: profile, secret: secret)]
        }
        let secret = try SecretOption.secret(named: options.secretVariable, environment: environment)
        for profile in Profile.builtIn {
            do {
                try Self.checkKey(secret, for: profile)
            } catch {
                console.warning(error.message + "; /\(profile.name) will answer 500 (use --profile to serve one)")
            }
        }
        return Profile.builtIn.map { ReceiverRoute(path: "/" + $0.name, profile: $0, secret: secret) }
    }

    /// Fails (exit 2) when `secret` cannot key `profile`'s scheme, e.g. Standard Webhooks needs base64
    /// after `whsec_`. The message names the profile and the reason, never the secret.
    private static func checkKey(_ secret: String, for profile: Profile) throws(CommandFailure) {
        let context = SigningContext(body: [], url: "http://127.0.0.1/", id: "msg_check", timestamp: "0")
        do {
            _ = try profile.scheme.sign(context, secret: secret)
        } catch {
            guard error.code == .invalidSecret, let reason = error.reason else { return }
            throw .invalidInput("the secret cannot be used for profile \(profile.name): \(reason)")
        }
    }
}
