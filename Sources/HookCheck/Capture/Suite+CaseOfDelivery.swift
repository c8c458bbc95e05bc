import HookHTTP

extension Suite {
    /// The index of the case a delivery belongs to: the first case whose event type (read from its
    /// example body and headers by the profile) equals the delivery's and whose `match` patterns the
    /// delivery's envelope satisfies; `nil` when no case fits.
    /// - Parameters:
    ///   - envelope: the delivery's envelope (see ``Profile/envelope(target:body:)``).
    ///   - headers: the delivery's headers (where header-sourced event types live).
    public func caseIndex(ofEnvelope envelope: JSONValue?, headers: HTTPHeaders) -> Int? {
        let event = profile.eventType(in: envelope, headers: headers)
        for (index, suiteCase) in cases.enumerated() {
            let caseEvent = profile.eventType(in: suiteCase.body, headers: suiteCase.headers)
            guard caseEvent == event else { continue }
            if let match = suiteCase.match, !match.matches(envelope) { continue }
            return index
        }
        return nil
    }
}
