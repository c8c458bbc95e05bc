import Foundation

/// `hookcheck init --profile NAME`: write a starter suite, one case per known event.
public struct InitCommand: Command {
    public init() {}

    public let name = "init"
    public let summary = "write a starter suite for a profile, one case per known event"
    public let discussion = """
        The suite names the secret's environment variable (default: <PROFILE>_WEBHOOK_SECRET, e.g.
        CRYPTLEX_WEBHOOK_SECRET) and has no target, so `hookcheck run` tries it against the built-in
        reference receiver. Edit the bodies to match what your provider sends.
        """
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "the built-in profile to start from", required: true),
        .option("out", valueName: "FILE", help: "write the suite here (default: stdout)"),
        .option("secret-env", valueName: "NAME", help: "the variable the suite names for its secret"),
        .flag("force", help: "overwrite FILE when it exists"),
    ]

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let profile = try ProfileOption.profile(named: arguments.value("profile") ?? "")
        let variable = arguments.value("secret-env") ?? Self.defaultSecretVariable(for: profile)
        let text = StarterSuite.text(for: profile, secretVariable: variable, now: context.now())
        guard let path = arguments.value("out") else {
            context.console.write(text)
            return .success
        }
        if FileManager.default.fileExists(atPath: path), !arguments.flag("force") {
            throw CommandFailure.invalidInput("'\(path)' exists; pass --force to overwrite it")
        }
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw CommandFailure.environment("cannot write '\(path)': \(error.localizedDescription)")
        }
        let count = max(profile.events.count, 1)
        context.console.writeErrorLine(
            "wrote \(path): \(count) case\(count == 1 ? "" : "s") for profile \(profile.name)")
        return .success
    }

    /// `CRYPTLEX_WEBHOOK_SECRET` for `cryptlex`.
    static func defaultSecretVariable(for profile: Profile) -> String {
        let stem = profile.name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(stem) + "_WEBHOOK_SECRET"
    }
}
