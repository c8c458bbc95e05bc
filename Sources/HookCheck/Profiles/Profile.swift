import HookHTTP

/// What a provider does: how it sends, where the event type, id and timestamp live, how it signs, what its
/// envelope looks like and which event types it sends. Built-in profiles are in ``builtIn``; suites may
/// write their own inline, optionally `extends`-ing a built-in one.
public struct Profile: Sendable, Hashable {
    /// How the delivery carries its fields.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// `POST` with the JSON envelope as the body.
        case post = "POST"
        /// `GET` with the envelope's top-level scalar fields as query-string variables and no body
        /// (Ironclad Clickwrap's GET hooks; nested objects are not sent). See ``queryString(for:)``.
        case get = "GET"
    }

    /// The profile's name (`cryptlex`), as suites and `--profile` name it.
    public var name: String
    /// One line for `hookcheck profiles`.
    public var summary: String
    /// `POST` with a JSON body, or `GET` with fields in the query string.
    public var method: Method
    /// The `Content-Type` of a POST delivery.
    public var contentType: String
    /// Where the event type is.
    public var event: FieldSource
    /// Inner event types receivers dispatch on, per outer event (Slack's `/event/type` under
    /// `event_callback`); empty when the event field is the whole story.
    public var subEvents: [SubEvent]
    /// Where the delivery id is (`.none`: the provider sends no id).
    public var id: FieldSource
    /// Where the timestamp is (`.none`: the provider sends none).
    public var timestamp: FieldSource
    /// How the provider writes the timestamp.
    public var timestampFormat: TimestampFormat
    /// How deliveries are authenticated.
    public var scheme: SignatureScheme
    /// The rules every body must match (beyond each case's shape).
    public var envelope: Pattern
    /// The event types the provider is known to send, in the provider's order.
    public var events: [String]
    /// The entries of ``events`` that are inferred rather than documented by the provider.
    public var assumedEvents: [String]
    /// A rule every event name follows, when the provider's list is open-ended (Cryptlex's
    /// `entity.event` names); an event matching it is not reported as unknown.
    public var eventNamePattern: Pattern.RegularExpression?
    /// An event the receiver must answer by echoing a value (Slack's `url_verification`), if any.
    public var handshake: Handshake?
    /// Headers the provider adds to every delivery, in order (e.g. `Accept`, `User-Agent`).
    public var headers: HTTPHeaders
    /// Headers whose values the provider makes afresh per delivery (Shopify's event id and trigger time),
    /// added after ``headers``.
    public var generatedHeaders: [GeneratedHeader]
    /// Headers the provider adds when it delivers an event again (Slack's `X-Slack-Retry-Num`); `run` adds
    /// them to the second copy of `replay`.
    public var redeliveryHeaders: HTTPHeaders
    /// Whether a timestamp ahead of the clock is rejected or tolerated by the provider's verifiers.
    public var futureTimestamps: TimestampPolicy.FuturePolicy
    /// Seconds a timestamp may be away from the clock (signed timestamps and the body's event time).
    public var tolerance: Int
    /// The provider's retry behaviour, when known (`nil`: unknown, not checked unless the suite says).
    public var retries: RetryExpectation?
    /// Where the facts come from: documentation URLs and notes, for the README table.
    public var sources: [String]

    /// Creates a profile. The defaults describe a POST of `application/json` with no id, timestamp or
    /// authentication.
    public init(
        name: String, summary: String = "", method: Method = .post, contentType: String = "application/json",
        event: FieldSource = .pointer(JSONPointer(tokens: ["type"])), subEvents: [SubEvent] = [],
        id: FieldSource = .none,
        timestamp: FieldSource = .none, timestampFormat: TimestampFormat = .unixSeconds,
        scheme: SignatureScheme = .none, envelope: Pattern = .object([]), events: [String] = [],
        assumedEvents: [String] = [], eventNamePattern: Pattern.RegularExpression? = nil,
        handshake: Handshake? = nil, headers: HTTPHeaders = [], generatedHeaders: [GeneratedHeader] = [],
        redeliveryHeaders: HTTPHeaders = [],
        futureTimestamps: TimestampPolicy.FuturePolicy = .reject, tolerance: Int = 300,
        retries: RetryExpectation? = nil, sources: [String] = []
    ) {
        self.name = name
        self.summary = summary
        self.method = method
        self.contentType = contentType
        self.event = event
        self.subEvents = subEvents
        self.id = id
        self.timestamp = timestamp
        self.timestampFormat = timestampFormat
        self.scheme = scheme
        self.envelope = envelope
        self.events = events
        self.assumedEvents = assumedEvents
        self.eventNamePattern = eventNamePattern
        self.handshake = handshake
        self.headers = headers
        self.generatedHeaders = generatedHeaders
        self.redeliveryHeaders = redeliveryHeaders
        self.futureTimestamps = futureTimestamps
        self.tolerance = tolerance
        self.retries = retries
        self.sources = sources
    }

    /// Whether `event` is one the provider is known to send, or follows its ``eventNamePattern``.
    public func isKnownEvent(_ event: String) -> Bool {
        events.contains(event) || (eventNamePattern?.hasMatch(in: event) ?? false)
    }

    /// The probes that apply to this profile, in run order: signature probes named for the scheme
    /// (`wrong-token`/`missing-token` for token schemes; none for `none`), timestamp probes only for
    /// timestamped schemes, and `malformed-json` only for POST profiles.
    public var supportedProbes: [ProbeKind] {
        var probes: [ProbeKind] = [.valid]
        switch scheme {
        case .none: break
        case .token: probes += [.wrongToken, .missingToken]
        default: probes += [.badSignature, .missingSignature, .tamperedBody]
        }
        if scheme.isTimestamped { probes += [.staleTimestamp, .futureTimestamp] }
        if method == .post { probes.append(.reformattedJSON) }
        probes += [.unknownEvent, .replay]
        if method == .post { probes.append(.malformedJSON) }
        if method == .post, scheme != .none { probes.append(.unsignedMalformedJSON) }
        return probes
    }
}
