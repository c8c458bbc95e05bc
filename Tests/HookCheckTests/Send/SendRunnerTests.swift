import Foundation
import HookHTTP
import Synchronization
import Testing

@testable import HookCheck

/// Starts an `HTTPServer` on 127.0.0.1 port 0 with `handler`, runs `body` with its address, and stops it.
func withStubServer<T: Sendable>(
    answering handler: @escaping HTTPServer.Handler, run body: (String) async throws -> T
) async throws -> T {
    let server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0), handler: handler)
    try await server.start()
    do {
        let value = try await body(server.address)
        await server.shutdown(gracePeriod: .seconds(1))
        return value
    } catch {
        await server.shutdown(gracePeriod: .seconds(1))
        throw error
    }
}

/// A small correct receiver for one profile: 401 when authentication fails, 400 for a body that is not
/// JSON, 200 otherwise.
func verifyingHandler(profile: Profile, secret: String, url: @escaping @Sendable () -> String) -> HTTPServer.Handler {
    { request in
        let envelope = try? JSONParser.parse(request.body)
        let verification = profile.scheme.verify(
            headers: request.headers, body: request.body, url: url() + request.target, method: request.method.rawValue,
            id: profile.id(in: envelope, headers: request.headers),
            timestamp: profile.timestampText(in: envelope, headers: request.headers), secret: secret, now: Date())
        guard verification.isValid else { return HTTPResponse(status: 401, body: Array("\(verification)".utf8)) }
        guard envelope != nil else { return HTTPResponse(status: 400) }
        return HTTPResponse(status: 200, body: Array("ok".utf8))
    }
}

/// The address of a port nothing listens on: a server started and stopped.
func refusedAddress() async throws -> String {
    try await withStubServer(answering: { _ in HTTPResponse(status: 200) }, run: { $0 })
}

@Suite("Send runner")
struct SendRunnerTests {
    static let body = JSONValue.object(
        JSONObject([("zen", .string("Keep it logically awesome.")), ("n", .number("1"))]))

    static func githubSuite(cases: Int = 1, probes: [ProbeKind]? = nil) throws -> Suite {
        let profile = try #require(Profile.named("github"))
        return Suite(
            name: "GitHub", profile: profile, probes: probes,
            cases: (0..<cases).map { SuiteCase(name: "case \($0)", body: body, headers: [("X-GitHub-Event", "ping")]) })
    }

