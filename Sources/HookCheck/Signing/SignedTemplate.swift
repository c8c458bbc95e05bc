/// The bytes an `hmac` scheme signs, written as text with placeholders: `{body}` (the raw body
/// bytes), `{url}`, `{method}`, `{id}` and `{timestamp}`; everything else is literal UTF-8.
/// Examples: `{body}` (GitHub), `v0:{timestamp}:{body}` (Slack), `{url}{body}` (iinked Sign).
public struct SignedTemplate: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        case literal(String)
        case body
        case url
        case method
        case id
        case timestamp
    }

    /// The pieces in order.
    public let parts: [Part]
    /// The template text it was parsed from.
    public let text: String

    /// The raw body alone.
    public static let body = SignedTemplate(parts: [.body], text: "{body}")

    private init(parts: [Part], text: String) {
        self.parts = parts
        self.text = text
    }

    /// Parses template text.
    /// - Throws: `SignatureError.invalidTemplate` for an unknown or unterminated placeholder.
    public init(parsing text: String) throws(SignatureError) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw .invalidTemplate(
                    text, reason: "unterminated placeholder at \(String(reflecting: String(rest[open...])))")
            }
            let name = rest[rest.index(after: open)..<close]
            let part: Part
            switch name {
            case "body": part = .body
            case "url": part = .url
            case "method": part = .method
            case "id": part = .id
            case "timestamp": part = .timestamp
            default:
                throw .invalidTemplate(
                    text, reason: "unknown placeholder {\(name)}; use {body}, {url}, {method}, {id} or {timestamp}")
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            parts.append(part)
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty {
            parts.append(.literal(literal))
        }
        self.init(parts: parts, text: text)
    }

    /// Whether the template signs `part`.
    public func contains(_ part: Part) -> Bool {
        parts.contains(part)
    }

    /// The exact bytes to sign.
    /// - Returns: the bytes, or the placeholder (`"{id}"`, `"{timestamp}"`) whose value is missing.
    public func render(
        body: [UInt8], url: String, method: String, id: String?, timestamp: String?
    ) -> Result<[UInt8], MissingPlaceholder> {
        // The body alone (GitHub, Shopify, …): the same bytes, shared rather than copied.
        if parts.count == 1, case .body = parts[0] { return .success(body) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.count + 64)
        for part in parts {
            switch part {
            case .literal(let text): bytes += text.utf8
            case .body: bytes += body
            case .url: bytes += url.utf8
            case .method: bytes += method.utf8
            case .id:
                guard let id else { return .failure(MissingPlaceholder(name: "{id}")) }
                bytes += id.utf8
            case .timestamp:
                guard let timestamp else { return .failure(MissingPlaceholder(name: "{timestamp}")) }
                bytes += timestamp.utf8
            }
        }
        return .success(bytes)
    }

    public var description: String { text }

    /// A placeholder whose value the context does not have.
    public struct MissingPlaceholder: Error, Sendable, Hashable {
        /// The placeholder, e.g. `{id}`.
        public var name: String

        /// Creates the error for a placeholder.
        public init(name: String) {
            self.name = name
        }
    }
}
