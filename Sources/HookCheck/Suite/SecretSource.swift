/// Where a suite's signing secret comes from. The value itself is never part of a description.
public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
    /// The environment variable with this name (`{"env": "CRYPTLEX_WEBHOOK_SECRET"}`).
    case environment(String)
    /// A value written in the suite (`{"value": "…"}`; accepted with a warning).
    case inline(Secret)

    /// `environment variable CRYPTLEX_WEBHOOK_SECRET` or `an inline value`.
    public var description: String {
        switch self {
        case .environment(let name): "environment variable \(name)"
        case .inline: "an inline value"
        }
    }

    /// A secret string that prints, dumps and reflects as `<redacted>`.
    public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
        CustomReflectable
    {
        /// The secret itself: pass it to a signature scheme, never to a message.
        public let value: String

        /// Wraps a secret.
        public init(_ value: String) {
            self.value = value
        }

        public var description: String { "<redacted>" }
        public var debugDescription: String { "<redacted>" }
        public var customMirror: Mirror { Mirror(self, children: []) }
    }
}
