import Foundation
import Testing

@testable import HookCheck

@Suite("RunResult")
struct RunResultTests {
    @Test func countsSummaryAndExitStatus() {
        let run = ReportFixture.run
        #expect((run.total, run.passed, run.failed, run.errors, run.skipped) == (8, 4, 2, 1, 1))
        #expect(run.summary == "hookcheck: 4 passed, 2 failed, 1 error, 1 skipped")
        #expect(run.exitStatus == 1)
        #expect(
            run.failedResults.map(\.result.name) == [
                "payment succeeded · bad-signature", "Zahlung <&\"'> | erstattet · valid", "document signed · valid",
            ])
    }

    @Test func skippedResultsDoNotFailTheRun() {
        let result = CaseResult(caseName: "c", check: "future-timestamp", status: .skipped, message: "tolerated")
        let suite = SuiteResult(
            name: "s", profile: "stripe", target: "t", startedAt: ReportFixture.start, results: [result])
        let run = RunResult(suites: [suite], startedAt: ReportFixture.start, duration: .zero, source: "t")
        #expect(run.exitStatus == 0)
        #expect(run.summary == "hookcheck: 0 passed, 0 failed, 0 errors, 1 skipped")
    }

    @Test func suiteDurationDefaultsToTheSumOfItsResults() {
        let results = [
            CaseResult(caseName: "a", check: "valid", status: .passed, duration: .milliseconds(5)),
            CaseResult(caseName: "b", check: "valid", status: .passed, duration: .milliseconds(7)),
        ]
        let suite = SuiteResult(name: "s", profile: "p", target: "t", startedAt: ReportFixture.start, results: results)
        #expect(suite.duration == .milliseconds(12))
    }

    @Test func percentilesUseNearestRank() throws {
        let samples = (1...100).map { Duration.milliseconds($0) }
        let figures = try #require(LatencyPercentiles(samples.shuffled()))
        #expect((figures.p50, figures.p95, figures.p99) == (.milliseconds(50), .milliseconds(95), .milliseconds(99)))
        let single = try #require(LatencyPercentiles([.milliseconds(3)]))
        #expect((single.p50, single.p99) == (.milliseconds(3), .milliseconds(3)))
        #expect(LatencyPercentiles([]) == nil)
    }

    @Test func latencyFallsBackToAttemptsThatGotAResponse() throws {
        var run = ReportFixture.run
        run.latencySamples = []
        let figures = try #require(run.latency)
        #expect(figures.count == 5)
    }

    @Test func excerptsAreCutToTwoKilobytesOnACharacterBoundary() {
        let attempt = ReportFixture.run.suites[0].results[1].attempts[0]
        let response = attempt.responseExcerpt ?? ""
        #expect(response.utf8.count <= DeliveryAttempt.excerptLimit)
        #expect(response.hasSuffix("[cut: \(ReportFixture.hugeResponse.utf8.count) bytes in all]"))
        let cut = DeliveryAttempt.excerpt(String(repeating: "é", count: 2000), limit: 100)
        #expect(cut.utf8.count <= 100)
        #expect(cut.hasPrefix("éé"))
        #expect(DeliveryAttempt.excerpt("short") == "short")
    }
}
