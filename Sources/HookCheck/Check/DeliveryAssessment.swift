/// What one delivery shows on its own — every check that needs no memory of earlier deliveries —
/// worked out apart from a ``SuiteChecker``'s running state, so deliveries can be assessed on any
/// thread and then applied to the tallies one by one, in file order.
struct DeliveryAssessment: Sendable {
    /// A failed check's message and its expected/found pair for the reports.
    struct Failure: Sendable {
        var message: String
        var expected: String?
        var found: String?
    }

    /// A check that failed, or passed with a warning.
    struct Note: Sendable {
        var check: CheckName
        var failure: Failure?
        var warning: String?
    }

    /// The case slot (a case index, or the suite's unmatched slot).
    var slot: Int
    /// The case routed to, if any: the one the delivery fits, or the closest (see ``fits``).
    var caseIndex: Int?
    /// Whether the delivery fits its case, and so counts towards the case's `count`.
    var fits = false
    /// The checks that passed without a warning, one bit per ``CheckName/index``.
    var passes: UInt16 = 0
    /// The checks that failed or warned, in judging order (empty for a conforming delivery).
    var notes: [Note] = []
    /// The delivery's id, when the profile has one and the delivery carries it.
    var id: String?
    /// The content digest (``ContentDigest``).
    var content: UInt64 = 0
    /// The timestamp problem when this is an event's first attempt, and when it is a retry.
    var firstAttemptTimestamp: Failure?
    var laterAttemptTimestamp: Failure?

    init(slot: Int, caseIndex: Int?) {
        self.slot = slot
        self.caseIndex = caseIndex
    }

    mutating func pass(_ check: CheckName, warning: String? = nil) {
        if let warning {
            notes.append(Note(check: check, failure: nil, warning: warning))
        } else {
            passes |= 1 << UInt16(check.index)
        }
    }

    mutating func fail(_ check: CheckName, _ message: String, expected: String? = nil, found: String? = nil) {
        notes.append(Note(check: check, failure: Failure(message: message, expected: expected, found: found)))
    }
}
