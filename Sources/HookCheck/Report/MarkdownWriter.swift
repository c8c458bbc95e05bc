/// Writes a run as GitHub-flavoured Markdown for people and PR summaries: a one-line verdict, a
/// summary table, and per suite a case × probe matrix, the checks that cannot apply named once, each
/// failure in a `<details>` block (root causes first) with expected vs found and the request/response
/// excerpts, then the per-result table and the delivery log folded away.
public enum MarkdownWriter {
    /// GitHub's limit on one step's summary (`GITHUB_STEP_SUMMARY`).
    public static let stepSummaryLimit = 1024 * 1024

    /// Renders `run` as Markdown, after redacting it.
    /// - Parameters:
    ///   - run: the results; its `startedAt` is the only clock read.
    ///   - redactor: keeps secrets and signature header values out of the text.
    /// - Returns: the document, ending with a newline.
    public static func render(_ run: RunResult, redactor: Redactor = Redactor()) -> String {
        blocks(redactor.redact(run)).joined()
    }

    /// The same Markdown, cut at a block boundary to stay within `limit` UTF-8 bytes, with a line
    /// saying what was left out when anything was.
    /// - Parameters:
    ///   - run: the results.
    ///   - redactor: keeps secrets out of the text.
    ///   - limit: the byte budget (GitHub allows 1 MiB per step, less what the step wrote already).
    /// - Returns: Markdown of at most `limit` bytes (empty when `limit` cannot hold the cut notice).
    public static func stepSummary(_ run: RunResult, redactor: Redactor = Redactor(), limit: Int = stepSummaryLimit)
        -> String
    {
        let blocks = blocks(redactor.redact(run))
        let total = blocks.reduce(0) { $0 + $1.utf8.count }
        guard total > limit else { return blocks.joined() }
        let reserve = 300
        var kept = ""
        var size = 0
        var count = 0
        for block in blocks {
            let blockSize = block.utf8.count
            if size + blockSize > limit - reserve { break }
            kept += block
            size += blockSize
            count += 1
        }
        let note =
            "\n> **Cut to fit GitHub's \(limit / 1024) KiB step summary:** \(total - size) bytes"
            + " (\(blocks.count - count) of \(blocks.count) blocks) left out. The full report is in the Markdown report file.\n"
        return size + note.utf8.count <= limit ? kept + note : ""
    }

    // MARK: - Blocks

    /// The document as blocks after which it may be cut: headings, paragraphs, table rows and
    /// whole `<details>` blocks, each ending with a newline.
    static func blocks(_ run: RunResult) -> [String] {
        var blocks: [String] = ["# hookcheck report\n\n"]
        let verdict = run.exitStatus == 0 ? "✅ **Passed**" : "❌ **Failed**"
        blocks.append(
            "\(verdict): \(run.summary) in \(ReportText.humanDuration(run.duration))"
                + " · \(inline(run.source)) · \(inline(ReportText.iso8601(run.startedAt)))"
                + " · \(inline(run.hostname)) · hookcheck \(inline(run.harnessVersion))\n\n")
        let latency = run.latency
        let figures = [latency?.p50, latency?.p95, latency?.p99].map { $0.map(ReportText.humanDuration) ?? "–" }
        blocks.append(
            "| suites | passed | failed | errors | skipped | duration | p50 | p95 | p99 |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
                + "| \(run.suites.count) | \(run.passed) | \(run.failed) | \(run.errors) | \(run.skipped)"
                + " | \(ReportText.humanDuration(run.duration)) | \(figures.joined(separator: " | ")) |\n\n")
        for suite in run.suites {
            blocks += suiteBlocks(suite)
        }
        return blocks
    }

