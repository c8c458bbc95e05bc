import Foundation
import Testing

/// Runs every command with known secrets and searches every output stream and every report file for the
/// secrets, in plain, base64 and hex forms (and, for `whsec_` secrets, the key they encode). Signature
/// failures must name the header and what failed, never the expected signature beyond a short prefix.
///
/// Exempt by design (docs/architecture.md "Command line"): `sign` for a token profile prints the token header, which is the
/// secret — that is its output; capture files keep every header as received.
@Suite("Secrets never leak")
struct SecretsTests {
    /// 32 key bytes, Standard Webhooks style.
    static let keyBytes = Array("hookcheck-known-key-0123456789ab".utf8)
    static let whsecSecret = "whsec_" + Data(keyBytes).base64EncodedString()
    static let plainSecret = "sk_hookcheck_Kn0wn-S3cret_7f3a9c1e5b"
    static let secrets = [whsecSecret, plainSecret]

    /// Every form of every known secret that must not appear.
    static let forbidden: [String] = {
        var forms: [String] = []
        for secret in secrets {
            let bytes = Array(secret.utf8)
            forms += [secret, Data(bytes).base64EncodedString(), hex(bytes), hex(bytes).uppercased()]
        }
        let key = Data(keyBytes)
        forms += [
            key.base64EncodedString(), key.base64EncodedString().replacingOccurrences(of: "=", with: ""),
            hex(keyBytes), hex(keyBytes).uppercased(), String(decoding: keyBytes, as: UTF8.self),
        ]
        return forms
    }()

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static let environment = [
        "HOOKCHECK_SECRET": plainSecret, "SW_SECRET": whsecSecret, "PLAIN_SECRET": plainSecret,
        "CRYPTLEX_WEBHOOK_SECRET": plainSecret,
    ]

    static func secret(for profile: String) -> (variable: String, value: String) {
        profile == "standard-webhooks" ? ("SW_SECRET", whsecSecret) : ("PLAIN_SECRET", plainSecret)
    }

    static let body = #"{"type":"user.created","event":"license.created","id":"evt_1","data":{"id":"u_1"}}"#
    static let hmacProfiles = ["standard-webhooks", "stripe", "github", "slack", "shopify", "cryptlex", "iinked-sign"]
    static let tokenProfiles = ["documenso", "ironclad-clickwrap"]

    /// Fails the test for every forbidden form found in `text`, naming where.
    static func expectNoSecret(in text: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for form in forbidden where text.contains(form) {
            Issue.record("\(place) contains a secret form \(form.prefix(6))…", sourceLocation: sourceLocation)
        }
    }

    static func expectNoSecret(in result: HookcheckResult, _ command: String) {
        expectNoSecret(in: result.stdout, "\(command): stdout")
        expectNoSecret(in: result.stderr, "\(command): stderr")
    }

    /// Every regular file under `folder` (reports), scanned; returns how many were.
    @discardableResult
    static func expectNoSecret(inFilesUnder folder: URL, _ command: String) -> Int {
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath } ?? []
        for file in files {
            let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
            expectNoSecret(in: text, "\(command): \(file.lastPathComponent)")
        }
        return files.count
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-secrets-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func signArguments(_ profile: String) -> [String] {
        [
            "sign", "--profile", profile, "--secret-env", secret(for: profile).variable, "--id", "msg_1", "--timestamp",
            "1700000000", "--url", "http://127.0.0.1:3000/hooks",
        ]
    }

