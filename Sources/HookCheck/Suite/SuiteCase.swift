import HookHTTP

/// One case of a suite: a concrete example delivery and what to expect of it.
public struct SuiteCase: Sendable, Hashable {
    /// The case's name, unique in its suite.
    public var name: String
    /// The example body. `run` sends it compactly serialised, with a fresh id and the sending time in the
    /// profile's id and timestamp fields (unless ``pins`` holds them); `check` uses its ``shape``.
    public var body: JSONValue
    /// Extra or overriding request headers, in order (e.g. `X-GitHub-Event: push`).
    public var headers: HTTPHeaders
    /// Patterns a delivery's body must also match.
    public var match: Pattern?
    /// How the receiver must answer: the case's `expect` merged key by key over the suite's.
    public var expect: DeliveryExpectation
    /// How many times `check` must see the case (default 1).
    public var count: Int
    /// Exact body bytes the `valid` probe sends instead of encoding ``body`` (a captured delivery that
    /// `replay` resends byte for byte; the profile then fills nothing in the body).
    public var rawBody: [UInt8]?
    /// The profile fields `run` sends exactly as the example has them (`"pin": ["id", "timestamp"]`),
    /// instead of a fresh id per delivery and the sending time.
    public var pins: Set<PinnedField>
    /// The JSON Schema every delivery body of the case must satisfy (the `schema` check), compiled at load.
    public var schema: SuiteSchema? = nil

    /// A field of the profile that a case can pin to its example's value.
    public enum PinnedField: String, Sendable, Hashable, CaseIterable {
        /// The delivery id (a body field or a header): every delivery of the case carries the example's.
        case id
        /// The timestamp (a body field or a header): sent as written, except by the stale- and
        /// future-timestamp probes, which move it on purpose.
        case timestamp
    }

    /// Creates a case.
    public init(
        name: String, body: JSONValue, headers: HTTPHeaders = [], match: Pattern? = nil,
        expect: DeliveryExpectation = .standard, count: Int = 1, pins: Set<PinnedField> = []
    ) {
        self.name = name
        self.body = body
        self.headers = headers
        self.match = match
        self.expect = expect
        self.count = count
        self.pins = pins
    }

    /// The body as a shape: same keys with the same JSON types, extra keys allowed.
    public var shape: Pattern { Pattern.shape(of: body) }
}
