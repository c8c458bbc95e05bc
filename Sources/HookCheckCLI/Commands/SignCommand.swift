import Foundation
import HookCheck
import HookHTTP

/// `hookcheck sign --profile NAME`: sign a body read from stdin and print the header lines to add.
public struct SignCommand: Command {
    public init() {}

    public let name = "sign"
    public let summary = "sign a body read from stdin and print the header lines to add"
    public let usageSuffix = "< body"
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "built-in profile whose signature scheme signs", required: true),
        .option(
            "id", valueName: "ID",
            help: "delivery id to sign and send (default: the body's id field, else a fresh msg_… id)"),
        .option("timestamp", valueName: "T", help: "unix timestamp to sign (default: now)"),
        .option("url", valueName: "URL", help: "the receiver URL, for schemes that sign it ({url})"),
        MethodOption.spec(help: "HTTP method, for schemes that sign it ({method})"),
        SecretOption.spec,
    ]
    public let discussion = """
        the body is signed exactly as read, byte for byte. each output line is one header, 'Name: value'.
        example:
          printf '{"test": 2432232314}' | HOOKCHECK_SECRET=whsec_… hookcheck sign --profile standard-webhooks
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let profile = try ProfileOption.profile(named: arguments.value("profile") ?? "")
        let scheme = profile.scheme
        if let timestamp = arguments.value("timestamp"), scheme.isTimestamped, Int(timestamp) == nil {
            throw CLIError.invalidValue(synopsis: "--timestamp T", value: timestamp, expected: "unix seconds")
        }
        let secret = try SecretOption.secret(for: scheme, from: arguments, environment: context.environment)
        let body = try BodyInput.read(from: context)
        let envelope = try? JSONParser.parse(body)

        var id = arguments.value("id") ?? profile.id(in: envelope, headers: [])
        if id == nil, Self.isHeaderSource(profile.id) {
            id = Self.freshID()
        }
        var timestamp = arguments.value("timestamp") ?? profile.timestampText(in: envelope, headers: [])
        if timestamp == nil || (scheme.isTimestamped && arguments.value("timestamp") == nil) {
            timestamp = String(Int(context.now().timeIntervalSince1970.rounded(.down)))
        }

        let signingContext = SigningContext(
            body: body, url: arguments.value("url") ?? "", method: MethodOption.method(from: arguments), id: id,
            timestamp: timestamp)
        let fields: [HTTPField]
        do {
            fields = try scheme.sign(signingContext, secret: secret)
        } catch {
            throw CommandFailure.invalidInput("cannot sign with profile \(profile.name): \(error)")
        }
        for field in fields {
            context.console.writeLine("\(field.name): \(field.value)")
        }
        return .success
    }

    private static func isHeaderSource(_ source: FieldSource) -> Bool {
        switch source {
        case .header, .headerParameter: true
        case .pointer, .none: false
        }
    }

    /// A fresh delivery id in the `msg_` + 27 base62 characters shape Svix uses.
    private static func freshID() -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var generator = SystemRandomNumberGenerator()
        return "msg_" + String((0..<27).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
