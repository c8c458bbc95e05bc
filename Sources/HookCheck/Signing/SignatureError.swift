/// Why a delivery could not be signed. Messages never contain the secret. A struct with a ``code``, so new
/// reasons can be added without breaking a caller's `switch`.
public struct SignatureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The secret cannot be used as a key (empty, or not the encoding the scheme expects).
        public static let invalidSecret = Code("invalidSecret")
        /// A value the scheme signs is missing from the context, e.g. `"id"` or `"timestamp"`.
        public static let missingValue = Code("missingValue")
        /// A signed-bytes template cannot be parsed.
        public static let invalidTemplate = Code("invalidTemplate")

        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// For ``Code/invalidSecret`` and ``Code/invalidTemplate``: why.
    public var reason: String?
    /// For ``Code/missingValue``: the name of the value, e.g. `"id"`.
    public var valueName: String?
    /// For ``Code/invalidTemplate``: the template.
    public var template: String?

    private init(code: Code, reason: String? = nil, valueName: String? = nil, template: String? = nil) {
        self.code = code
        self.reason = reason
        self.valueName = valueName
        self.template = template
    }

    /// The secret cannot be used as a key, for `reason`.
    public static func invalidSecret(reason: String) -> Self { Self(code: .invalidSecret, reason: reason) }

    /// The scheme signs the value `name`, but none was given.
    public static func missingValue(_ name: String) -> Self { Self(code: .missingValue, valueName: name) }

    /// The signed-bytes `template` cannot be parsed, for `reason`.
    public static func invalidTemplate(_ template: String, reason: String) -> Self {
        Self(code: .invalidTemplate, reason: reason, template: template)
    }

    public var description: String {
        let reason = reason ?? ""
        return switch code {
        case .invalidSecret: "invalid secret: \(reason)"
        case .missingValue: "cannot sign: the scheme signs \(valueName ?? ""), but none was given"
        default: "invalid signed-bytes template \(String(reflecting: template ?? "")): \(reason)"
        }
    }
}
