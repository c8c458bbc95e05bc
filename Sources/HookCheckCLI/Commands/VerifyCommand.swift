import Foundation
import HookCheck
import HookHTTP

/// `hookcheck verify --profile NAME --header 'Name: value'...`: verify a body read from stdin.
public struct VerifyCommand: Command {
    public init() {}

    public let name = "verify"
    public let summary = "verify the signature of a body read from stdin; exit 0 when valid, 1 when not"
    public let usageSuffix = "< body"
    public let options = Options.specs
    public let discussion = """
        prints 'valid' on stdout and exits 0, or prints 'invalid: <reason>' on stderr and exits 1. the reason names
        the header and what failed (missing, malformed, stale or future timestamp, no signature matched), never
        the secret.
        """

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = try Options(decoding: arguments)
        let profile = options.profile
        let headers = options.headers
        let scheme = profile.scheme
        let secret = try SecretOption.secret(
            for: scheme, named: options.secretVariable, environment: context.environment)
        let body = try BodyInput.read(from: context)
        let envelope = try? JSONParser.parse(body)

        var policy: TimestampPolicy?
        if let tolerance = options.tolerance {
            let future = scheme.timestampPolicy?.future ?? profile.futureTimestamps
            policy = TimestampPolicy(tolerance: tolerance, future: future)
        }
        let verification = scheme.verify(
            headers: headers, body: body, url: options.url, method: options.method,
            id: profile.id(in: envelope, headers: headers),
            timestamp: profile.timestampText(in: envelope, headers: headers),
            secret: secret, now: options.now ?? context.now(), policy: policy)
        switch verification {
        case .valid:
            context.console.writeLine("valid")
            return .success
        case .invalid(let failure):
            context.console.writeErrorLine("invalid: \(failure)")
            return .failure
        }
    }

    /// Parses `Name: value` arguments into headers, keeping order and duplicates.
    /// - Throws: ``CLIError`` for an argument without a colon or with an empty or invalid name. The
    ///   value is never quoted: it may be a token.
    static func headers(_ arguments: [String]) throws(CLIError) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (index, argument) in arguments.enumerated() {
            let ordinal = "header \(index + 1)"
            guard let colon = argument.firstIndex(of: ":") else {
                throw .rejectedValue(
                    synopsis: "--header HEADER", message: "\(ordinal) has no ':'; expected 'Name: value'")
            }
            let name = String(argument[..<colon])
            let isToken =
                !name.isEmpty
                && name.unicodeScalars.allSatisfy { scalar in
                    scalar.isASCII && scalar.value > 32 && scalar.value < 127
                        && !"\"(),/:;<=>?@[\\]{}".unicodeScalars.contains(scalar)
                }
            guard isToken else {
                throw .rejectedValue(
                    synopsis: "--header HEADER",
                    message: "\(ordinal) has an invalid name '\(name)'; expected 'Name: value'")
            }
            let value = argument[argument.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: name, value: value)
        }
        return headers
    }
}
