extension Profile {
    /// The envelope a captured request carries under this profile: the query string's variables for a
    /// `GET` profile, else the body parsed as strict JSON; `nil` when the body is not JSON.
    /// - Parameters:
    ///   - target: the request target as received (`/hooks?event_type=…`).
    ///   - body: the exact body bytes.
    public func envelope(target: String, body: [UInt8]) -> JSONValue? {
        if method == .get {
            guard let question = target.firstIndex(of: "?") else { return .object(JSONObject()) }
            return Self.envelope(fromQuery: String(target[target.index(after: question)...]))
        }
        return try? JSONParser.parse(body)
    }
}
