import Foundation
import HookHTTP
import Synchronization

/// The reference receiver's request handling: route, authenticate, parse, check the envelope, dedupe,
/// process. Shared by the server's handler and ``ReferenceReceiver/handle(_:)``.
final class ReceiverHandler: Sendable {
    let routes: [ReceiverRoute]
    let flaws: Set<ReceiverFlaw>
    let configuration: ReferenceReceiver.Configuration

    private struct RouteState {
        var store: IdempotencyStore
        var statistics = ReceiverStatistics()
    }

    private struct State {
        var authority: String
        var routes: [String: RouteState]
    }

    private let state: Mutex<State>

    init(routes: [ReceiverRoute], flaws: Set<ReceiverFlaw>, configuration: ReferenceReceiver.Configuration) {
        // Exact paths win over a route serving every path, whatever the order given.
        self.routes = routes.filter { $0.path != nil } + routes.filter { $0.path == nil }
        self.flaws = flaws
        self.configuration = configuration
        var states: [String: RouteState] = [:]
        for route in routes {
            states[route.key] = RouteState(store: IdempotencyStore(capacity: configuration.idempotencyCapacity))
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        state = Mutex(State(authority: "\(host):\(configuration.port)", routes: states))
    }

    /// Records the bound `host:port`, used for `{url}` templates when a request has no `Host`.
    func setAuthority(_ authority: String) {
        state.withLock { $0.authority = authority }
    }

    func statistics(for key: String) -> ReceiverStatistics {
        state.withLock { $0.routes[key]?.statistics ?? ReceiverStatistics() }
    }

    var allStatistics: [String: ReceiverStatistics] {
        state.withLock { $0.routes.mapValues(\.statistics) }
    }

    // MARK: - Handling

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if flaws.contains(.slow) {
            try? await Task.sleep(for: configuration.slowDelay)
        }
        let (path, query) = Self.split(request.target)
        guard let route = routes.first(where: { $0.serves(path) }) else {
            let known = routes.compactMap(\.path).joined(separator: ", ")
            let outcome = ReceiverOutcome.notFound("no route for \(String(reflecting: path)); routes: \(known)")
            log(request, path: path, outcome)
            return outcome.response
        }
        let (outcome, echo) = judge(request, route: route, query: query)
        state.withLock { state in
            switch outcome {
            case .processed: state.routes[route.key]?.statistics.processed += 1
            case .ignored: state.routes[route.key]?.statistics.ignored += 1
            case .duplicate, .conflict: state.routes[route.key]?.statistics.duplicates += 1
            default: state.routes[route.key]?.statistics.rejected += 1
            }
        }
        log(request, path: path, outcome)
        return outcome.response(echoing: echo)
    }

    /// The outcome, and the member to echo when the delivery is the profile's handshake event.
    private func judge(_ request: HTTPRequest, route: ReceiverRoute, query: String?)
        -> (ReceiverOutcome, (String, JSONValue)?)
    {
        var body: JSONValue?
        let outcome = judge(request, route: route, query: query, body: &body)
        guard let handshake = route.profile.handshake, let body,
            route.profile.eventType(in: body, headers: request.headers) == handshake.event,
            let value = handshake.pointer.resolve(in: body)
        else { return (outcome, nil) }
        return (outcome, (handshake.pointer.tokens.last ?? "challenge", value))
    }