    @Test func correctReceiverPassesEveryApplicableProbeInSuiteOrder() async throws {
        let suite = try Self.githubSuite(cases: 3)
        let address = Mutex("")
        let run = try await withStubServer(
            answering: verifyingHandler(profile: suite.profile, secret: "s3cr3t", url: { address.withLock { $0 } }),
            run: { base in
                address.withLock { $0 = base }
                let runner = SendRunner(options: SendOptions(concurrency: 8))
                return await runner.run([SuitePlan(suite: suite, target: base + "/hooks", secret: "s3cr3t")])
            })
        let applicable = suite.profile.reportedProbes.filter { $0 != .staleTimestamp && $0 != .futureTimestamp }
        let expectedNames = (0..<3).flatMap { index in applicable.map { "case \(index) · \($0)" } }
        #expect(run.results.map(\.name) == expectedNames)
        #expect(run.failed == 0 && run.errors == 0, "\(run.failedResults.map(\.result.message))")
        #expect(run.skipped == 0, "stale and future timestamps never apply to github: they are not results")
        #expect(
            run.suites.first?.notApplicable
                == [
                    InapplicableProbes(
                        checks: ["stale-timestamp", "future-timestamp"], reason: "github signs no timestamp")
                ])
        #expect(run.results.first { $0.check == "replay" }?.attempts.count == 2)
    }

    @Test func wrongAnswersFailWithExpectedAndFound() async throws {
        let suite = try Self.githubSuite(probes: [.valid, .badSignature, .malformedJSON])
        let run = try await withStubServer(
            answering: { _ in HTTPResponse(status: 500) },
            run: { base in
                await SendRunner().run([SuitePlan(suite: suite, target: base, secret: "s")])
            })
        #expect(run.results.map(\.status) == [.failed, .failed, .failed])
        let valid = run.results[0]
        #expect(valid.expected == "accept: 2xx" && valid.found == "500")
        #expect(valid.message == "answered 500 to a correctly signed delivery: expected 2xx, got 500")
        #expect(run.results[2].message.contains("never a 5xx"))
        #expect(valid.attempts.first?.responseExcerpt?.hasPrefix("HTTP/1.1 500") == true)
    }

    @Test func refusedConnectionIsAnErrorAndTheRunGoesOn() async throws {
        let address = try await refusedAddress()
        let suite = try Self.githubSuite(cases: 2, probes: [.valid, .badSignature])
        let run = await SendRunner().run([SuitePlan(suite: suite, target: address + "/x", secret: "s")])
        #expect(run.results.count == 4)
        #expect(run.results.allSatisfy { $0.status == .error })
        #expect(run.results[0].message.contains("connection refused by 127.0.0.1:"))
        #expect(run.exitStatus == 1)
    }

    @Test func slowAnswerPastTheTimeoutIsAnError() async throws {
        let suite = try Self.githubSuite(probes: [.valid])
        let run = try await withStubServer(
            answering: { _ in
                // Far past the 100 ms timeout, so even a machine stalled for seconds cannot let it arrive first.
                try await Task.sleep(for: .seconds(30))
                return HTTPResponse(status: 200)
            },
            run: { base in
                await SendRunner(options: SendOptions(timeout: .milliseconds(100))).run([
                    SuitePlan(suite: suite, target: base, secret: "s")
                ])
            })
        #expect(run.results.map(\.status) == [.error])
        #expect(run.results[0].message.contains("timed out"))
    }

    @Test func answerAfterWithinFails() async throws {
        var suite = try Self.githubSuite(probes: [.valid])
        suite.cases[0].expect.within = 0.05
        let run = try await withStubServer(
            answering: { _ in
                try await Task.sleep(for: .milliseconds(300))
                return HTTPResponse(status: 200)
            },
            run: { base in
                await SendRunner().run([SuitePlan(suite: suite, target: base, secret: "s")])
            })
        #expect(run.results.map(\.status) == [.failed])
        #expect(run.results[0].message.contains("expected an answer within 0.05 s"))
    }

    @Test func concurrencyKeepsSuiteOrderAndBoundsInFlight() async throws {
        let suite = try Self.githubSuite(cases: 6, probes: [.valid, .badSignature, .replay])
        let inFlight = Mutex((now: 0, peak: 0))
        let run = try await withStubServer(
            answering: { request in
                inFlight.withLock {
                    $0.now += 1
                    $0.peak = max($0.peak, $0.now)
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...20)))
                inFlight.withLock { $0.now -= 1 }
                return HTTPResponse(status: request.headers["X-Hub-Signature-256"] == nil ? 401 : 200)
            },
            run: { base in
                await SendRunner(options: SendOptions(concurrency: 4)).run([
                    SuitePlan(suite: suite, target: base, secret: "s")
                ])
            })
        let expected = (0..<6).flatMap { index in ["valid", "bad-signature", "replay"].map { "case \(index) · \($0)" } }
        #expect(run.results.map(\.name) == expected)
        #expect(inFlight.withLock { $0.peak } <= 4)
        #expect(inFlight.withLock { $0.peak } >= 2)
    }

    @Test func repeatSendsValidDeliveriesAgainAndSamplesLatency() async throws {
        let suite = try Self.githubSuite(probes: [.valid, .badSignature])
        let count = Mutex(0)
        let run = try await withStubServer(
            answering: { request in
                count.withLock { $0 += 1 }
                return HTTPResponse(status: 204)
            },
            run: { base in
                await SendRunner(options: SendOptions(concurrency: 3, repeatCount: 25)).run([
                    SuitePlan(suite: suite, target: base, secret: "s")
                ])
            })
        #expect(count.withLock { $0 } == 26)
        #expect(run.latencySamples.count == 26)
        #expect(run.latency?.count == 26)
        #expect(run.results[0].status == .passed)
        #expect(run.results[0].attempts.count == 1, "repeats are summarised, not logged one by one")
        #expect(run.results[1].status == .failed)
    }

    @Test func shardAndOnlySelectResults() async throws {
        let suite = try Self.githubSuite(cases: 5, probes: [.valid, .badSignature])
        try await withStubServer(
            answering: { _ in HTTPResponse(status: 200) },
            run: { base in
                let plan = SuitePlan(suite: suite, target: base, secret: "s")
                var seen: [String] = []
                for index in 1...2 {
                    let shard = try Shard(parsing: "\(index)/2")
                    let run = await SendRunner(options: SendOptions(shard: shard)).run([plan])
                    seen += run.results.map(\.caseName)
                }
                #expect(seen.sorted() == (0..<5).flatMap { ["case \($0)", "case \($0)"] }.sorted())
                let only = await SendRunner(options: SendOptions(only: GlobPattern("case [13]*"))).run([plan])
                #expect(only.results.isEmpty, "globs have no character classes")
                let valid = await SendRunner(options: SendOptions(only: GlobPattern("* · valid"))).run([plan])
                #expect(valid.results.map(\.check) == Array(repeating: "valid", count: 5))
            })
    }

    @Test func unsignableDeliveryIsAnErrorNamingTheProblem() async throws {
        let suite = try Self.githubSuite(probes: [.valid])
        let run = await SendRunner().run([SuitePlan(suite: suite, target: "http://127.0.0.1:9/", secret: "")])
        #expect(run.results.map(\.status) == [.error])
        #expect(run.results[0].message == "cannot sign a github delivery: invalid secret: the secret is empty")
    }

    @Test func inapplicableProbesAreNamedOnceNotReported() async throws {
        let profile = try #require(Profile.named("clarityflow"))
        let suite = Suite(name: "Clarityflow", profile: profile, cases: [SuiteCase(name: "c", body: Self.body)])
        let run = try await withStubServer(
            answering: { _ in HTTPResponse(status: 200) },
            run: { base in
                await SendRunner().run([SuitePlan(suite: suite, target: base, secret: "")])
            })
        #expect(run.skipped == 0)
        #expect(run.results.map(\.check) == ["valid", "reformatted-json", "unknown-event", "replay", "malformed-json"])
        let groups = try #require(run.suites.first).notApplicable
        #expect(
            groups == [
                InapplicableProbes(
                    checks: ["bad-signature", "missing-signature", "tampered-body"],
                    reason: "clarityflow has no signature"),
                InapplicableProbes(
                    checks: ["stale-timestamp", "future-timestamp"], reason: "clarityflow signs no timestamp"),
                InapplicableProbes(
                    checks: ["malformed-json-unsigned"],
                    reason: "clarityflow has no signature, so malformed-json covers it"),
            ])
    }

    @Test func probesTheSuiteNamesAreSkippedWithTheirReasonWhenTheyCannotApply() async throws {
        let profile = try #require(Profile.named("clarityflow"))
        let suite = Suite(
            name: "Clarityflow", profile: profile, probes: [.valid, .badSignature, .staleTimestamp],
            cases: [SuiteCase(name: "c", body: Self.body)])
        let run = try await withStubServer(
            answering: { _ in HTTPResponse(status: 200) },
            run: { base in
                await SendRunner().run([SuitePlan(suite: suite, target: base, secret: "")])
            })
        let skipped = run.results.filter { $0.status == .skipped }
        #expect(skipped.map(\.check) == ["bad-signature", "stale-timestamp"])
        #expect(skipped.allSatisfy { $0.message.hasPrefix("clarityflow ") })
        #expect(run.suites.first?.notApplicable == [])
    }

    @Test func aToleratedFutureTimestampStaysASkippedResult() async throws {
        var profile = try #require(Profile.named("slack"))
        profile.futureTimestamps = .tolerate
        let suite = Suite(name: "Slack", profile: profile, cases: [SuiteCase(name: "c", body: Self.body)])
        let run = try await withStubServer(
            answering: { _ in HTTPResponse(status: 200) },
            run: { base in
                await SendRunner().run([SuitePlan(suite: suite, target: base, secret: "s3cr3t")])
            })
        #expect(run.results.filter { $0.status == .skipped }.map(\.check) == ["future-timestamp"])
    }

    @Test func failuresThatNeedAcceptanceNameTheFailedValidAsTheirRootCause() async throws {
        let suite = try Self.githubSuite(probes: [.valid, .badSignature, .reformattedJSON, .replay])
        let run = try await withStubServer(
            answering: { _ in HTTPResponse(status: 500) },
            run: { base in
                await SendRunner().run([SuitePlan(suite: suite, target: base, secret: "s3cr3t")])
            })
        let byCheck = Dictionary(uniqueKeysWithValues: run.results.map { ($0.check, $0) })
        #expect(byCheck["valid"]?.rootCause == nil)
        #expect(byCheck["bad-signature"]?.rootCause == nil, "a rejection probe does not depend on valid")
        for check in ["reformatted-json", "replay"] {
            let result = try #require(byCheck[check])
            #expect(result.rootCause == "case 0 · valid")
            #expect(
                result.message.contains("\nThe case's valid probe failed the same way (got 500)"), "\(result.message)")
            #expect(result.message.contains("fix \"case 0 · valid\" first"))
        }
    }
}

@Suite("Harness")
struct HarnessTests {
    @Test func libraryRunNamesTheMissingSecretAndRunsWithIt() async throws {
        let profile = try #require(Profile.named("github"))
        let suite = Suite(
            name: "GitHub", profile: profile, secret: .environment("GH_SECRET"), probes: [.valid, .badSignature],
            cases: [SuiteCase(name: "ping", body: SendRunnerTests.body, headers: [("X-GitHub-Event", "ping")])])
        let target = try #require(URL(string: "http://127.0.0.1:9/"))
        await #expect(throws: HarnessError.missingSecret(variable: "GH_SECRET", suite: "GitHub")) {
            try await Harness.run(suite, target: target)
        }
        let outcome = try await withStubServer(
            answering: verifyingHandler(profile: profile, secret: "s", url: { "" }),
            run: { base in
                try await Harness.run(suite, target: #require(URL(string: base + "/")), secrets: ["GH_SECRET": "s"])
            })
        #expect(outcome.failed.isEmpty, "\(outcome.summary)")
        #expect(outcome.run.passed == 2)
    }
}
