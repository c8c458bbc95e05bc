// An example of hookcheck used from a project's own `swift test`, through the public library API only.
// In your project the receiver under test is your app's webhook endpoint; here it is hookcheck's own
// reference receiver (and a deliberately broken one), started in-process on a free loopback port.

import Foundation
import HookCheck
import Synchronization
import Testing

/// The bundled suites, found relative to this file so the tests run from any working directory.
private let suitesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Suites")

private let secret = "whsec_dGhlIGV4YW1wbGUgdGVzdHMnIG93biBzZWNyZXQ="

/// Starts a receiver for `profile` that verifies with `secret`, with the given flaws.
private func startReceiver(_ profile: Profile, flaws: Set<ReceiverFlaw> = []) async throws -> ReferenceReceiver {
    let receiver = ReferenceReceiver(routes: [ReceiverRoute(path: nil, profile: profile, secret: secret)], flaws: flaws)
    try await receiver.start()
    return receiver
}

@Suite struct WebhookConformanceExamples {
    /// `hookcheck run Suites/ --junit … --markdown …` as library calls: every bundled suite, no target (so
    /// the built-in reference receiver serves them), random shared secrets, reports written.
    @Test func theBundledSuitesPassOnTheBuiltInReceiverAsHookcheckRunDoes() async throws {
        let suites = try Harness.loadSuites(at: [suitesFolder])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hookcheck-example-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Mutex<[String]>([])
        let outcome = try await Harness.run(
            suites, options: SendOptions(concurrency: 8), reports: ReportDestinations(reportsDirectory: folder.path)
        ) { event in
            if case .referenceReceiverStarted(let address) = event { started.withLock { $0.append(address) } }
        }

        #expect(outcome.failed.isEmpty, "\(outcome.summary)")
        #expect(outcome.run.suites.count == suites.count)
        #expect(Set(outcome.run.suites.map(\.name)) == Set(suites.map(\.name)))
        #expect(started.withLock { $0.count } == 1)
        let junit = try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8)
        #expect(junit.contains("failures=\"0\""))
        for plan in outcome.plans where !plan.secret.isEmpty {
            #expect(!junit.contains(plan.secret), "the secret of \(plan.suite.name) is in the JUnit report")
        }
        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("hookcheck"))
    }

    @Test func aMissingSecretNamesTheVariableWhenTheSuiteHasATarget() async throws {
        let suite = try Suite.load(from: suitesFolder.appendingPathComponent("cryptlex.json"))
        let error = await #expect(throws: HarnessError.self) {
            try await Harness.run([suite], target: URL(string: "http://127.0.0.1:9/"))
        }
        #expect(error?.code == .missingSecret)
        #expect(error?.variable == "CRYPTLEX_WEBHOOK_SECRET")
    }

    @Test func aScopedReferenceReceiverServesTheSuite() async throws {
        let suite = try Suite.load(from: suitesFolder.appendingPathComponent("cryptlex.json"))
        let outcome = try await Harness.withReferenceReceiver(
            routes: [ReceiverRoute(path: "/hooks", profile: suite.profile, secret: secret)]
        ) { url in
            try await Harness.run(
                suite, target: url.appendingPathComponent("hooks"), secrets: ["CRYPTLEX_WEBHOOK_SECRET": secret])
        }
        #expect(outcome.failed.isEmpty, "\(outcome.summary)")
    }

    @Test func aCorrectReceiverPassesTheBundledCryptlexSuite() async throws {
        let suite = try Suite.load(from: suitesFolder.appendingPathComponent("cryptlex.json"))
        let receiver = try await startReceiver(suite.profile)
        let outcome = try await Harness.run(
            suite, target: try #require(URL(string: receiver.url(for: "/webhooks/cryptlex"))),
            secrets: ["CRYPTLEX_WEBHOOK_SECRET": secret])
        await receiver.shutdown()

        #expect(outcome.failed.isEmpty, "\(outcome.summary)")
        #expect(outcome.run.passed > 0)
    }

    @Test func aReceiverThatReserialisesJSONFailsTheReformattedProbe() async throws {
        let suite = try Suite.load(from: suitesFolder.appendingPathComponent("standard-webhooks.json"))
        let receiver = try await startReceiver(suite.profile, flaws: [.reserializeBeforeVerify])
        let outcome = try await Harness.run(
            suite, target: try #require(URL(string: receiver.address)),
            secrets: ["STANDARD_WEBHOOKS_SECRET": secret])
        await receiver.shutdown()

        let failedProbes = Set(outcome.failed.map(\.check))
        #expect(failedProbes.contains("reformatted-json"), "\(outcome.summary)")
        #expect(outcome.summary.contains("failed"))
    }

    @Test func aSenderIsCapturedAndCertified() async throws {
        let suite = try Suite.load(from: suitesFolder.appendingPathComponent("github.json"))
        let captures = FileManager.default.temporaryDirectory
            .appendingPathComponent("hookcheck-example-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: captures) }
        let listening = try await Harness.listen(
            suite, secrets: ["GITHUB_WEBHOOK_SECRET": secret],
            configuration: Listener.Configuration(capturePath: captures.path))

        // The "sender": in your project, the code that delivers your webhooks.
        let builder = DeliveryBuilder(profile: suite.profile, secret: secret)
        let sender = SendRunner()
        for suiteCase in suite.cases {
            for delivery in try builder.deliveries(for: suiteCase, probe: .valid, target: listening.address) {
                let exchange = await sender.send(delivery, timeout: .seconds(5))
                #expect(exchange.status == 200)
            }
        }
        #expect(listening.isComplete)
        let outcome = try await listening.finish()

        #expect(outcome.failed.isEmpty, "\(outcome.summary)")
        // The captures can be judged again later, offline.
        let again = try await Harness.check(suite, captures: captures, secrets: ["GITHUB_WEBHOOK_SECRET": secret])
        #expect(again.run.passed == outcome.run.passed)
    }
}
