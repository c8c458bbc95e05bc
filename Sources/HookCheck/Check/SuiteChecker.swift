import Foundation
import HookHTTP

/// Judges the deliveries routed to one suite, one at a time, keeping per-case tallies and a small
/// record per event (delivery identity) — never the deliveries themselves.
struct SuiteChecker: Sendable {
    let suite: Suite
    private let secret: String
    private let options: CheckOptions
    private let cases: SuiteCaseIndex
    private let casePatterns: [Pattern]
    private let timestampRules: [TimestampRule]
    private let signatureCheck: CheckName?
    private let expectedMediaType: String
    /// Tallies by slot (case index; the last slot is the unmatched deliveries), then by check.
    private var tallies: [[CheckTally]]
    /// Distinct events and deliveries seen per slot.
    private var events: [Int]
    private var deliveries: [Int]
    /// Deliveries answered with a retry-asking status while the suite has no retry expectation, per slot.
    private var unjudgedFailures: [Int]
    private var identities: [UInt64: IdentityRecord] = [:]
    /// For id profiles: the content digest of each event whose latest answer asks for a retry,
    /// mapped to its identity key (to catch a retry sent with a new id).
    private var pendingContents: [UInt64: UInt64] = [:]

    /// The slot of deliveries that match no case.
    var unmatchedSlot: Int { suite.cases.count }

    init(suite: Suite, secret: String, options: CheckOptions) {
        self.suite = suite
        self.secret = secret
        self.options = options
        cases = SuiteCaseIndex(suite: suite)
        casePatterns = suite.cases.map { suiteCase in
            suiteCase.match.map { Pattern.all([suiteCase.shape, $0]) } ?? suiteCase.shape
        }
        timestampRules = TimestampRule.rules(for: suite.profile)
        expectedMediaType = Self.mediaType(suite.profile.contentType)
        switch suite.profile.scheme {
        case .none: signatureCheck = nil
        case .token: signatureCheck = .token
        default: signatureCheck = .signature
        }
        let slots = suite.cases.count + 1
        var blank = Array(repeating: CheckTally(), count: CheckName.allCases.count)
        blank[CheckName.retries.index].unit = "event"
        tallies = Array(repeating: blank, count: slots)
        events = Array(repeating: 0, count: slots)
        deliveries = Array(repeating: 0, count: slots)
        unjudgedFailures = Array(repeating: 0, count: slots)
    }

    // MARK: - Routing

    /// The envelope of `record` as this suite's profile reads it: the query of a GET profile, else
    /// the parsed body.
    func envelope(of record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) -> JSONValue? {
        if suite.profile.method == .get, record.method == "GET" {
            let query = record.target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            return Profile.envelope(fromQuery: query)
        }
        return try? parsed.get()
    }

    /// How well `record` fits this suite, for routing among several suites: 2 for the scheme's
    /// authentication header, 2 for an event a case has, 1 for an event the profile knows.
    func affinity(for record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) -> Int {
        var score = 0
        if let header = suite.profile.scheme.authenticationHeaders.first, record.headers.contains(header) { score += 2 }
        let envelope = envelope(of: record, parsed: parsed)
        if let event = suite.profile.eventType(in: envelope, headers: record.headers) {
            if cases.events.contains(event) {
                score += 2
            } else if suite.profile.isKnownEvent(event) {
                score += 1
            }
        }
        return score
    }

    // MARK: - Judging

    /// Judges one delivery.
    mutating func consume(_ record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) {
        apply(assess(record, parsed: parsed), of: record)
    }

