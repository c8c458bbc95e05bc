import Foundation

/// Writes a run as JUnit XML in the flat profile CI consumers read (GitLab, Jenkins, dorny,
/// EnricoMi, mikepenz, Azure) and that validates against the Jenkins junit-10 schema:
/// `<testsuites>` → one `<testsuite>` per suite → one `<testcase>` per result.
///
/// Every suite carries `name tests failures errors skipped time timestamp hostname id package`
/// with counts equal to its children, and `<properties>` naming target, profile, file and version.
/// A testcase has `classname` (the suite), `name` (`<case> · <check>`, made unique with ` (2)`)
/// and `time` (`%.3f` seconds), and at most one `<failure>`, `<error>` or `<skipped>`, whose
/// `message` is the first line and whose text holds the details. A passed result's warning goes
/// in its `<system-out>`. Text is cleaned of ANSI escapes and XML-illegal characters, then escaped.
public enum JUnitWriter {
    /// The most UTF-8 bytes of details one testcase carries.
    public static let detailsLimit = 64 * 1024

    /// Renders `run` as a JUnit XML document, after redacting it.
    /// - Parameters:
    ///   - run: the results; its `startedAt` and `hostname` are the only clock and host read.
    ///   - redactor: keeps secrets and signature header values out of the document.
    /// - Returns: the document, ending with a newline.
    public static func render(_ run: RunResult, redactor: Redactor = Redactor()) -> String {
        let run = redactor.redact(run)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites"
        xml += attribute("name", "hookcheck")
        xml += attribute("tests", String(run.total))
        xml += attribute("failures", String(run.failed))
        xml += attribute("errors", String(run.errors))
        xml += attribute("time", ReportText.junitSeconds(run.duration))
        xml += ">\n"
        let suiteNames = ReportNaming.unique(run.suites.map { $0.name.isEmpty ? "suite" : $0.name })
        for (index, suite) in run.suites.enumerated() {
            xml += render(suite, name: suiteNames[index], id: index, run: run)
        }
        xml += "</testsuites>\n"
        return xml
    }

    private static func render(_ suite: SuiteResult, name: String, id: Int, run: RunResult) -> String {
        var xml = "  <testsuite"
        xml += attribute("name", name)
        xml += attribute("tests", String(suite.results.count))
        xml += attribute("failures", String(suite.count(.failed)))
        xml += attribute("errors", String(suite.count(.error)))
        xml += attribute("skipped", String(suite.count(.skipped)))
        xml += attribute("time", ReportText.junitSeconds(suite.duration))
        xml += attribute("timestamp", ReportText.junitTimestamp(suite.startedAt))
        xml += attribute("hostname", run.hostname)
        xml += attribute("id", String(id))
        xml += attribute("package", "hookcheck")
        xml += ">\n    <properties>\n"
        var properties = [("target", suite.target), ("profile", suite.profile)]
        if let file = suite.file { properties.append(("suite.file", file)) }
        properties.append(("harness.version", run.harnessVersion))
        if let summary = InapplicableProbes.summary(suite.notApplicable) {
            properties.append(("not-applicable", summary))
        }
        for (key, value) in properties {
            xml += "      <property" + attribute("name", key) + attribute("value", value) + "/>\n"
        }
        xml += "    </properties>\n"
        let caseNames = ReportNaming.unique(suite.results.map { $0.name.isEmpty ? "result" : $0.name })
        for (index, result) in suite.results.enumerated() {
            xml += render(result, classname: name, name: caseNames[index])
        }
        xml += "  </testsuite>\n"
        return xml
    }

    private static func render(_ result: CaseResult, classname: String, name: String) -> String {
        var xml = "    <testcase"
        xml += attribute("classname", classname)
        xml += attribute("name", name)
        xml += attribute("time", ReportText.junitSeconds(result.duration))
        let message = ReportText.firstLine(ReportText.clean(result.message))
        let type = result.check.isEmpty ? result.status.rawValue : result.check
        switch result.status {
        case .passed:
            guard let warning = result.warning else { return xml + "/>\n" }
            xml += ">\n      <system-out>" + text("warning: " + warning) + "</system-out>\n"
        case .failed, .error:
            let element = result.status == .failed ? "failure" : "error"
            xml += ">\n      <\(element)"
            xml += attribute("message", message.isEmpty ? "\(result.status.rawValue): \(result.name)" : message)
            xml += attribute("type", type)
            xml += ">" + text(details(result)) + "</\(element)>\n"
        case .skipped:
            xml += ">\n      <skipped" + attribute("message", message.isEmpty ? "skipped" : message) + "/>\n"
        }
        return xml + "    </testcase>\n"
    }

    /// The text of a failure or error: the full message, expected vs found, and each attempt.
    static func details(_ result: CaseResult) -> String {
        var lines: [String] = []
        if !result.message.isEmpty { lines.append(result.message) }
        if let expected = result.expected { lines.append("expected: " + expected) }
        if let found = result.found { lines.append("found: " + found) }
        for (index, attempt) in result.attempts.enumerated() {
            lines.append("")
            lines.append("attempt \(index + 1): " + ReportNaming.attemptLine(attempt))
            if let request = attempt.requestExcerpt {
                lines.append("request:")
                lines.append(request)
            } else if let headers = attempt.requestHeaders, !headers.isEmpty {
                lines.append("request headers:")
                lines.append(contentsOf: headers.map { "\($0.name): \($0.value)" })
            }
            if let response = attempt.responseExcerpt {
                lines.append("response:")
                lines.append(response)
            }
        }
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "\r\n", with: "\n")
        return DeliveryAttempt.excerpt(text, limit: detailsLimit)
    }

    // MARK: - Escaping

    /// ` name="value"`, cleaned and escaped for an attribute.
    static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escape(ReportText.clean(value), inAttribute: true))\""
    }

    /// `value` cleaned and escaped for element text.
    static func text(_ value: String) -> String {
        escape(ReportText.clean(value), inAttribute: false)
    }

    /// `value` with `& < >` as entities; in attributes also `" '`, and tab and LF as character
    /// references so attribute-value normalisation keeps them; CR always as `&#13;`.
    static func escape(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&apos;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
