import Foundation
import HookHTTP
import HookTestSupport
import Testing

@testable import HookCheck

/// Interoperability with the reference Python libraries (PyPI `standardwebhooks`, `svix`, `stripe`,
/// `slack_sdk`) through Tests/interop/peer.py, both ways: the library accepts our signature, and our
/// verify accepts the library's. Skipped, with the reason, when python3 or a module is absent, unless
/// `HOOKCHECK_REQUIRE_INTEROP=1` (set by .ci/checks/20-interop.sh) turns absence into a failure.
@Suite struct InteropTests {
    struct Peer: CustomTestStringConvertible, Sendable {
        var library: String
        var scheme: SignatureScheme
        var secret: String
        var testDescription: String { library }
    }

    static let peers: [Peer] = [
        Peer(
            library: "standardwebhooks", scheme: .standardWebhooks(StandardWebhooksScheme()),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        Peer(
            library: "svix", scheme: .standardWebhooks(StandardWebhooksScheme(headerPrefix: "svix-")),
            secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"),
        Peer(library: "stripe", scheme: .stripe(StripeScheme()), secret: "whsec_test_secret"),
        Peer(library: "slack_sdk", scheme: SigningVectorTests.slack, secret: "8f742231b10e8888abcd99yyyzzz85a5"),
    ]

    /// Non-ASCII and a space after a colon, so any re-encoding or re-serialization breaks the signature.
    static let body = Array(#"{"type": "interop.test", "data": {"name": "Zoë 🌍", "n": 1}}"#.utf8)

    static let script = PackagePaths.root.appendingPathComponent("Tests/interop/peer.py")

    static let required = ProcessInfo.processInfo.environment["HOOKCHECK_REQUIRE_INTEROP"] == "1"

    /// Why the peer cannot run, or `nil` when it can.
    static func unavailability(of library: String) -> String? {
        let result = run(["-c", "import \(library)"], input: Data())
        switch result {
        case .success(let output) where output.status == 0: return nil
        case .success: return "python module \(library) is not installed (pip install \(library))"
        case .failure(let failure): return failure.description
        }
    }

    static let availability: [String: String?] = Dictionary(
        uniqueKeysWithValues: peers.map { ($0.library, unavailability(of: $0.library)) })

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    struct RunFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], input: Data) -> Result<Output, RunFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        // Children that other tests spawn meanwhile must not inherit these pipes and hold them open.
        CloseOnExec.mark(
            stdin.fileHandleForReading.fileDescriptor, stdin.fileHandleForWriting.fileDescriptor,
            stdout.fileHandleForReading.fileDescriptor, stdout.fileHandleForWriting.fileDescriptor,
            stderr.fileHandleForReading.fileDescriptor, stderr.fileHandleForWriting.fileDescriptor)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            return .failure(RunFailure(description: "python3 cannot be started: \(error)"))
        }
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            return .failure(RunFailure(description: "python3 is not on PATH"))
        }
        return .success(Output(status: process.terminationStatus, stdout: out, stderr: err))
    }

    /// Runs peer.py and decodes its JSON answer; returns nil (after recording why) when it cannot.
    static func peer<Answer: Decodable>(
        _ library: String, _ mode: String, request: some Encodable, as: Answer.Type
    ) throws -> Answer? {
        let input = try JSONEncoder().encode(request)
        switch run([script.path, library, mode], input: input) {
        case .failure(let failure):
            Issue.record("\(failure)")
            return nil
        case .success(let output):
            guard output.status == 0 else {
                Issue.record(
                    "peer.py \(library) \(mode) exited \(output.status): \(String(decoding: output.stderr, as: UTF8.self))"
                )
                return nil
            }
            return try JSONDecoder().decode(Answer.self, from: output.stdout)
        }
    }

    struct SignRequest: Encodable {
        var secret: String
        var body: String
        var id: String
        var timestamp: String
    }

    struct SignAnswer: Decodable {
        var headers: [String: String]
    }

    struct VerifyRequest: Encodable {
        var secret: String
        var body: String
        var headers: [String: String]
    }

    struct VerifyAnswer: Decodable {
        var valid: Bool
        var reason: String
    }

    /// Whether to run against `peer`; prints the skip reason when not.
    static func shouldRun(_ peer: Peer) -> Bool {
        let entry: String? = availability[peer.library] ?? "no such peer"
        guard let reason = entry else { return true }
        if required {
            Issue.record("interop required but unavailable: \(reason)")
        } else {
            print("skipped interop with \(peer.library): \(reason)")
        }
        return false
    }

    static var now: Int { Int(Date().timeIntervalSince1970) }

    @Test(arguments: peers)
    func libraryAcceptsOurSignature(_ peer: Peer) throws {
        guard Self.shouldRun(peer) else { return }
        let context = SigningContext(body: Self.body, id: "msg_interop_1", timestamp: String(Self.now))
        let fields = try peer.scheme.sign(context, secret: peer.secret)
        let headers = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let text = String(decoding: Self.body, as: UTF8.self)
        let accepted = try Self.peer(
            peer.library, "verify", request: VerifyRequest(secret: peer.secret, body: text, headers: headers),
            as: VerifyAnswer.self)
        #expect(accepted?.valid == true, "\(peer.library) rejected our signature: \(accepted?.reason ?? "")")

        // The same headers over a body one byte different must be refused, or the check proves nothing.
        let tampered = try Self.peer(
            peer.library, "verify",
            request: VerifyRequest(
                secret: peer.secret, body: text.replacingOccurrences(of: "\"n\": 1", with: "\"n\": 2"),
                headers: headers), as: VerifyAnswer.self)
        #expect(tampered?.valid == false)
    }

    @Test(arguments: peers)
    func weAcceptTheLibrarysSignature(_ peer: Peer) throws {
        guard Self.shouldRun(peer) else { return }
        let now = Self.now
        let request = SignRequest(
            secret: peer.secret, body: String(decoding: Self.body, as: UTF8.self), id: "msg_interop_2",
            timestamp: String(now))
        guard let answer = try Self.peer(peer.library, "sign", request: request, as: SignAnswer.self) else { return }
        let headers = HTTPHeaders(answer.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let date = Date(timeIntervalSince1970: Double(now))
        #expect(peer.scheme.verify(headers: headers, body: Self.body, secret: peer.secret, now: date) == .valid)

        var tampered = Self.body
        tampered[tampered.count - 2] ^= 0x01
        let result = peer.scheme.verify(headers: headers, body: tampered, secret: peer.secret, now: date)
        guard case .invalid(.noSignatureMatched) = result else {
            Issue.record("a tampered body verified as \(result)")
            return
        }
    }

    @Test(arguments: peers)
    func libraryAndWeProduceIdenticalHeaders(_ peer: Peer) throws {
        guard Self.shouldRun(peer) else { return }
        let timestamp = "1614265330"
        let request = SignRequest(
            secret: peer.secret, body: String(decoding: Self.body, as: UTF8.self), id: "msg_interop_3",
            timestamp: timestamp)
        guard let answer = try Self.peer(peer.library, "sign", request: request, as: SignAnswer.self) else { return }
        let ours = try peer.scheme.sign(
            SigningContext(body: Self.body, id: "msg_interop_3", timestamp: timestamp), secret: peer.secret)
        for field in ours {
            #expect(answer.headers[field.name] == field.value, "\(field.name)")
        }
    }
}