    private static func suiteBlocks(_ suite: SuiteResult) -> [String] {
        let failing = suite.results.contains(where: \.isFailure)
        var blocks = ["## \(failing ? "❌" : "✅") \(inline(suite.name))\n\n"]
        var facts = ["profile \(inline(suite.profile))", "target \(inline(suite.target))"]
        if let file = suite.file { facts.append("file \(inline(file))") }
        facts.append("started \(inline(ReportText.iso8601(suite.startedAt)))")
        facts.append(
            "\(suite.count(.passed)) passed, \(suite.count(.failed)) failed, \(suite.count(.error)) \(suite.count(.error) == 1 ? "error" : "errors"),"
                + " \(suite.count(.skipped)) skipped in \(ReportText.humanDuration(suite.duration))")
        blocks.append(facts.joined(separator: " · ") + "\n\n")
        if let summary = InapplicableProbes.summary(suite.notApplicable) {
            blocks.append(inline(summary.prefix(1).uppercased() + summary.dropFirst()) + "\n\n")
        }
        blocks.append(matrix(suite))
        let failures = suite.results.filter(\.isFailure)
        if !failures.isEmpty {
            let causes = failures.filter { $0.rootCause == nil }
            let following = failures.filter { $0.rootCause != nil }
            var heading = "### Failures: \(causes.count) root \(causes.count == 1 ? "cause" : "causes")"
            if !following.isEmpty { heading += ", then \(following.count) that follow from them" }
            blocks.append(heading + "\n\n")
            blocks += causes.map(details)
            if !following.isEmpty {
                blocks.append("Following from a root cause above (fix that first):\n\n")
                blocks += following.map(details)
            }
        }
        blocks.append(resultTable(suite))
        if let log = deliveryLog(suite) { blocks.append(log) }
        return blocks
    }

    /// The suite at a glance: a row per case, a column per probe or check, ✅ ❌ 💥 ⏭️ in the cells and — where
    /// the check does not apply to the case.
    private static func matrix(_ suite: SuiteResult) -> String {
        var cases: [String] = []
        var checks: [String] = []
        var cells: [String: [String: CaseResult]] = [:]
        for result in suite.results {
            let check = result.check.isEmpty ? "result" : result.check
            if cells[result.caseName] == nil { cases.append(result.caseName) }
            if !checks.contains(check) { checks.append(check) }
            // Where one cell holds several results, the worst shows.
            if let held = cells[result.caseName]?[check], rank(held) >= rank(result) { continue }
            cells[result.caseName, default: [:]][check] = result
        }
        guard !cases.isEmpty else { return "" }
        var table = "| case | " + checks.map(cell).joined(separator: " | ") + " |\n"
        table += "| --- |" + String(repeating: " :-: |", count: checks.count) + "\n"
        for name in cases {
            let row = checks.map { check in cells[name]?[check].map(mark) ?? "—" }
            table += "| \(cell(name.isEmpty ? "(suite)" : name)) | " + row.joined(separator: " | ") + " |\n"
        }
        return table + "\n"
    }

    /// Orders results from best to worst, for the matrix.
    private static func rank(_ result: CaseResult) -> Int {
        switch result.status {
        case .skipped: 0
        case .passed: result.warning == nil ? 1 : 2
        case .failed: 3
        case .error: 4
        }
    }

    /// Every result in a folded table.
    private static func resultTable(_ suite: SuiteResult) -> String {
        var text = "<details>\n<summary>All \(suite.results.count) results</summary>\n\n"
        text += "| | result | time | message |\n| :-: | --- | ---: | --- |\n"
        for result in suite.results {
            let message = result.status == .passed ? (result.warning ?? "") : result.message
            text +=
                "| \(mark(result)) | \(cell(result.name)) | \(ReportText.humanDuration(result.duration))"
                + " | \(cell(ReportText.shorten(ReportText.firstLine(message), to: 160))) |\n"
        }
        return text + "\n</details>\n\n"
    }

