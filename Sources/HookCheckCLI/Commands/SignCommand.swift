import Foundation
import HookCheck
import HookHTTP

/// `hookcheck sign --profile NAME`: sign a body read from stdin and print the header lines to add.
public struct SignCommand: Command {
    public init() {}

    public let name = "sign"
    public let summary = "sign a body read from stdin and print the header lines to add"
    public let usageSuffix = "< body"
    public let options = Options.specs
    public let discussion = """
        the body is signed exactly as read, byte for byte. each output line is one header, 'Name: value'.
        example:
          printf '{"test": 2432232314}' | HOOKCHECK_SECRET=whsec_… hookcheck sign --profile standard-webhooks
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = try Options(decoding: arguments)
        let profile = options.profile
        let scheme = profile.scheme
        let secret = try SecretOption.secret(
            for: scheme, named: options.secretVariable, environment: context.environment)
        let body = try BodyInput.read(from: context)
        let envelope = try? JSONParser.parse(body)

        var id = options.id ?? profile.id(in: envelope, headers: [])
        if id == nil, Self.isHeaderSource(profile.id) {
            id = Self.freshID()
        }
        var timestamp = options.timestamp ?? profile.timestampText(in: envelope, headers: [])
        if timestamp == nil || (scheme.isTimestamped && options.timestamp == nil) {
            timestamp = String(Int(context.now().timeIntervalSince1970.rounded(.down)))
        }

        let signingContext = SigningContext(
            body: body, url: options.url, method: options.method, id: id,
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
