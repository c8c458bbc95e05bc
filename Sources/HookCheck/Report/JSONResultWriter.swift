/// Writes a run as JSON for other tools, in the versioned format `hookcheck-results/1`.
///
/// Schema (keys in this order; `?` marks keys whose value may be `null`; durations are seconds
/// as numbers with microsecond precision; dates are RFC 3339 UTC strings with milliseconds):
/// ```
/// { "format": "hookcheck-results/1", "harnessVersion", "hostname", "source", "startedAt", "duration",
///   "summary": "hookcheck: 4 passed, 2 failed, 1 error, 1 skipped", "exitStatus": 0 | 1,
///   "counts": { "tests", "passed", "failed", "errors", "skipped" },
///   "latency"?: { "samples", "p50", "p95", "p99" },
///   "suites": [ { "name", "file"?, "profile", "target", "startedAt", "duration", "counts",
///     "results": [ { "name", "case", "check", "status": "passed" | "failed" | "error" | "skipped",
///       "message", "warning"?, "expected"?, "found"?, "duration", "line"?,
///       "attempts": [ { "method", "target", "status"?, "sentAt", "latency",
///         "requestHeaders"?: [[name, value], …], "request"?, "response"?, "note"? } ] } ] } ] }
/// ```
/// Adding keys keeps the format name; removing or changing one bumps it to `/2`. Text is
/// redacted and free of ANSI escapes; control characters are `\u` escaped.
public enum JSONResultWriter {
    /// The format name and version written as `"format"`.
    public static let format = "hookcheck-results/1"

    /// Renders `run` as pretty-printed JSON, after redacting it.
    /// - Parameters:
    ///   - run: the results.
    ///   - redactor: keeps secrets and signature header values out of the document.
    /// - Returns: the document, ending with a newline.
    public static func render(_ run: RunResult, redactor: Redactor = Redactor()) -> String {
        JSONWriter.pretty(value(redactor.redact(run))) + "\n"
    }

    /// The run as a JSON value tree in the documented schema (not redacted).
    public static func value(_ run: RunResult) -> JSONValue {
        let latency: JSONValue =
            run.latency.map { figures in
                object([
                    ("samples", .number(String(figures.count))), ("p50", seconds(figures.p50)),
                    ("p95", seconds(figures.p95)), ("p99", seconds(figures.p99)),
                ])
            } ?? .null
        return object([
            ("format", .string(format)),
            ("harnessVersion", string(run.harnessVersion)),
            ("hostname", string(run.hostname)),
            ("source", string(run.source)),
            ("startedAt", .string(ReportText.iso8601(run.startedAt))),
            ("duration", seconds(run.duration)),
            ("summary", .string(run.summary)),
            ("exitStatus", .number(String(run.exitStatus))),
            ("counts", counts(total: run.total, count: run.count)),
            ("latency", latency),
            ("suites", .array(run.suites.map(value))),
        ])
    }

    private static func value(_ suite: SuiteResult) -> JSONValue {
        object([
            ("name", string(suite.name)),
            ("file", suite.file.map(string) ?? .null),
            ("profile", string(suite.profile)),
            ("target", string(suite.target)),
            ("startedAt", .string(ReportText.iso8601(suite.startedAt))),
            ("duration", seconds(suite.duration)),
            ("counts", counts(total: suite.results.count, count: suite.count)),
            (
                "notApplicable",
                .array(
                    suite.notApplicable.map { group in
                        object([("checks", .array(group.checks.map(string))), ("reason", string(group.reason))])
                    })
            ),
            ("results", .array(suite.results.map(value))),
        ])
    }

    private static func value(_ result: CaseResult) -> JSONValue {
        object([
            ("name", string(result.name)),
            ("case", string(result.caseName)),
            ("check", string(result.check)),
            ("status", .string(result.status.rawValue)),
            ("message", string(result.message)),
            ("warning", result.warning.map(string) ?? .null),
            ("expected", result.expected.map(string) ?? .null),
            ("found", result.found.map(string) ?? .null),
            ("rootCause", result.rootCause.map(string) ?? .null),
            ("duration", seconds(result.duration)),
            ("line", result.line.map { .number(String($0)) } ?? .null),
            ("attempts", .array(result.attempts.map(value))),
        ])
    }

    private static func value(_ attempt: DeliveryAttempt) -> JSONValue {
        let headers: JSONValue =
            attempt.requestHeaders.map { fields in
                .array(fields.map { .array([string($0.name), string($0.value)]) })
            } ?? .null
        return object([
            ("method", string(attempt.method)),
            ("target", string(attempt.target)),
            ("status", attempt.status.map { .number(String($0)) } ?? .null),
            ("sentAt", .string(ReportText.iso8601(attempt.sentAt))),
            ("latency", seconds(attempt.latency)),
            ("requestHeaders", headers),
            ("request", attempt.requestExcerpt.map(string) ?? .null),
            ("response", attempt.responseExcerpt.map(string) ?? .null),
            ("note", attempt.note.map(string) ?? .null),
        ])
    }

    private static func counts(total: Int, count: (ResultStatus) -> Int) -> JSONValue {
        object([
            ("tests", .number(String(total))), ("passed", .number(String(count(.passed)))),
            ("failed", .number(String(count(.failed)))), ("errors", .number(String(count(.error)))),
            ("skipped", .number(String(count(.skipped)))),
        ])
    }

    private static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(pairs))
    }

    private static func string(_ text: String) -> JSONValue {
        .string(ReportText.clean(text))
    }

    private static func seconds(_ duration: Duration) -> JSONValue {
        .number(ReportText.decimal(ReportText.seconds(duration), places: 6))
    }
}
