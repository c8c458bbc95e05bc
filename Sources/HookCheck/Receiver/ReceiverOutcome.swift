import HookHTTP

/// What the reference receiver decided about one request, and the response that says so.
enum ReceiverOutcome: Sendable, Hashable {
    /// A known event, seen for the first time, processed.
    case processed(event: String, id: String?)
    /// An event type the profile does not know: acknowledged, not processed.
    case ignored(event: String, id: String?)
    /// A delivery already seen: acknowledged, not processed again.
    case duplicate(event: String, id: String?)
    /// The `reject-replay` flaw: a delivery already seen, refused with 409.
    case conflict(event: String, id: String?)
    /// The `crash-on-unknown-event` flaw: 500.
    case crashed(event: String)
    /// Authentication failed: 401.
    case unauthorized(String)
    /// Malformed JSON, a body outside the envelope, no event type: 400.
    case badRequest(String)
    /// No route serves the path: 404.
    case notFound(String)
    /// The route's profile uses another method: 405.
    case methodNotAllowed(received: String, allowed: String)
    /// The route cannot verify (its secret is unusable): 500.
    case misconfigured(String)

    var status: Int {
        switch self {
        case .processed, .ignored, .duplicate: 200
        case .conflict: 409
        case .crashed, .misconfigured: 500
        case .unauthorized: 401
        case .badRequest: 400
        case .notFound: 404
        case .methodNotAllowed: 405
        }
    }

    /// One line for the log: `processed license.created`, `unauthorized: missing header …`.
    var summary: String {
        switch self {
        case .processed(let event, _): "processed \(event)"
        case .ignored(let event, _): "ignored unknown event \(event)"
        case .duplicate(let event, _): "duplicate \(event), not processed again"
        case .conflict(let event, _): "refused replay of \(event) (flaw reject-replay)"
        case .crashed(let event): "crashed on unknown event \(event) (flaw crash-on-unknown-event)"
        case .unauthorized(let reason): "unauthorized: \(reason)"
        case .badRequest(let reason), .notFound(let reason), .misconfigured(let reason): reason
        case .methodNotAllowed(let received, let allowed): "method \(received) not allowed; use \(allowed)"
        }
    }

    var response: HTTPResponse { response(echoing: nil) }

    /// The response; `echo`, for an accepted handshake event, is added as a `challenge`-style member
    /// `(name, value)` so the answer echoes what the provider asked for.
    func response(echoing echo: (String, JSONValue)?) -> HTTPResponse {
        var members: [(String, JSONValue)]
        switch self {
        case .processed(let event, let id), .ignored(let event, let id), .duplicate(let event, let id):
            let status =
                switch self {
                case .processed: "processed"
                case .ignored: "ignored"
                default: "duplicate"
                }
            members = [("status", .string(status)), ("event", .string(event))]
            if let id { members.append(("id", .string(id))) }
            switch self {
            case .ignored: members.append(("note", .string("unknown event type: acknowledged, not processed")))
            case .duplicate: members.append(("note", .string("already received: acknowledged, not processed again")))
            default: break
            }
        case .conflict(let event, let id):
            members = [("error", .string("duplicate delivery")), ("event", .string(event))]
            if let id { members.append(("id", .string(id))) }
        case .crashed(let event):
            members = [("error", .string("internal error: unhandled event type")), ("event", .string(event))]
        case .unauthorized(let reason), .badRequest(let reason), .notFound(let reason), .misconfigured(let reason):
            members = [("error", .string(reason))]
        case .methodNotAllowed:
            members = [("error", .string(summary))]
        }
        if let echo, status / 100 == 2 { members.insert(echo, at: 0) }
        var headers: HTTPHeaders = [(HTTPHeaderName.contentType, "application/json")]
        if case .methodNotAllowed(_, let allowed) = self { headers.add(name: HTTPHeaderName.allow, value: allowed) }
        return HTTPResponse(
            status: HTTPStatus(code: status), headers: headers,
            body: Array((JSONWriter.compact(.object(JSONObject(members))) + "\n").utf8))
    }
}
