/// Why a delivery could not be signed. Messages never contain the secret.
public enum SignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The secret cannot be used as a key (empty, or not the encoding the scheme expects).
    case invalidSecret(reason: String)
    /// A value the scheme signs is missing from the context, e.g. `"id"` or `"timestamp"`.
    case missingValue(String)
    /// A signed-bytes template cannot be parsed.
    case invalidTemplate(String, reason: String)

    public var description: String {
        switch self {
        case .invalidSecret(let reason):
            "invalid secret: \(reason)"
        case .missingValue(let name):
            "cannot sign: the scheme signs \(name), but none was given"
        case .invalidTemplate(let template, let reason):
            "invalid signed-bytes template \(String(reflecting: template)): \(reason)"
        }
    }
}
