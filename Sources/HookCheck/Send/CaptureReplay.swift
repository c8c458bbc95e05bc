import HookHTTP

/// Turns captured deliveries into a suite `run` can send (`hookcheck replay`): one case per capture, named
/// after the suite case it belongs to (by ``CaseRouter``, the rule `check` uses) and its sequence number (`payment_intent.succeeded #3`), whose body is
/// the captured bytes and whose headers are the captured ones, less the auth, id and timestamp headers the
/// profile makes afresh and the framing headers the client writes.
public enum CaptureReplay {
    /// The replay suite and the captures left out, with the reason.
    public struct Outcome: Sendable {
        /// The suite to send: the given suite's profile, expectations and probes, one case per capture.
        public var suite: Suite
        /// `seq N: reason` for each capture left out.
        public var skipped: [String]
    }

    /// Headers never copied from a capture: the client writes them for the bytes it sends.
    public static let framingHeaders = [
        HTTPHeaderName.host, HTTPHeaderName.contentLength, HTTPHeaderName.transferEncoding,
        HTTPHeaderName.connection, "Keep-Alive", HTTPHeaderName.expect, "TE", "Upgrade", "Proxy-Connection",
    ]

    /// The replay suite for `records` against `suite`.
    /// - Parameters:
    ///   - records: the captured deliveries, in capture order.
    ///   - suite: the suite whose profile, secret, cases and expectations apply.
    ///   - probes: the probes each capture is sent as (default `valid` only).
    public static func suite(from records: [CaptureRecord], for suite: Suite, probes: [ProbeKind] = [.valid])
        -> Outcome
    {
        let profile = suite.profile
        var dropped = Set(
            (framingHeaders + profile.scheme.authenticationHeaders).map { $0.lowercased() })
        if let header = profile.scheme.timestampHeader { dropped.insert(header.lowercased()) }
        if case .standardWebhooks(let scheme) = profile.scheme { dropped.insert(scheme.idHeader.lowercased()) }
        for source in [profile.id, profile.timestamp] {
            if case .header(let name) = source { dropped.insert(name.lowercased()) }
        }
        let router = CaseRouter(suite: suite)
        var cases: [SuiteCase] = []
        var skipped: [String] = []
        for record in records {
            guard let body = profile.envelope(target: record.target, body: record.body) else {
                skipped.append("seq \(record.seq): the body is not JSON")
                continue
            }
            guard let event = profile.eventType(in: body, headers: record.headers) else {
                skipped.append("seq \(record.seq): no event type at \(profile.event)")
                continue
            }
            guard let route = router.route(event: event, envelope: body) else {
                skipped.append("seq \(record.seq): no case of \(MessageWording.quoted(event)) in suite '\(suite.name)'")
                continue
            }
            let match = suite.cases[route.caseIndex]
            var headers = HTTPHeaders()
            for field in record.headers where !dropped.contains(field.name.lowercased()) {
                headers.add(name: field.name, value: field.value)
            }
            var replayed = SuiteCase(
                name: "\(match.name) #\(record.seq)", body: body, headers: headers, match: match.match,
                expect: match.expect, pins: [.id, .timestamp])
            if profile.method == .post { replayed.rawBody = record.body }
            cases.append(replayed)
        }
        var replay = suite
        replay.cases = cases
        replay.probes = probes
        return Outcome(suite: replay, skipped: skipped)
    }
}