    /// The signed header lines `sign` prints for `profile`.
    static func signedHeaders(_ profile: String) async throws -> [String] {
        let result = try await runHookcheck(args: signArguments(profile), env: environment, stdin: body)
        #expect(result.status == 0, "\(profile): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(arguments: forbidden)
    func theSearchFindsEachForm(form: String) {
        withKnownIssue("a planted secret form must be found") {
            Self.expectNoSecret(in: "error: header was \(form) here", "planted")
        }
    }

    @Test(arguments: hmacProfiles)
    func signPrintsSignaturesButNeverTheSecret(profile: String) async throws {
        let result = try await runHookcheck(args: Self.signArguments(profile), env: Self.environment, stdin: Self.body)
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectNoSecret(in: result, "sign --profile \(profile)")
    }

    @Test(arguments: hmacProfiles)
    func verifyFailureNamesTheHeaderButNotTheExpectedSignature(profile: String) async throws {
        let headers = try await Self.signedHeaders(profile)
        let authentication = Set([
            "webhook-signature", "stripe-signature", "x-hub-signature-256", "x-slack-signature",
            "x-shopify-hmac-sha256", "webhook-signature", "x-syngrafii-signature",
        ])
        let signatureLine = try #require(
            headers.first { authentication.contains($0.prefix { $0 != ":" }.lowercased()) })
        let name = String(signatureLine.prefix { $0 != ":" })
        let value = signatureLine.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        // The encoded signature itself, without a scheme prefix such as "v1," "t=…,v1=" or "sha256=".
        let signature = String(value.split(whereSeparator: { ",=".contains($0) }).last ?? "")
        #expect(signature.count >= 20)
        // Same body, wrong signature: the expected one is the signature `sign` printed.
        let wrong = signatureLine.replacingOccurrences(of: signature.prefix(10), with: "AAAAAAAAAA")
        let arguments =
            [
                "verify", "--profile", profile, "--secret-env", Self.secret(for: profile).variable, "--now",
                "1700000000",
                "--url", "http://127.0.0.1:3000/hooks",
            ] + headers.map { $0 == signatureLine ? wrong : $0 }.flatMap { ["--header", $0] }
        let result = try await runHookcheck(args: arguments, env: Self.environment, stdin: Self.body)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.lowercased().contains(name.lowercased()), "\(result.stderr)")
        #expect(!result.stderr.contains(signature.prefix(12)), "the expected signature leaked: \(result.stderr)")
        Self.expectNoSecret(in: result, "verify --profile \(profile)")
    }

    @Test(arguments: tokenProfiles)
    func tokenMismatchNeverQuotesEitherToken(profile: String) async throws {
        let header = profile == "documenso" ? "X-Documenso-Secret" : "Pactsafe-Webhook-Token"
        let received = "received-token-not-the-secret-1234"
        let result = try await runHookcheck(
            args: [
                "verify", "--profile", profile, "--secret-env", "PLAIN_SECRET", "--header", "\(header): \(received)",
            ],
            env: Self.environment, stdin: Self.body)
        #expect(result.status == 1)
        #expect(result.stderr.contains(header), "\(result.stderr)")
        #expect(!result.stderr.contains(received))
        Self.expectNoSecret(in: result, "verify --profile \(profile)")
    }

    @Test func validateWarnsAboutAnInlineSecretWithoutQuotingIt() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = folder.appendingPathComponent("inline.json")
        let text = """
            {"suite": "inline", "profile": "stripe", "secret": {"value": "\(Self.plainSecret)"},
             "cases": [{"name": "c", "body": {"id": "evt_1", "type": "charge.succeeded"}}]}
            """
        try Data(text.utf8).write(to: suite)
        let result = try await runHookcheck(args: ["validate", suite.path], env: [:])
        #expect(result.stderr.contains("warning"), "\(result.stderr)")
        Self.expectNoSecret(in: result, "validate")
    }

    /// `run`, `check`, `listen` and `serve` with every report written: nothing they print or write holds a
    /// secret. `serve` runs until a 3 s
    /// timeout stops it.
    @Test(.timeLimit(.minutes(2)), arguments: ["run", "check", "listen", "serve"])
    func deliveryCommandsKeepSecretsOutOfOutputAndReports(command: String) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = folder.appendingPathComponent("reports")
        let captures = folder.appendingPathComponent("captures.jsonl")
        let suite = folder.appendingPathComponent("sw.json")
        let text = """
            {"suite": "secrets", "profile": "standard-webhooks", "secret": {"env": "SW_SECRET"},
             "cases": [{"name": "created", "body": {"type": "user.created", "data": {"id": "u_1"}}}]}
            """
        try Data(text.utf8).write(to: suite)
        // A capture signed with the right secret and one with a wrong signature, for `check`.
        let headers = try await Self.signedHeaders("standard-webhooks")
        let pairs = headers.map { line -> String in
            let name = line.prefix { $0 != ":" }
            return "[\"\(name)\",\"\(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))\"]"
        }
        let record =
            #"{"seq":1,"receivedAt":"2023-11-14T22:13:20.000Z","remote":"127.0.0.1:1","method":"POST","target":"/","headers":[\#(pairs.joined(separator: ","))],"body":\#(String(reflecting: Self.body))}"#
        let tampered = record.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":2")
            .replacingOccurrences(of: "u_1", with: "u_2")
        try Data((record + "\n" + tampered + "\n").utf8).write(to: captures)
        let reportFlags = ["--reports", reports.path]
        let arguments: [String]
        switch command {
        case "run": arguments = ["run", suite.path] + reportFlags
        case "check": arguments = ["check", suite.path, "--captures", captures.path] + reportFlags
        case "listen":
            arguments =
                [
                    "listen", suite.path, "--port", "0", "--timeout", "1", "--captures",
                    folder.appendingPathComponent("listen.jsonl").path,
                ] + reportFlags
        default: arguments = ["serve", "--profile", "standard-webhooks", "--port", "0", "--secret-env", "SW_SECRET"]
        }
        let result = try await runHookcheck(
            args: arguments, env: Self.environment, timeout: command == "serve" ? 3 : 30)
        Self.expectNoSecret(in: result, command)
        let scanned = Self.expectNoSecret(inFilesUnder: reports, command)
        if command != "serve" {
            #expect(scanned >= 2, "\(command) wrote \(scanned) reports: exit \(result.status), \(result.stderr)")
        }
    }
}

@Suite("Short secrets do not mangle reports")
struct ShortSecretTests {
    /// Where the package's bundled suites are.
    static let suites = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Suites")

    @Test func oneLetterSecretLeavesNamesAloneAndWarnsOnce() async throws {
        let folder = try SecretsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let suite = Self.suites.appendingPathComponent("cryptlex.json").path
        let result = try await runHookcheck(
            args: ["run", suite, "--only", "license.maintenance-expired*", "--reports", folder.path],
            env: ["CRYPTLEX_WEBHOOK_SECRET": "x"])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.components(separatedBy: "shorter than 8 bytes").count - 1
        #expect(warnings == 1, "\(result.stderr)")
        for name in ["report.md", "junit.xml"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("Cryptlex receiver"), "\(name)")
            #expect(text.contains("license.maintenance-expired"), "\(name)")
            #expect(!text.contains("Cryptle[redacted]") && !text.contains("e[redacted]pired"), "\(name)")
        }
    }
}
