extension Profile {
    /// How a provider spells its event names, so that a made-up one looks like the provider's own.
    public enum EventNaming: Sendable, Hashable {
        /// `payment_intent.succeeded`, `license.expiring-soon`: dotted, words joined by `_` or `-`.
        case dotted(wordSeparator: Character)
        /// `orders/create`: Shopify's `resource/action` topics.
        case slashed
        /// `DOCUMENT_SIGNED`.
        case screamingSnake
        /// `pull_request`, `app_mention`.
        case snake

        /// An event name of this style that no provider sends.
        public var unknownName: String {
            switch self {
            case .dotted(let separator): "hookcheck.unknown\(separator)event"
            case .slashed: "hookcheck/unknown_event"
            case .screamingSnake: "HOOKCHECK_UNKNOWN_EVENT"
            case .snake: "hookcheck_unknown_event"
            }
        }

        /// The style of `names`: slashed or dotted when most names have a `/` or `.`, screaming snake when
        /// they are all upper case, else snake case (also for an empty list).
        public init(inferringFrom names: [String]) {
            let slashed = names.filter { $0.contains("/") }.count
            let dotted = names.filter { $0.contains(".") }.count
            if !names.isEmpty, slashed * 2 >= names.count {
                self = .slashed
            } else if !names.isEmpty, dotted * 2 >= names.count {
                let hyphens = names.filter { $0.contains("-") }.count
                let underscores = names.filter { $0.contains("_") }.count
                self = .dotted(wordSeparator: hyphens > underscores ? "-" : "_")
            } else if !names.isEmpty, names.allSatisfy({ $0 == $0.uppercased() }) {
                self = .screamingSnake
            } else {
                self = .snake
            }
        }
    }

    /// The style of this provider's event names, from its list (dotted when the list is empty but the
    /// provider uses an open-ended dotted naming, as Standard Webhooks does).
    public var eventNaming: EventNaming {
        if events.isEmpty, let pattern = eventNamePattern, pattern.hasMatch(in: "a.b") {
            return .dotted(wordSeparator: "_")
        }
        return EventNaming(inferringFrom: events)
    }

    /// Where the unknown-event probe puts its made-up name for a delivery of `event`: the innermost event the
    /// profile knows (a sub-event such as Slack's `/event/type` when one applies, else the event field), and
    /// the made-up name in that level's naming style.
    public func unknownEventTarget(for event: String?) -> (sub: SubEvent?, name: String) {
        if let event, let rule = subEvent(for: event) { return (rule, EventNaming.snake.unknownName) }
        return (nil, eventNaming.unknownName)
    }
}
