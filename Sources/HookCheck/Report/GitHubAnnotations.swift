import Foundation

/// GitHub Actions workflow commands for failed results: one `::error` line each, at most
/// `limit` (GitHub shows 10 error annotations per step), then a line counting the rest.
public enum GitHubAnnotations {
    /// GitHub's limit on error annotations per step.
    public static let limit = 10

    /// The annotation lines for `run`'s failed and error results, after redacting it; empty when
    /// nothing failed.
    /// - Parameters:
    ///   - run: the results.
    ///   - redactor: keeps secrets out of the lines.
    ///   - limit: the most `::error` lines.
    /// - Returns: lines for stdout, without newlines.
    public static func render(_ run: RunResult, redactor: Redactor = Redactor(), limit: Int = limit) -> [String] {
        let failures = redactor.redact(run).failedResults
        var lines: [String] = failures.prefix(max(0, limit)).map { suite, result in
            var properties: [String] = []
            if let file = suite.file {
                properties.append("file=" + escapeProperty(file))
                if let line = result.line { properties.append("line=\(line)") }
            }
            properties.append("title=" + escapeProperty("\(suite.name): \(result.name)"))
            var message = result.message.isEmpty ? "\(result.status.rawValue): \(result.name)" : result.message
            if let expected = result.expected { message += "\nexpected: " + expected }
            if let found = result.found { message += "\nfound: " + found }
            return "::error " + properties.joined(separator: ",") + "::" + escapeData(message)
        }
        let more = failures.count - lines.count
        if more > 0 {
            lines.append(
                "hookcheck: \(more) more failed \(more == 1 ? "result was" : "results were") not annotated"
                    + " (GitHub shows \(limit) per step); see the reports")
        }
        return lines
    }

    /// A message escaped as actions/toolkit's `escapeData` does: `%`, CR and LF; ANSI escapes and
    /// other control characters removed.
    public static func escapeData(_ text: String) -> String {
        ReportText.clean(text)
            .replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value escaped as actions/toolkit's `escapeProperty` does: also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
