import Foundation
import HookHTTP

/// Judges the deliveries routed to one suite, one at a time, keeping per-case tallies and a small
/// record per event (delivery identity) — never the deliveries themselves.
struct SuiteChecker: Sendable {
    /// What the suite requires of each delivery on its own; shared with the threads that assess.
    let rules: SuiteRules
    private let options: CheckOptions
    /// Tallies by slot (case index; the last slot is the unmatched deliveries), then by check.
    private var tallies: [[CheckTally]]
    /// Distinct events and deliveries seen per slot.
    private var events: [Int]
    private var deliveries: [Int]
    /// Deliveries reported against a case they do not fit (the closest), per slot.
    private var unfit: [Int]
    /// When the latest delivery of the capture was received (seconds since 1970), for "never retried within".
    private var lastReceivedAt: Double = 0
    private var identities = IdentityTable()
    /// For id profiles: the content digest of each event whose latest answer asks for a retry,
    /// mapped to its identity key (to catch a retry sent with a new id).
    private var pendingContents: [UInt64: UInt64] = [:]

    var suite: Suite { rules.suite }
    private var timestampRules: [TimestampRule] { rules.timestampRules }

    /// The slot of deliveries that match no case.
    var unmatchedSlot: Int { rules.unmatchedSlot }

    init(suite: Suite, secret: String, options: CheckOptions) {
        rules = SuiteRules(suite: suite, secret: secret, options: options)
        self.options = options
        let slots = suite.cases.count + 1
        var blank = Array(repeating: CheckTally(), count: CheckName.allCases.count)
        blank[CheckName.retries.index].unit = "event"
        tallies = Array(repeating: blank, count: slots)
        events = Array(repeating: 0, count: slots)
        deliveries = Array(repeating: 0, count: slots)
        unfit = Array(repeating: 0, count: slots)
    }

    // MARK: - Judging

    /// Applies an assessment of `record` to the tallies and the identity records: ids, retries,
    /// counts and the timestamps that depend on whether this is a first attempt.
    mutating func apply(_ verdict: DeliveryAssessment, of record: CaptureRecord) {
        let seq = record.seq
        let slot = verdict.slot
        let counts = verdict.fits || slot == unmatchedSlot
        if counts { deliveries[slot] += 1 } else { unfit[slot] += 1 }

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
        var known = identities.record(for: key, slot: slot)
        if rules.profile.id != .none {
            if let id {
                if let existing = known, existing.content != UInt32(truncatingIfNeeded: content) {
                    fail(
                        .id,
                        "id \(JSONWriter.quoted(id)) was already used by seq \(existing.lastSeq) for a different "
                            + "event; ids must be unique across events")
                    key ^= content  // a different event: judged on its own
                    known = identities.record(for: key, slot: slot)
                } else if known == nil, let original = pendingContents[content],
                    let earlier = identities.record(for: original, slot: slot)
                {
                    fail(
                        .id,
                        "resends the event of seq \(earlier.lastSeq) (answered \(earlier.lastStatus)) with a new id "
                            + "\(JSONWriter.quoted(id)); retries must keep the id")
                    key = original
                    known = earlier
                } else {
                    tallies[slot][CheckName.id.index].pass(seq: seq, limits: options)
                }
            } else {
                fail(.id, "no id at \(rules.profile.id)", expected: "an id", found: "nothing")
            }
        }

        let receivedAt = record.receivedAt.timeIntervalSince1970
        lastReceivedAt = max(lastReceivedAt, receivedAt)
        var isFirstAttempt = true
        if var existing = known {
            isFirstAttempt = false
            let retries = suite.retries
            if existing.isAwaitingRetry, retries.isExpected, !existing.isRetryJudged {
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
            identities.store(existing, for: key)
        } else {
            if counts { events[slot] += 1 }
            identities.store(
                IdentityRecord(
                    content: UInt32(truncatingIfNeeded: content), lastReceivedAt: receivedAt,
                    lastSeq: Int32(clamping: seq), attempts: 1, slot: Int32(slot), lastStatus: Int16(clamping: status),
                    hadFailure: IdentityRecord.asksForRetry(status), isRetryJudged: false),
                for: key)
        }
        if rules.profile.id != .none, id != nil {
            if IdentityRecord.asksForRetry(status) {
                pendingContents[content] = key
            } else if pendingContents[content] == key {
                pendingContents[content] = nil
            }
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
        let retries = suite.retries
        for record in identities.detailedRecords where record.hadFailure && !record.isRetryJudged {
            let slot = Int(record.slot)
            let seq = Int(record.lastSeq)
            let required = retries.requiredAttempts
            if !retries.isExpected || !record.isAwaitingRetry || Int(record.attempts) >= required {
                tallies[slot][CheckName.retries.index].pass(seq: seq, limits: options)
            } else if record.attempts == 1 {
                let session = Self.seconds(max(0, lastReceivedAt - record.lastReceivedAt))
                let within =
                    lastReceivedAt > record.lastReceivedAt
                    ? "within the \(session) the capture went on after it" : "before the capture ended"
                tallies[slot][CheckName.retries.index].fail(
                    seq: seq,
                    "answered \(record.lastStatus), never retried \(within); at-least-once "
                        + "delivery expects a failed delivery to be retried"
                        + (suite.retries == .atLeastOnce
                            ? " (the suite has no \"retries\"; say {\"expect\": false} if the provider never retries)"
                            : ""),
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
        var results: [CaseResult] = []
        for slot in 0...unmatchedSlot {
            let isUnmatched = slot == unmatchedSlot
            if isUnmatched && deliveries[slot] == 0 { continue }
            let caseName = isUnmatched ? "unmatched deliveries" : suite.cases[slot].name
            if !isUnmatched {
                let required = suite.cases[slot].count
                var seen =
                    "seen \(events[slot]) \(events[slot] == 1 ? "time" : "times")"
                    + " (\(deliveries[slot]) \(deliveries[slot] == 1 ? "delivery" : "deliveries")"
                if unfit[slot] > 0 {
                    seen +=
                        "; \(unfit[slot]) more \(unfit[slot] == 1 ? "delivery" : "deliveries") of its event "
                        + "fit no case and \(unfit[slot] == 1 ? "does" : "do") not count, see envelope"
                }
                seen += ")"
                results.append(
                    CaseResult(
                        caseName: caseName, check: CheckName.seen.rawValue,
                        status: events[slot] >= required ? .passed : .failed,
                        message: events[slot] >= required ? seen : "\(seen), expected at least \(required)",
                        expected: "at least \(required)", found: "\(events[slot])"))
            }
            for check in CheckName.allCases where check != .seen && check != .records {
                let tally = tallies[slot][check.index]
                guard !tally.isEmpty else { continue }
                results.append(tally.result(caseName: caseName, check: check))
            }
        }
        return extra + results
    }

    // MARK: - Helpers

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
        case .schema: 13
        }
    }
}