    /// Everything `record` shows on its own: the checks that need no memory of earlier deliveries.
    /// It reads only the suite's configuration, so any thread may call it.
    func assess(_ record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) -> DeliveryAssessment {
        let profile = suite.profile
        let isQuery = profile.method == .get && record.method == "GET"
        let envelope = envelope(of: record, parsed: parsed)
        let event = profile.eventType(in: envelope, headers: record.headers)
        let caseIndex = cases.caseIndex(event: event, body: envelope)
        var verdict = DeliveryAssessment(slot: caseIndex ?? unmatchedSlot, caseIndex: caseIndex)

        // Method and content type.
        if record.method == profile.method.rawValue {
            verdict.pass(.method)
        } else {
            verdict.fail(
                .method, "method \(record.method), expected \(profile.method.rawValue)",
                expected: profile.method.rawValue, found: record.method)
        }
        if !isQuery {
            let expectedType = self.expectedMediaType
            if let contentType = record.headers["Content-Type"] {
                if Self.mediaType(contentType) == expectedType {
                    verdict.pass(.contentType)
                } else {
                    verdict.fail(
                        .contentType, "Content-Type \(JSONWriter.quoted(contentType)), expected \(expectedType)",
                        expected: expectedType, found: contentType)
                }
            } else {
                verdict.fail(.contentType, "missing header Content-Type", expected: expectedType, found: "nothing")
            }
            switch parsed {
            case .success: verdict.pass(.json)
            case .failure(let error):
                verdict.fail(
                    .json, "body is not JSON: \(error)", expected: "a JSON body", found: "\(record.body.count) bytes")
            }
        }

        // Envelope: the profile's rules, the case's shape and its match.
        if let envelope {
            var mismatches = profile.envelope.match(envelope)
            if let caseIndex { mismatches += casePatterns[caseIndex].match(envelope) }
            if let first = mismatches.first {
                var message = mismatches.prefix(2).map(\.description).joined(separator: "; ")
                if mismatches.count > 2 { message += " (\(mismatches.count - 2) more)" }
                verdict.fail(.envelope, message, expected: first.expected, found: first.found)
            } else {
                verdict.pass(.envelope)
            }
        }

        // Event type.
        if let event {
            if profile.isKnownEvent(event) || cases.events.contains(event) {
                verdict.pass(.event)
            } else if suite.isStrict {
                let quoted = JSONWriter.quoted(event)
                verdict.fail(.event, "event type \(quoted) is not one the profile knows (strict suite)", found: quoted)
            } else {
                verdict.pass(.event, warning: "event type \(JSONWriter.quoted(event)) is not one the profile knows")
            }
            if caseIndex == nil {
                let message = "event type \(JSONWriter.quoted(event)) matches no case of the suite"
                if suite.isStrict {
                    verdict.fail(.unmatched, message)
                } else {
                    verdict.pass(.unmatched, warning: message)
                }
            }
        } else {
            verdict.fail(.event, "no event type at \(profile.event)", expected: "an event type", found: "nothing")
            if caseIndex == nil { verdict.fail(.unmatched, "no event type, so no case") }
        }

        // Signature or token, over the exact bytes; freshness is the timestamp check's business.
        let id = profile.id(in: envelope, headers: record.headers)
        if let signatureCheck {
            if secret.isEmpty {
                verdict.fail(signatureCheck, "no secret to verify with")
            } else {
                let url =
                    options.url ?? suite.target?.absoluteString
                    ?? "http://" + (record.headers["Host"] ?? "localhost") + record.target
                let verification = profile.scheme.verify(
                    headers: record.headers, body: record.body, url: url, method: record.method, id: id,
                    timestamp: profile.timestampText(in: envelope, headers: record.headers), secret: secret,
                    now: record.receivedAt, policy: TimestampPolicy(tolerance: 0, future: .tolerate))
                switch verification {
                case .valid: verdict.pass(signatureCheck)
                case .invalid(let failure): verdict.fail(signatureCheck, failure.description)
                }
            }
        }

        // Identity: the id and the content; whether they were seen before is `apply`'s business.
        verdict.id = id
        verdict.content = ContentDigest.of(profile: profile, body: record.body, envelope: envelope)

        // Timestamps: signed ones on every attempt, the event time on the first.
        var firstProblem: (String, String?, String?)?
        var laterProblem: (String, String?, String?)?
        for rule in timestampRules {
            guard let problem = rule.problem(in: envelope, headers: record.headers, receivedAt: record.receivedAt)
            else { continue }
            if firstProblem == nil { firstProblem = problem }
            if rule.isJudgedOnEveryAttempt {
                laterProblem = problem
                break
            }
        }
        verdict.firstAttemptTimestamp = firstProblem.map {
            DeliveryAssessment.Failure(message: $0.0, expected: $0.1, found: $0.2)
        }
        verdict.laterAttemptTimestamp = laterProblem.map {
            DeliveryAssessment.Failure(message: $0.0, expected: $0.1, found: $0.2)
        }
        return verdict
    }

