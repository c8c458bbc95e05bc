import Foundation
import Testing

@testable import HookCheck

@Suite("MarkdownWriter")
struct MarkdownWriterTests {
    let markdown = MarkdownWriter.render(ReportFixture.run, redactor: ReportFixture.redactor)

    @Test func fixtureMatchesSnapshot() {
        expectSnapshot(markdown, named: "fixture-report.md")
    }

    @Test func startsWithVerdictAndSummaryTable() {
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.count > 4)
        #expect(lines[1].hasPrefix("❌ **Failed**: hookcheck: 4 passed, 2 failed, 1 error, 1 skipped in 1.234 s"))
        #expect(lines[2] == "| suites | passed | failed | errors | skipped | duration | p50 | p95 | p99 |")
        #expect(lines[4] == "| 2 | 4 | 2 | 1 | 1 | 1.234 s | 12.0 ms | 40.0 ms | 40.0 ms |")
    }

    @Test func tableCellsEscapePipesBackticksAngleBracketsAndNewlines() {
        #expect(
            markdown.contains(
                "| ❌ | Zahlung &lt;&amp;\"'&gt; \\| erstattet · valid | 250.0 ms | expected 2xx, found 500 |"))
        #expect(MarkdownWriter.cell("a|b`c<d\ne") == "a\\|b\\`c&lt;d<br>e")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a|b", "a\\|b"), ("`code`", "\\`code\\`"), ("<script>", "&lt;script&gt;"),
        ("line\r\nnext", "line<br>next"), ("\u{1B}[31mred\u{1B}[0m", "red"), ("a & b", "a &amp; b"),
    ])
    func cellEscaping(input: String, expected: String) {
        #expect(MarkdownWriter.cell(input) == expected)
    }

    @Test func everyTableRowHasTheHeaderColumnCount() {
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            // Count unescaped pipes.
            var count = 0
            var escaped = false
            for character in line {
                if character == "|" && !escaped { count += 1 }
                escaped = character == "\\" && !escaped
            }
            if let columns { #expect(count == columns, "row: \(line)") } else { columns = count }
        }
    }

    @Test func failuresAreInDetailsWithFencesLongerThanTheirContent() throws {
        // Three failures, then each suite's folded result table and delivery log.
        #expect(markdown.components(separatedBy: "<details>").count - 1 == 3 + 2 + 2)
        #expect(markdown.contains("<summary>All 6 results</summary>"))
        #expect(
            markdown.contains(
                "<summary>❌ Zahlung &lt;&amp;\"'&gt; | erstattet · valid (failed): expected 2xx, found 500</summary>"))
        // The response holds ``` so its fence must be four backticks.
        #expect(markdown.contains("````http\nHTTP/1.1 500 Internal Server Error\n\nboom ``` \n````"))
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test func eachSuiteOpensWithACaseByProbeMatrix() {
        #expect(
            markdown.contains(
                "| case | valid | bad-signature | unknown-event | future-timestamp |\n| --- | :-: | :-: | :-: | :-: |\n"
                    + "| payment succeeded | ✅ | ❌ | ⚠️ | ⏭️ |\n"
                    + "| Zahlung &lt;&amp;\"'&gt; \\| erstattet | ❌ | — | — | — |\n"))
    }

    @Test func inapplicableChecksAreNamedOnceAndRootCausesComeFirst() {
        let results = [
            CaseResult(caseName: "a", check: "valid", status: .failed, message: "got 500", found: "500"),
            CaseResult(
                caseName: "a", check: "replay", status: .failed, message: "replay got 500", found: "500",
                rootCause: "a · valid"),
            CaseResult(caseName: "b", check: "valid", status: .passed),
            CaseResult(caseName: "b", check: "bad-signature", status: .error, message: "refused"),
        ]
        let suite = SuiteResult(
            name: "S", profile: "clarityflow", target: "t", startedAt: Date(timeIntervalSince1970: 0),
            results: results,
            notApplicable: [InapplicableProbes(checks: ["stale-timestamp"], reason: "clarityflow signs no timestamp")])
        let text = MarkdownWriter.render(
            RunResult(suites: [suite], startedAt: Date(timeIntervalSince1970: 0), duration: .seconds(1), source: "t"))
        #expect(text.contains("Not applicable: stale-timestamp (clarityflow signs no timestamp)\n"))
        #expect(text.components(separatedBy: "stale-timestamp").count - 1 == 1, "named once, not in the matrix")
        #expect(text.contains("| a | ❌ | ❌ | — |\n| b | ✅ | — | 💥 |\n"))
        #expect(text.contains("### Failures: 2 root causes, then 1 that follow from them"))
        let cause = text.range(of: "<summary>❌ a · valid")
        let error = text.range(of: "<summary>💥 b · bad-signature")
        let following = text.range(of: "<summary>❌ a · replay")
        #expect(cause != nil && error != nil && following != nil)
        if let cause, let error, let following {
            #expect(cause.lowerBound < following.lowerBound && error.lowerBound < following.lowerBound)
        }
    }

    @Test func deliveryLogListsEveryAttempt() {
        #expect(
            markdown.contains("| 1 | payment succeeded · valid | POST | http://127.0.0.1:8080/hooks/stripe | 200 |"))
        #expect(markdown.contains("| 1 | document signed · valid | POST | http://127.0.0.1:1/hooks/documenso | – |"))
        #expect(markdown.contains("| 3 | 書類 署名済み · replay | POST | http://127.0.0.1:1/hooks/documenso | 204 |"))
    }

    @Test func secretsAreRedacted() {
        #expect(!markdown.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        #expect(!markdown.contains("5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
        #expect(!markdown.contains(ReportFixture.documensoToken))
    }

    @Test func stepSummaryIsTheWholeReportWhenItFits() {
        #expect(MarkdownWriter.stepSummary(ReportFixture.run, redactor: ReportFixture.redactor) == markdown)
    }

    @Test func stepSummaryIsCutAtABlockBoundaryWithANote() {
        let limit = 4000
        let summary = MarkdownWriter.stepSummary(ReportFixture.run, redactor: ReportFixture.redactor, limit: limit)
        #expect(summary.utf8.count <= limit)
        #expect(markdown.hasPrefix(summary.components(separatedBy: "\n> **Cut to fit").first ?? "-"))
        #expect(summary.contains("> **Cut to fit GitHub's 3 KiB step summary:**"))
        #expect(summary.contains("left out"))
        // Never inside an open details block.
        #expect(
            summary.components(separatedBy: "<details>").count == summary.components(separatedBy: "</details>").count)
    }

    @Test func largeRunStepSummaryStaysUnderOneMebibyte() {
        var run = ReportFixture.run
        let failing = ReportFixture.run.suites[0].results[1]
        run.suites[0].results = Array(repeating: failing, count: 1500)
        let full = MarkdownWriter.render(run)
        let summary = MarkdownWriter.stepSummary(run)
        #expect(full.utf8.count > MarkdownWriter.stepSummaryLimit)
        #expect(summary.utf8.count <= MarkdownWriter.stepSummaryLimit)
        #expect(summary.utf8.count > MarkdownWriter.stepSummaryLimit - 16 * 1024)
    }
}
