import HookHTTP

/// Finds the case of a suite that a delivery belongs to: the case whose example has the
/// delivery's event type and whose `match` the body satisfies (else the first case of that event).
/// `listen` uses it for `--until-complete`; ``Checker`` for its per-case results.
public struct SuiteCaseIndex: Sendable {
    private let casesByEvent: [String: [Int]]
    private let matches: [Pattern?]

    /// Indexes `suite`'s cases by the event type of their example bodies.
    public init(suite: Suite) {
        var casesByEvent: [String: [Int]] = [:]
        for (index, suiteCase) in suite.cases.enumerated() {
            let event = suite.profile.eventType(in: suiteCase.body, headers: suiteCase.headers) ?? ""
            casesByEvent[event, default: []].append(index)
        }
        self.casesByEvent = casesByEvent
        matches = suite.cases.map(\.match)
    }

    /// Whether some case of the suite is an example of `event`.
    public func hasCase(forEvent event: String) -> Bool {
        casesByEvent[event] != nil
    }

    /// The event types the suite's cases are examples of.
    public var events: Set<String> { Set(casesByEvent.keys) }

    /// The index of the case a delivery belongs to, or `nil` when no case has its event type.
    /// - Parameters:
    ///   - event: the delivery's event type (``Profile/eventType(in:headers:)``).
    ///   - body: the parsed body, used to pick among cases of the same event by their `match`.
    public func caseIndex(event: String?, body: JSONValue?) -> Int? {
        guard let event, let candidates = casesByEvent[event], let first = candidates.first else { return nil }
        guard candidates.count > 1 else { return first }
        return candidates.first { matches[$0]?.matches(body) ?? true } ?? first
    }
}