    /// Applies an assessment of `record` to the tallies and the identity records: ids, retries,
    /// counts and the timestamps that depend on whether this is a first attempt.
    mutating func apply(_ verdict: DeliveryAssessment, of record: CaptureRecord) {
        let profile = suite.profile
        let seq = record.seq
        let slot = verdict.slot
        deliveries[slot] += 1

        func fail(_ check: CheckName, _ message: String, expected: String? = nil, found: String? = nil) {
            tallies[slot][check.index].fail(
                seq: seq, message, expected: expected, found: found, record: record, limits: options)
        }

        var passes = verdict.passes
        while passes != 0 {
            let index = passes.trailingZeroBitCount
            passes &= passes &- 1
            tallies[slot][index].pass(seq: seq, limits: options)
        }
        for note in verdict.notes {
            if let failure = note.failure {
                fail(note.check, failure.message, expected: failure.expected, found: failure.found)
            } else {
                tallies[slot][note.check.index].pass(seq: seq, warning: note.warning, limits: options)
            }
        }

        // Identity: ids, retries, counts.
        let id = verdict.id
        let content = verdict.content
        var key = id.map(Self.fingerprint) ?? (content ^ 0x9E37_79B9_7F4A_7C15)
        let status = record.responseStatus ?? 0
        if profile.id != .none {
            if let id {
                if let existing = identities[key], existing.content != content {
                    fail(
                        .id,
                        "id \(JSONWriter.quoted(id)) was already used by seq \(existing.lastSeq) for a different "
                            + "event; ids must be unique across events")
                    key ^= content  // a different event: judged on its own
                } else if identities[key] == nil, let original = pendingContents[content],
                    let earlier = identities[original]
                {
                    fail(
                        .id,
                        "resends the event of seq \(earlier.lastSeq) (answered \(earlier.lastStatus)) with a new id "
                            + "\(JSONWriter.quoted(id)); retries must keep the id")
                    key = original
                } else {
                    tallies[slot][CheckName.id.index].pass(seq: seq, limits: options)
                }
            } else {
                fail(.id, "no id at \(profile.id)", expected: "an id", found: "nothing")
            }
        }

        let receivedAt = record.receivedAt.timeIntervalSince1970
        var isFirstAttempt = true
        if var existing = identities[key] {
            isFirstAttempt = false
            if existing.isAwaitingRetry, let retries = suite.retries, retries.isExpected, !existing.isRetryJudged {
                let interval = receivedAt - existing.lastReceivedAt
                let gap = Self.seconds(interval)
                if let minimum = retries.minInterval, interval < minimum {
                    existing.isRetryJudged = true
                    tallies[Int(existing.slot)][CheckName.retries.index].fail(
                        seq: seq,
                        "retry came \(gap) after seq \(existing.lastSeq) (answered \(existing.lastStatus)), "
                            + "sooner than the minimum of \(Self.seconds(minimum))",
                        expected: "at least \(Self.seconds(minimum))", found: gap, record: record,
                        limits: options)
                } else if let maximum = retries.maxInterval, interval > maximum {
                    existing.isRetryJudged = true
                    tallies[Int(existing.slot)][CheckName.retries.index].fail(
                        seq: seq,
                        "retry came \(gap) after seq \(existing.lastSeq) (answered \(existing.lastStatus)), "
                            + "later than the maximum of \(Self.seconds(maximum))",
                        expected: "at most \(Self.seconds(maximum))", found: gap, record: record,
                        limits: options)
                }
            }
            existing.attempts += 1
            existing.lastSeq = Int32(clamping: seq)
            existing.lastReceivedAt = receivedAt
            existing.lastStatus = Int16(clamping: status)
            existing.hadFailure = existing.hadFailure || IdentityRecord.asksForRetry(status)
            identities[key] = existing
        } else {
            events[slot] += 1
            identities[key] = IdentityRecord(
                content: content, lastReceivedAt: receivedAt, lastSeq: Int32(clamping: seq), attempts: 1,
                slot: Int32(slot), lastStatus: Int16(clamping: status), hadFailure: IdentityRecord.asksForRetry(status),
                isRetryJudged: false)
        }
        if profile.id != .none, id != nil {
            if IdentityRecord.asksForRetry(status) {
                pendingContents[content] = key
            } else if pendingContents[content] == key {
                pendingContents[content] = nil
            }
        }
        if IdentityRecord.asksForRetry(status), suite.retries == nil {
            unjudgedFailures[slot] += 1
        }

        // Timestamps: signed ones on every attempt, the event time on the first.
        if !timestampRules.isEmpty {
            if let problem = isFirstAttempt ? verdict.firstAttemptTimestamp : verdict.laterAttemptTimestamp {
                fail(.timestamp, problem.message, expected: problem.expected, found: problem.found)
            } else {
                tallies[slot][CheckName.timestamp.index].pass(seq: seq, limits: options)
            }
        }
    }

