import Foundation

/// Judges captured deliveries against suites, one delivery at a time, so a capture file of any
/// length is checked in bounded memory (per-case tallies and a few words per event, never the
/// deliveries). `check` streams a capture file through it; `listen` feeds it each delivery it captures.
///
/// ```swift
/// var checker = Checker(suites: [suite], secrets: [secret], options: CheckOptions(source: path))
/// for record in records { checker.consume(record) }
/// let results = checker.finish()
/// ```
///
/// With several suites, each delivery goes to the suite it fits best (its scheme's authentication
/// header present, its event type one of the suite's cases or known to its profile; the first suite wins ties).
public struct Checker: Sendable {
    private var checkers: [SuiteChecker]
    /// Each suite's rules, shared read-only with the threads that assess deliveries.
    let rules: [SuiteRules]
    private let options: CheckOptions
    private let startedAt: Date
    private var records = CheckTally()
    private var malformedLines = 0
    private var malformedMessages: [String] = []
    private var tornLine: (line: Int, byteCount: Int)?

    /// Creates a checker.
    /// - Parameters:
    ///   - suites: the suites to judge against, in report order.
    ///   - secrets: the secret of each suite, in the same order (empty for profiles without
    ///     authentication; a missing entry counts as empty).
    ///   - options: the `--url` override, the capture source and the report limits.
    ///   - startedAt: when checking started, for the reports.
    public init(suites: [Suite], secrets: [String], options: CheckOptions = CheckOptions(), startedAt: Date = Date()) {
        checkers = suites.enumerated().map { index, suite in
            SuiteChecker(suite: suite, secret: index < secrets.count ? secrets[index] : "", options: options)
        }
        rules = checkers.map(\.rules)
        self.options = options
        self.startedAt = startedAt
    }

    /// Judges one captured delivery.
    public mutating func consume(_ record: CaptureRecord) {
        guard let (suite, verdict) = assess(record) else { return }
        apply(verdict, of: record, suite: suite)
    }

    /// Routes `record` to a suite and assesses it there: everything the delivery shows on its own.
    /// It reads only the configuration, so any thread may call it; `nil` when there are no suites.
    func assess(_ record: CaptureRecord) -> (suite: Int, verdict: DeliveryAssessment)? {
        Self.assess(record, rules: rules)
    }

    /// ``assess(_:)`` for a thread that holds only the suites' rules.
    static func assess(_ record: CaptureRecord, rules: [SuiteRules]) -> (suite: Int, verdict: DeliveryAssessment)? {
        assess([record], rules: rules)[0]
    }

    /// Assesses several records at once, each as ``assess(_:)`` would; the records routed to one
    /// suite are assessed together, so their signatures are verified side by side.
    static func assess(_ records: [CaptureRecord], rules: [SuiteRules]) -> [(suite: Int, verdict: DeliveryAssessment)?]
    {
        guard !rules.isEmpty else { return Array(repeating: nil, count: records.count) }
        let parsed = records.map { record -> Result<JSONValue, JSONParseError> in
            do throws(JSONParseError) {
                return .success(try JSONParser.parse(record.body))
            } catch {
                return .failure(error)
            }
        }
        guard rules.count > 1 else {
            // One suite: every record goes there, in place.
            return rules[0].assess(records, parsed: parsed).map { (0, $0) }
        }
        var routed: [[Int]] = Array(repeating: [], count: rules.count)
        for index in records.indices {
            routed[route(records[index], parsed: parsed[index], rules: rules)].append(index)
        }
        var assessments: [(suite: Int, verdict: DeliveryAssessment)?] = Array(repeating: nil, count: records.count)
        for (suite, indices) in routed.enumerated() where !indices.isEmpty {
            let verdicts = rules[suite].assess(indices.map { records[$0] }, parsed: indices.map { parsed[$0] })
            for (index, verdict) in zip(indices, verdicts) { assessments[index] = (suite, verdict) }
        }
        return assessments
    }

    /// The suite `record` fits best: the first of the highest affinity.
    private static func route(
        _ record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>, rules: [SuiteRules]
    ) -> Int {
        guard rules.count > 1 else { return 0 }
        var chosen = 0
        var best = -1
        for (index, suite) in rules.enumerated() {
            let score = suite.affinity(for: record, parsed: parsed)
            if score > best {
                best = score
                chosen = index
            }
        }
        return chosen
    }

    /// Applies an assessment from ``assess(_:)`` to the running state; assessments must be applied
    /// in capture order.
    mutating func apply(_ verdict: DeliveryAssessment, of record: CaptureRecord, suite: Int) {
        records.pass(seq: record.seq, limits: options)
        checkers[suite].apply(verdict, of: record)
    }

    /// Takes one event of a ``CaptureFileReader``: a record is judged, a malformed line becomes an
    /// error result naming its line, a torn last line a warning.
    public mutating func consume(_ event: CaptureFileReader.Event) {
        switch event {
        case .record(let record, _): consume(record)
        case .malformed(let line, let error): noteMalformedLine(line, error: error)
        case .tornLastLine(let line, let byteCount): noteTornLastLine(line, byteCount: byteCount)
        }
    }

    /// Records a capture-file line that is not a capture record.
    public mutating func noteMalformedLine(_ line: Int, error: CaptureLineError) {
        malformedLines += 1
        guard malformedMessages.count < options.messageLimit else { return }
        if let column = error.column, let pointer = error.pointer {
            malformedMessages.append("\(options.source):\(line):\(column): \(pointer.displayText): \(error.problem)")
        } else {
            malformedMessages.append("\(options.source):\(line): \(error.problem)")
        }
    }

    /// Records a torn last line (a write cut short by a crash), which is skipped with a warning.
    public mutating func noteTornLastLine(_ line: Int, byteCount: Int) {
        tornLine = (line, byteCount)
    }

    /// The results so far, one ``SuiteResult`` per suite; the capture file's own result
    /// (`capture file · records`) comes first in the first suite. Checks that need the whole
    /// capture (retries, counts) judge what has been consumed.
    public func finish(now: Date = Date()) -> [SuiteResult] {
        let duration = Duration.seconds(max(0, now.timeIntervalSince(startedAt)))
        return checkers.enumerated().map { index, checker in
            let extra = index == 0 ? [recordsResult()] : []
            return SuiteResult(
                name: checker.suite.name, file: checker.suite.file?.path, profile: checker.suite.profile.name,
                target: options.source, startedAt: startedAt, duration: duration,
                results: checker.results(extra: extra))
        }
    }

    private func recordsResult() -> CaseResult {
        let count = records.passed
        let read = "\(count) \(count == 1 ? "record" : "records") read from \(options.source)"
        let warning = tornLine.map {
            "line \($0.line): torn last line (\($0.byteCount) bytes without a newline) skipped; "
                + "the capture was cut short mid-write"
        }
        guard malformedLines == 0 else {
            let more = malformedLines > malformedMessages.count ? " (\(malformedLines) lines in all)" : ""
            return CaseResult(
                caseName: "capture file", check: CheckName.records.rawValue, status: .error,
                message: "\(malformedLines) malformed \(malformedLines == 1 ? "line" : "lines"): "
                    + malformedMessages.joined(separator: "; ") + more + "; \(read)",
                warning: warning)
        }
        return CaseResult(
            caseName: "capture file", check: CheckName.records.rawValue, status: .passed, message: read,
            warning: warning)
    }
}