    private func judge(_ request: HTTPRequest, route: ReceiverRoute, query: String?, body parsedBody: inout JSONValue?)
        -> ReceiverOutcome
    {
        let profile = route.profile
        guard request.method.rawValue.uppercased() == profile.method.rawValue else {
            return .methodNotAllowed(received: request.method.rawValue, allowed: profile.method.rawValue)
        }
        let parsed: Result<JSONValue, JSONParseError>
        switch profile.method {
        case .get: parsed = .success(Profile.envelope(fromQuery: query ?? ""))
        case .post: parsed = Result { () throws(JSONParseError) in try JSONParser.parse(request.body) }
        }
        let envelope = try? parsed.get()

        if !flaws.contains(.acceptAnySignature), let failure = authenticate(request, route: route, envelope: envelope) {
            if case .invalidSecret(let reason) = failure {
                return .misconfigured("the receiver's secret for \(profile.name) is unusable: \(reason)")
            }
            return .unauthorized(Self.shortReason(failure))
        }

        let body: JSONValue
        switch parsed {
        case .success(let value): body = value
        case .failure(let error): return .badRequest("malformed json: \(error)")
        }
        parsedBody = body
        let mismatches = envelopeMismatches(body, profile: profile)
        if !mismatches.isEmpty {
            let shown = mismatches.prefix(3).map(\.description).joined(separator: "; ")
            return .badRequest("the body does not match the \(profile.name) envelope: \(shown)")
        }
        guard let event = profile.eventType(in: body, headers: request.headers), !event.isEmpty else {
            return .badRequest("no event type at \(profile.event)")
        }
        if flaws.contains(.crashOnUnknownEvent), !profile.events.contains(event) {
            return .crashed(event: event)
        }

        let identity = DeliveryIdentity(profile: profile, envelope: body, headers: request.headers, body: request.body)
            .key
        let isFirst = state.withLock { $0.routes[route.key]?.store.insert(identity) ?? true }
        let id = profile.id(in: body, headers: request.headers)
        guard isFirst else {
            return flaws.contains(.rejectReplay) ? .conflict(event: event, id: id) : .duplicate(event: event, id: id)
        }
        return profile.isKnownEvent(event) ? .processed(event: event, id: id) : .ignored(event: event, id: id)
    }

    /// The authentication failure, or `nil` when the signature or token verifies.
    private func authenticate(_ request: HTTPRequest, route: ReceiverRoute, envelope: JSONValue?) -> SignatureFailure? {
        let profile = route.profile
        let scheme = profile.scheme
        if case .none = scheme { return nil }
        let body = flaws.contains(.reserializeBeforeVerify) ? ReserializedJSON.bytes(request.body) : request.body
        let url =
            route.signatureURL
            ?? "http://" + (request.headers[HTTPHeaderName.host] ?? state.withLock { $0.authority }) + request.target
        let tolerance = flaws.contains(.noTimestampCheck) ? 0 : (scheme.timestampPolicy?.tolerance ?? profile.tolerance)
        let verification = scheme.verify(
            headers: request.headers, body: body, url: url, method: request.method.rawValue,
            id: profile.id(in: envelope, headers: request.headers),
            timestamp: profile.timestampText(in: envelope, headers: request.headers), secret: route.secret,
            now: configuration.now(), policy: TimestampPolicy(tolerance: tolerance, future: profile.futureTimestamps))
        return verification.failure
    }

    /// The envelope's mismatches, except an event name of the right type that the envelope's own rule
    /// does not admit: an unknown event type is acknowledged, not refused.
    private func envelopeMismatches(_ body: JSONValue, profile: Profile) -> [Mismatch] {
        let mismatches = profile.envelope.match(body)
        guard case .pointer(let eventPointer) = profile.event else { return mismatches }
        let isEventString = eventPointer.resolve(in: body)?.stringValue != nil
        return mismatches.filter { !(isEventString && $0.pointer == eventPointer) }
    }

    /// A reason short enough for a response body: never the secret, nor any part of the expected signature.
    static func shortReason(_ failure: SignatureFailure) -> String {
        switch failure {
        case .noSignatureMatched(let header, _, _, _): "the signature in \(header) does not match"
        default: failure.description
        }
    }

    private func log(_ request: HTTPRequest, path: String, _ outcome: ReceiverOutcome) {
        guard let log = configuration.log else { return }
        log("\(request.method) \(path) \(outcome.status) \(outcome.summary)")
    }

    /// The path and the query (without `?`) of a request target.
    static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }
}
