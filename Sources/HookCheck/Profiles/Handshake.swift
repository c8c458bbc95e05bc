/// An event a receiver must answer by echoing one of its values, as Slack's `url_verification` echoes
/// `/challenge` (as plain text or as `{"challenge": …}`) before Slack enables a Request URL.
public struct Handshake: Sendable, Hashable {
    /// The event that asks for the echo (`url_verification`).
    public var event: String
    /// Where the value to echo is in its body (`/challenge`).
    public var pointer: JSONPointer

    /// Creates a handshake rule.
    public init(event: String, pointer: JSONPointer) {
        self.event = event
        self.pointer = pointer
    }

    /// The response rule a suite case of this event states: the answer is the value as text, or a JSON
    /// object whose member named after the pointer's last token carries it.
    public var responseRule: ResponseRule {
        let reference = Pattern.request(pointer)
        let key = pointer.tokens.last ?? "challenge"
        return ResponseRule(body: .anyOf([reference, .object([Pattern.Member(key: key, pattern: reference)])]))
    }
}