    // MARK: - Results

    /// The suite's results: per case `seen` first, then each check that judged something; then the
    /// unmatched deliveries.
    func results(extra: [CaseResult] = []) -> [CaseResult] {
        var tallies = self.tallies
        if let retries = suite.retries {
            for record in identities.values where record.hadFailure && !record.isRetryJudged {
                let slot = Int(record.slot)
                let seq = Int(record.lastSeq)
                let required = max(retries.attempts ?? 2, 1)
                if !retries.isExpected || !record.isAwaitingRetry || Int(record.attempts) >= required {
                    tallies[slot][CheckName.retries.index].pass(seq: seq, limits: options)
                } else if record.attempts == 1 {
                    tallies[slot][CheckName.retries.index].fail(
                        seq: seq, "no retry after the \(record.lastStatus) answered to seq \(seq)",
                        expected: "at least \(required) attempts", found: "1 attempt", limits: options)
                } else {
                    tallies[slot][CheckName.retries.index].fail(
                        seq: seq,
                        "\(record.attempts) attempts, the last (seq \(seq)) answered \(record.lastStatus); expected "
                            + "at least \(required) while the answers keep failing",
                        expected: "at least \(required) attempts", found: "\(record.attempts) attempts",
                        limits: options)
                }
            }
        }
        var results: [CaseResult] = []
        for slot in 0...unmatchedSlot {
            let isUnmatched = slot == unmatchedSlot
            if isUnmatched && deliveries[slot] == 0 { continue }
            let caseName = isUnmatched ? "unmatched deliveries" : suite.cases[slot].name
            if !isUnmatched {
                let required = suite.cases[slot].count
                let seen =
                    "seen \(events[slot]) \(events[slot] == 1 ? "time" : "times")"
                    + " (\(deliveries[slot]) \(deliveries[slot] == 1 ? "delivery" : "deliveries"))"
                results.append(
                    CaseResult(
                        caseName: caseName, check: CheckName.seen.rawValue,
                        status: events[slot] >= required ? .passed : .failed,
                        message: events[slot] >= required ? seen : "\(seen), expected at least \(required)",
                        expected: "at least \(required)", found: "\(events[slot])"))
            }
            for check in CheckName.allCases where check != .seen && check != .records {
                let tally = tallies[slot][check.index]
                if check == .retries, tally.isEmpty, unjudgedFailures[slot] > 0 {
                    results.append(
                        CaseResult(
                            caseName: caseName, check: check.rawValue, status: .skipped,
                            message: "\(unjudgedFailures[slot]) deliveries were answered with a failure, but neither "
                                + "the suite nor its profile says how the provider retries (\"retries\")"))
                }
                guard !tally.isEmpty else { continue }
                results.append(tally.result(caseName: caseName, check: check))
            }
        }
        return extra + results
    }

    // MARK: - Helpers

    /// `application/json` from `Application/JSON; charset=utf-8`: the part before `;`, without
    /// surrounding spaces or tabs, in ASCII lowercase.
    static func mediaType(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if byte == UInt8(ascii: ";") { break }
            bytes.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
        }
        let isBlank = { (byte: UInt8) in byte == 32 || byte == 9 }
        let trimmed = bytes.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// `1.5 s`.
    static func seconds(_ value: Double) -> String {
        ReportText.decimal(value, places: value < 10 ? 2 : 1) + " s"
    }

    /// A 64-bit fingerprint of an id (within this process).
    static func fingerprint(_ id: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(id)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }
}

extension CheckName {
    /// The position of the check in ``allCases``, for tally arrays.
    var index: Int {
        switch self {
        case .method: 0
        case .contentType: 1
        case .json: 2
        case .envelope: 3
        case .event: 4
        case .signature: 5
        case .token: 6
        case .timestamp: 7
        case .id: 8
        case .retries: 9
        case .seen: 10
        case .unmatched: 11
        case .records: 12
        }
    }
}
