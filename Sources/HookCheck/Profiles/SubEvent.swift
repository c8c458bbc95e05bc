/// A second level of dispatch inside an event: where a provider wraps many event types in one outer event
/// and receivers dispatch on the inner one. Slack's `event_callback` carries its event type at
/// `/event/type` (`app_mention`, `message`), so cases, routing and the `unknown-event` probe go by both.
public struct SubEvent: Sendable, Hashable {
    /// The outer event this applies under (`event_callback`), or `nil` for every event.
    public var under: String?
    /// Where the inner event type is in the body.
    public var pointer: JSONPointer

    /// Creates a sub-event rule: the inner type at `pointer`, under the outer event `under` (any when `nil`).
    public init(under: String?, pointer: JSONPointer) {
        self.under = under
        self.pointer = pointer
    }

    /// Whether this rule applies to a delivery of `event`.
    public func applies(to event: String) -> Bool {
        under.map { $0 == event } ?? true
    }
}

extension Profile {
    /// The sub-event rule that applies to a delivery of `event`, if any (the first that applies).
    public func subEvent(for event: String) -> SubEvent? {
        subEvents.first { $0.applies(to: event) }
    }

    /// The inner event type of `body`, a delivery of `event`, when the profile names a sub-event for it
    /// and the body has a string there.
    public func subEventName(of body: JSONValue, event: String) -> String? {
        guard let rule = subEvent(for: event), case .string(let name)? = rule.pointer.resolve(in: body) else {
            return nil
        }
        return name
    }
}
