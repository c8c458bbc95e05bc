import HookHTTP

/// One case of a suite: a concrete example delivery and what to expect of it.
public struct SuiteCase: Sendable, Hashable {
    /// The case's name, unique in its suite.
    public var name: String
    /// The example body. `run` sends it (compactly serialised, id and timestamp filled in by the
    /// profile); `check` uses its ``shape``.
    public var body: JSONValue
    /// Extra or overriding request headers, in order (e.g. `X-GitHub-Event: push`).
    public var headers: HTTPHeaders
    /// Patterns a delivery's body must also match.
    public var match: Pattern?
    /// How the receiver must answer: the case's `expect` merged key by key over the suite's.
    public var expect: Expectation
    /// How many times `check` must see the case (default 1).
    public var count: Int
    /// Exact body bytes the `valid` probe sends instead of encoding ``body`` (a captured delivery that
    /// `replay` resends byte for byte; the profile then fills nothing in the body).
    public var rawBody: [UInt8]?

    /// Creates a case.
    public init(
        name: String, body: JSONValue, headers: HTTPHeaders = [], match: Pattern? = nil,
        expect: Expectation = .standard, count: Int = 1
    ) {
        self.name = name
        self.body = body
        self.headers = headers
        self.match = match
        self.expect = expect
        self.count = count
    }

    /// The body as a shape: same keys with the same JSON types, extra keys allowed.
    public var shape: Pattern { Pattern.shape(of: body) }
}
