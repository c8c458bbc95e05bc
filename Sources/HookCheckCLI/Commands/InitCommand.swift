import Foundation
import HookCheck

/// `hookcheck init --profile NAME`: write a starter suite, the bundled suite of the profile; or
/// `hookcheck init --from-captures FILE`: infer a regression suite from captured deliveries.
public struct InitCommand: Command {
    public init() {}

    public let name = "init"
    public let summary = "write a starter suite for a profile (the bundled one), or infer one from captures"
    public let discussion = """
        The suite is the one bundled in Suites/ for the profile: the same cases, real payloads of each
        event, and the same secret variable (e.g. STRIPE_WEBHOOK_SECRET, SLACK_SIGNING_SECRET; change it
        with --secret-env). It has no target, so `hookcheck run` tries it against the built-in reference
        receiver.
        with --from-captures FILE (a `hookcheck listen` capture), the suite is inferred from real deliveries:
        the profile from their signature headers (or --profile), one case per event (and Slack sub-event),
        a representative body, `match` entries for what varies, and no secret: values under keys such as
        token, secret, password or api_key are replaced. The file may hold personal data from real payloads;
        review the suite before you commit it.
        with --openapi FILE (an OpenAPI 3.1 document's `webhooks`, or 3.0 `callbacks`, as JSON) and --profile,
        one case per webhook operation: the document's example as the body (or one generated from the
        schema) and the request-body schema, components refs resolved, as the case's `schema`.
        examples:
          hookcheck init --from-captures captures.jsonl --out Suites/stripe-regression.json
          hookcheck init --openapi openapi.json --profile standard-webhooks --out Suites/acme.json
        """
    public let options = Options.specs

    public func run(_ arguments: ParsedArguments, in context: CommandContext) async throws -> ExitCode {
        let options = try Options(decoding: arguments)
        let profile: Profile
        switch options.source {
        case .captures(let path, let given):
            return try inferFromCaptures(path, profile: given, options: options, context: context)
        case .openAPI(let path, let given):
            return try importOpenAPI(path, profile: given, options: options, context: context)
        case .bundled(let given):
            profile = given
        }
        let variable = options.secretVariable ?? StarterSuite.defaultSecretVariable(for: profile)
        let text = StarterSuite.text(for: profile, secretVariable: variable, now: context.now())
        let count =
            StarterSuite.make(for: profile, secretVariable: variable, now: context.now())["cases"]?
            .arrayValue?.count ?? 0
        return try write(
            text, options: options, context: context,
            summary: "\(count) case\(count == 1 ? "" : "s") for profile \(profile.name)")
    }

    private func inferFromCaptures(
        _ path: String, profile given: Profile?, options: Options, context: CommandContext
    ) throws -> ExitCode {
        let console = context.console
        let records: [CaptureRecord]
        do {
            records = try Self.readRecords(path, console: console)
        } catch let error as CaptureFileError {
            throw CommandFailure.environment(error.description)
        }
        let profile: Profile
        var chosen = records
        do {
            if let given {
                profile = given
                if let header = profile.scheme.authenticationHeaders.first {
                    chosen = records.filter { $0.headers.contains(header) }
                    let others = records.count - chosen.count
                    if others > 0 {
                        console.warning("\(others) deliveries without \(header) left out (not \(profile.name)'s)")
                    }
                }
            } else {
                profile = try ProfileDetection.detect(records)
                console.writeErrorLine("profile: \(profile.name) (from the signature headers)")
            }
            let variable = options.secretVariable ?? StarterSuite.defaultSecretVariable(for: profile)
            let outcome = try SuiteInference(profile: profile, secretVariable: variable).infer(from: chosen)
            for note in outcome.notes { console.writeErrorLine("note: \(note)") }
            let text = JSONWriter.pretty(outcome.suite) + "\n"
            return try write(
                text, options: options, context: context,
                summary: "\(outcome.caseCount) case\(outcome.caseCount == 1 ? "" : "s") inferred from "
                    + "\(chosen.count) deliveries for profile \(profile.name)")
        } catch let error as InferenceError {
            throw CommandFailure.invalidInput("\(path): \(error.message)")
        }
    }

    private func importOpenAPI(
        _ path: String, profile: Profile, options: Options, context: CommandContext
    ) throws -> ExitCode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.environment("cannot read '\(path)'")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse([UInt8](data))
        } catch {
            throw CommandFailure.invalidInput(
                "\(path): \(error) (the file must be JSON; convert YAML first, see the README)")
        }
        let variable = options.secretVariable ?? StarterSuite.defaultSecretVariable(for: profile)
        do {
            let (suite, count) = try OpenAPIImport(profile: profile, secretVariable: variable).suite(from: document)
            return try write(
                JSONWriter.pretty(suite) + "\n", options: options, context: context,
                summary:
                    "\(count) case\(count == 1 ? "" : "s") from the webhooks of \(path) for profile \(profile.name)")
        } catch {
            throw CommandFailure.invalidInput("\(path): \(error)")
        }
    }

    /// Every record of a capture file; malformed lines are named on stderr and skipped.
    static func readRecords(_ path: String, console: Console) throws -> [CaptureRecord] {
        let reader = try CaptureFileReader(path: path)
        var records: [CaptureRecord] = []
        while let event = try reader.next() {
            switch event {
            case .record(let record, _): records.append(record)
            case .malformed(let line, let error): console.warning("\(path):\(line): \(error); line skipped")
            case .tornLastLine(let line, _): console.warning("\(path):\(line): torn last line skipped")
            }
        }
        return records
    }

    private func write(_ text: String, options: Options, context: CommandContext, summary: String) throws
        -> ExitCode
    {
        guard let path = options.outputPath else {
            context.console.write(text)
            return .success
        }
        if FileManager.default.fileExists(atPath: path), !options.overwrites {
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
        context.console.writeErrorLine("wrote \(path): \(summary)")
        return .success
    }
}
