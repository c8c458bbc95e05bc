import Foundation
import HookCheck

/// `hookcheck profiles`: the table of built-in profiles.
public struct ProfilesCommand: Command {
    public init() {}

    public let name = "profiles"
    public let summary = "list the built-in provider profiles"
    public let options: [OptionSpec] = []

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        context.console.write(Self.table(Profile.builtIn))
        return .success
    }

    /// A plain-text table: profile, method, event, id, timestamp and auth, one row per profile.
    static func table(_ profiles: [Profile]) -> String {
        let header = ["profile", "method", "event", "id", "timestamp", "auth"]
        let rows = profiles.map { profile in
            [
                profile.name, profile.method.rawValue, profile.event.description, profile.id.description,
                profile.timestamp.description, authDescription(profile.scheme),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            return padded.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    /// The scheme and the header it authenticates with: `hmac X-Hub-Signature-256`, `none`.
    static func authDescription(_ scheme: SignatureScheme) -> String {
        ([scheme.name] + scheme.authenticationHeaders).joined(separator: " ")
    }
}