    /// Every HTTP exchange of the suite in a folded table, or `nil` when there was none.
    private static func deliveryLog(_ suite: SuiteResult) -> String? {
        let attempts = suite.results.flatMap { result in result.attempts.map { (result, $0) } }
        guard !attempts.isEmpty else { return nil }
        var text = "<details>\n<summary>Delivery log: \(attempts.count) "
        text += attempts.count == 1 ? "attempt" : "attempts"
        text += "</summary>\n\n"
        text +=
            "| attempt | result | method | target | status | sent at | latency | note |\n"
            + "| ---: | --- | --- | --- | ---: | --- | ---: | --- |\n"
        for (index, (result, attempt)) in attempts.enumerated() {
            text +=
                "| \(index + 1) | \(cell(result.name)) | \(cell(attempt.method)) | \(cell(attempt.target))"
                + " | \(attempt.status.map(String.init) ?? "–")"
                + " | \(ReportText.iso8601(attempt.sentAt)) | \(ReportText.humanDuration(attempt.latency))"
                + " | \(cell(attempt.note ?? "")) |\n"
        }
        return text + "\n</details>\n\n"
    }

    private static func mark(_ result: CaseResult) -> String {
        switch result.status {
        case .passed: result.warning == nil ? "✅" : "⚠️"
        case .failed: "❌"
        case .error: "💥"
        case .skipped: "⏭️"
        }
    }

    /// One failure as a `<details>` block.
    private static func details(_ result: CaseResult) -> String {
        let kind = result.status == .error ? "error" : "failed"
        let headline = ReportText.shorten(ReportText.firstLine(result.message), to: 200)
        var text = "<details>\n<summary>\(mark(result)) \(html(result.name)) (\(kind))"
        text += headline.isEmpty ? "" : ": \(html(headline))"
        if let cause = result.rootCause { text += " — follows from \(html(cause))" }
        text += "</summary>\n\n"
        if result.message.contains(where: \.isNewline) { text += fenced(result.message) }
        if result.expected != nil || result.found != nil {
            var comparison: [String] = []
            if let expected = result.expected { comparison.append("expected: " + expected) }
            if let found = result.found { comparison.append("found:    " + found) }
            text += fenced(comparison.joined(separator: "\n"))
        }
        for (index, attempt) in result.attempts.enumerated() {
            text += "**Attempt \(index + 1)**: \(inline(ReportNaming.attemptLine(attempt)))\n\n"
            if let request = attempt.requestExcerpt {
                text += "Request:\n\n" + fenced(request, language: "http")
            } else if let headers = attempt.requestHeaders, !headers.isEmpty {
                text += "Request headers:\n\n"
                text += fenced(headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"), language: "http")
            }
            if let response = attempt.responseExcerpt {
                text += "Response:\n\n" + fenced(response, language: "http")
            }
        }
        return text + "</details>\n\n"
    }

    // MARK: - Escaping

    /// `text` in a fenced code block whose fence is longer than any backtick run inside it.
    static func fenced(_ text: String, language: String = "text") -> String {
        let body = ReportText.clean(text).replacingOccurrences(of: "\r\n", with: "\n")
        var longest = 0
        var run = 0
        for character in body {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let ending = body.hasSuffix("\n") ? "" : "\n"
        return "\(fence)\(language)\n\(body)\(ending)\(fence)\n\n"
    }

    /// `text` for a table cell: Markdown and HTML specials escaped, newlines as `<br>`.
    package static func cell(_ text: String) -> String {
        var result = ""
        for character in ReportText.clean(text) {
            switch character {
            case "\\": result += "\\\\"
            case "|": result += "\\|"
            case "`": result += "\\`"
            case "*": result += "\\*"
            case "_": result += "\\_"
            case "[": result += "\\["
            case "]": result += "\\]"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r\n", "\n", "\r": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` for running text and headings: escaped like a cell, on one line.
    static func inline(_ text: String) -> String {
        cell(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// `text` for inside an HTML element such as `<summary>`, on one line.
    static func html(_ text: String) -> String {
        var result = ""
        for character in ReportText.clean(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r\n", "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
