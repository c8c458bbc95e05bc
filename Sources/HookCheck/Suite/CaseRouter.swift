import HookHTTP

/// The one rule for which case of a suite a delivery belongs to, shared by `listen` (for
/// `--until-complete`) and `check` (for its per-case results).
///
/// - A delivery belongs to a case of its event type — and, where the profile names a sub-event (Slack's
///   `/event/type` under `event_callback`), of its sub-event — whose shape and `match` patterns it fits.
/// - When several cases fit, the first in the suite wins.
/// - A delivery of an event that some case has but that fits none of them is reported against the
///   closest case (the fewest mismatches; the first among equals), with its mismatches. It never counts
///   towards that case's `count`.
/// - A delivery of an event (or sub-event) no case has belongs to no case.
///
/// The candidates of each event are worked out once; a delivery of an event with one case costs one
/// match of that case's patterns, which `check` needs for its `envelope` verdict anyway.
public struct CaseRouter: Sendable {
    /// Where a delivery was routed.
    public struct Route: Sendable, Hashable {
        /// The case: the one it fits, or the closest one when it fits none.
        public var caseIndex: Int
        /// How the delivery misses the case's shape and `match`; empty when it fits.
        public var mismatches: [Mismatch]
        /// Whether the delivery fits the case (and so counts towards its `count`).
        public var fits: Bool { mismatches.isEmpty }
    }

    private struct Candidate: Sendable {
        var index: Int
        /// The sub-event of the case's example, when the profile names one for its event.
        var subEvent: String?
        /// The case's shape and `match`, together.
        var pattern: Pattern
    }

    private let profile: Profile
    private let candidatesByEvent: [String: [Candidate]]
    /// Whether any case of an event has a sub-event, by event; only those events read the delivery's.
    private let eventsWithSubEvents: Set<String>

    /// Works out the candidate cases of each event type of `suite`.
    public init(suite: Suite) {
        profile = suite.profile
        var candidatesByEvent: [String: [Candidate]] = [:]
        var eventsWithSubEvents: Set<String> = []
        for (index, suiteCase) in suite.cases.enumerated() {
            let event = suite.profile.eventType(in: suiteCase.body, headers: suiteCase.headers) ?? ""
            let subEvent = suite.profile.subEventName(of: suiteCase.body, event: event)
            if subEvent != nil { eventsWithSubEvents.insert(event) }
            // GET profiles: the shape of what survives the query string (top-level scalars, as strings).
            let shape = suite.profile.shape(of: suiteCase.body)
            let pattern = suiteCase.match.map { Pattern.all([shape, $0]) } ?? shape
            candidatesByEvent[event, default: []].append(
                Candidate(index: index, subEvent: subEvent, pattern: pattern))
        }
        self.candidatesByEvent = candidatesByEvent
        self.eventsWithSubEvents = eventsWithSubEvents
    }

    /// Whether some case of the suite is an example of `event`.
    public func hasCase(forEvent event: String) -> Bool {
        candidatesByEvent[event] != nil
    }

    /// The event types the suite's cases are examples of.
    public var events: Set<String> { Set(candidatesByEvent.keys) }

    /// Routes a delivery by its envelope and headers (the event type read by the profile).
    /// - Returns: the case it fits or is closest to; `nil` when no case has its event (and sub-event).
    public func route(envelope: JSONValue?, headers: HTTPHeaders) -> Route? {
        route(event: profile.eventType(in: envelope, headers: headers), envelope: envelope)
    }

    /// Routes a delivery of `event` (``Profile/eventType(in:headers:)``) whose envelope is `envelope`.
    /// - Returns: the case it fits or is closest to; `nil` when no case has its event (and sub-event).
    public func route(event: String?, envelope: JSONValue?) -> Route? {
        guard let event, let all = candidatesByEvent[event] else { return nil }
        var candidates = all
        if eventsWithSubEvents.contains(event) {
            let subEvent = envelope.flatMap { profile.subEventName(of: $0, event: event) }
            candidates = all.filter { $0.subEvent == nil || $0.subEvent == subEvent }
        }
        guard let first = candidates.first else { return nil }
        if candidates.count == 1 {
            return Route(caseIndex: first.index, mismatches: first.pattern.match(envelope))
        }
        if let fitting = candidates.first(where: { $0.pattern.matches(envelope) }) {
            return Route(caseIndex: fitting.index, mismatches: [])
        }
        var closest = Route(caseIndex: first.index, mismatches: first.pattern.match(envelope))
        for candidate in candidates.dropFirst() {
            let mismatches = candidate.pattern.match(envelope)
            if mismatches.count < closest.mismatches.count {
                closest = Route(caseIndex: candidate.index, mismatches: mismatches)
            }
        }
        return closest
    }

    /// The sub-event of a delivery of `event`, when the profile names one for it (for messages).
    public func subEvent(of envelope: JSONValue?, event: String) -> String? {
        envelope.flatMap { profile.subEventName(of: $0, event: event) }
    }
}
