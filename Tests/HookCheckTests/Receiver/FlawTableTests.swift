import Foundation
import Testing

@testable import HookCheck

/// The proof through the send runner: the reference receiver passes every applicable probe of every
/// bundled suite, and each flaw makes the probes it targets fail on every profile where they apply.
struct FlawTableTests {
    /// Flaw → the probes that must fail. (`tampered-body` is not listed for `accept-any-signature`: the
    /// tampered value may break the envelope, which is refused with 400 whatever the signature.)
    static let table: [ReceiverFlaw: [ProbeKind]] = [
        .acceptAnySignature: [.badSignature, .missingSignature, .wrongToken, .missingToken],
        .noTimestampCheck: [.staleTimestamp],
        .reserializeBeforeVerify: [.reformattedJSON],
        .rejectReplay: [.replay],
        .crashOnUnknownEvent: [.unknownEvent],
        .slow: [.valid],
    ]

    static let secret = "flaw-table-secret"

    /// The bundled suite of `profile`, loaded.
    static func suite(_ profile: String) throws -> Suite {
        try Suite.load(from: URL(fileURLWithPath: ReceiverFixtures.suitesFolder + profile + ".json"))
    }

    /// The secret a receiver route and the sender share for `profile`.
    static func secret(for profile: Profile) -> String {
        if case .standardWebhooks = profile.scheme { return ReceiverRoute.defaultSecret(for: profile) }
        return secret
    }

    /// Runs `suite` against a fresh reference receiver with `flaws`.
    static func run(_ suite: Suite, flaws: Set<ReceiverFlaw>, slowDelay: Duration = .seconds(11)) async throws
        -> RunResult
    {
        let secret = secret(for: suite.profile)
        let receiver = ReferenceReceiver(
            routes: [ReceiverRoute(path: "/hook", profile: suite.profile, secret: secret)], flaws: flaws,
            configuration: .init(slowDelay: slowDelay))
        try await receiver.start()
        let plan = SuitePlan(suite: suite, target: receiver.url(for: "/hook"), secret: secret)
        let result = await SendRunner().run([plan])
        await receiver.shutdown()
        return result
    }

    @Test(arguments: Profile.builtInNames)
    func referenceReceiverPassesEveryApplicableProbe(_ name: String) async throws {
        // Correctness, not speed: a loaded CI machine may take longer than a provider's deadline (Slack's 3 s)
        // for a first request; the `slow` flaw row checks `within` on its own.
        var suite = try Self.suite(name)
        suite.cases = suite.cases.map { suiteCase in
            var relaxed = suiteCase
            relaxed.expect.within = max(relaxed.expect.within, 60)
            return relaxed
        }
        let result = try await Self.run(suite, flaws: [])
        #expect(result.failed == 0 && result.errors == 0, "\(result.failedResults.map(\.result.name))")
        #expect(result.passed > 0)
        let judged = Set(result.results.filter { $0.status != .skipped }.map(\.check))
        let profile = try Self.suite(name).profile
        // A tolerated future timestamp leaves the probe's expectation open: it is reported as skipped.
        let supported = Set(
            profile.supportedProbes.filter { $0 != .futureTimestamp || profile.futureTimestamps == .reject }
                .map(\.rawValue))
        #expect(supported.isSubset(of: judged), "not judged: \(supported.subtracting(judged).sorted())")
    }

    static let flawCases: [(ReceiverFlaw, String)] = ReceiverFlaw.allCases.flatMap { flaw in
        Profile.builtInNames.map { (flaw, $0) }
    }

    @Test(arguments: flawCases)
    func flawMakesItsTargetedProbesFail(_ flaw: ReceiverFlaw, _ name: String) async throws {
        var suite = try Self.suite(name)
        let profile = suite.profile
        let observable = profile.supportedProbes.filter { probe in
            guard Self.table[flaw, default: []].contains(probe) else { return false }
            // Tokens and no authentication do not cover the body: re-serialising cannot break them.
            return probe != .reformattedJSON
                || (!profile.scheme.isToken && !profile.scheme.authenticationHeaders.isEmpty)
        }
        guard !observable.isEmpty else { return }
        suite.cases = Array(suite.cases.prefix(1))
        suite.probes = observable
        var slowDelay = Duration.seconds(11)
        if flaw == .slow {
            suite.expect.within = 0.2
            for index in suite.cases.indices { suite.cases[index].expect.within = 0.2 }
            slowDelay = .milliseconds(600)
        }
        let result = try await Self.run(suite, flaws: [flaw], slowDelay: slowDelay)
        for probe in observable {
            let results = result.results.filter { $0.check == probe.rawValue }
            #expect(!results.isEmpty, "\(probe) was not judged")
            let passed = results.filter { !$0.isFailure }.map(\.name)
            #expect(passed.isEmpty, "\(flaw) on \(name): \(passed) passed")
        }
    }
}
