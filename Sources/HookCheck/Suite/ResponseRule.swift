import HookHTTP

/// What an accepting answer must contain beyond its status: header patterns and a body pattern.
///
/// In a suite: `"expect": {"response": {"headers": {"Content-Type": {"$regex": "^application/json"}},
/// "body": {"challenge": {"$request": "/challenge"}}}}`. A JSON response body is matched as JSON; any other
/// body as one JSON string of its text, so `{"$request": "/challenge"}` matches a plain-text echo and
/// `{"$regex": "^ok$"}` a text answer. `$request` refers to the body of the request that was sent.
public struct ResponseRule: Sendable, Hashable {
    /// One header rule: the first field of that name (case-insensitive) must match; `{"$absent": true}`
    /// requires the header to be missing.
    public struct HeaderRule: Sendable, Hashable {
        /// The header name as written.
        public var name: String
        /// The pattern the header's value (a JSON string) must match.
        public var pattern: Pattern

        /// Creates a header rule.
        public init(name: String, pattern: Pattern) {
            self.name = name
            self.pattern = pattern
        }
    }

    /// Header rules, in the order written.
    public var headers: [HeaderRule]
    /// The body pattern, or `nil` for any body.
    public var body: Pattern?

    /// Creates a response rule.
    public init(headers: [HeaderRule] = [], body: Pattern? = nil) {
        self.headers = headers
        self.body = body
    }

    /// The ways `response` breaks the rule, as mismatches (header pointers are `/headers/NAME`, body
    /// pointers start at `/body`); empty when it conforms.
    /// - Parameters:
    ///   - response: the answer.
    ///   - requestBody: the exact body bytes that were sent, for `$request` references.
    public func mismatches(in response: HTTPResponse, requestBody: [UInt8]) -> [Mismatch] {
        let request = try? JSONParser.parse(requestBody)
        var found: [Mismatch] = []
        for rule in headers {
            let value = response.headers[rule.name].map(JSONValue.string)
            let pattern = rule.pattern.resolvingRequestReferences(in: request)
            found += pattern.match(value, at: JSONPointer(tokens: ["headers", rule.name]))
        }
        if let body {
            let pattern = body.resolvingRequestReferences(in: request)
            found += pattern.match(Self.bodyValue(response.body), at: JSONPointer(tokens: ["body"]))
        }
        return found
    }

    /// A response body as the body pattern sees it: parsed JSON, or else its text as a string.
    public static func bodyValue(_ bytes: [UInt8]) -> JSONValue {
        if let value = try? JSONParser.parse(bytes) { return value }
        return .string(String(decoding: bytes, as: UTF8.self))
    }
}
