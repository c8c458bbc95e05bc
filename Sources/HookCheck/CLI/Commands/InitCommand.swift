import Foundation

/// `hookcheck init --profile NAME`: write a starter suite, the bundled suite of the profile.
public struct InitCommand: Command {
    public init() {}

    public let name = "init"
    public let summary = "write a starter suite for a profile: the bundled suite, real bodies included"
    public let discussion = """
        The suite is the one bundled in Suites/ for the profile: the same cases, real payloads of each
        event, and the same secret variable (e.g. STRIPE_WEBHOOK_SECRET, SLACK_SIGNING_SECRET; change it
        with --secret-env). It has no target, so `hookcheck run` tries it against the built-in reference
        receiver. Add cases for the other events you handle, ideally from captured deliveries.
        """
    public let options: [OptionSpec] = [
        .option("profile", valueName: "NAME", help: "the built-in profile to start from", required: true),
        .option("out", valueName: "FILE", help: "write the suite here (default: stdout)"),
        .option("secret-env", valueName: "NAME", help: "the variable the suite names for its secret"),
        .flag("force", help: "overwrite FILE when it exists"),
    ]

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let profile = try ProfileOption.profile(named: arguments.value("profile") ?? "")
        let variable = arguments.value("secret-env") ?? StarterSuite.defaultSecretVariable(for: profile)
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
        let count =
            StarterSuite.make(for: profile, secretVariable: variable, now: context.now())["cases"]?
            .arrayValue?.count ?? 0
        context.console.writeErrorLine(
            "wrote \(path): \(count) case\(count == 1 ? "" : "s") for profile \(profile.name)")
        return .success
    }
}
