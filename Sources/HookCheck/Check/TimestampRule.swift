import Foundation
import HookHTTP

/// One timestamp a delivery must carry, and how fresh it must be: a signed (header) timestamp is
/// judged on every attempt, a body timestamp (the event time) on the first attempt only, since
/// retries legitimately resend the same event.
struct TimestampRule: Sendable {
    /// Where the timestamp is.
    let source: FieldSource
    /// How it is written.
    let format: TimestampFormat
    /// How far from `receivedAt` it may be.
    let policy: TimestampPolicy
    /// Whether every attempt is judged (headers), or only the first (body fields).
    let isJudgedOnEveryAttempt: Bool
    /// Where the timestamp is, for messages (`header webhook-timestamp`, `/timestamp`).
    let place: String

    init(source: FieldSource, format: TimestampFormat, policy: TimestampPolicy, isJudgedOnEveryAttempt: Bool) {
        self.source = source
        self.format = format
        self.policy = policy
        self.isJudgedOnEveryAttempt = isJudgedOnEveryAttempt
        place = source.description
    }

    /// The rules of `profile`: its timestamp source, plus the scheme's signed timestamp header when
    /// the profile reads its timestamp elsewhere.
    static func rules(for profile: Profile) -> [TimestampRule] {
        let schemePolicy = profile.scheme.timestampPolicy
        let profilePolicy = TimestampPolicy(tolerance: profile.tolerance, future: profile.futureTimestamps)
        var rules: [TimestampRule] = []
        switch profile.timestamp {
        case .none:
            break
        case .pointer:
            rules.append(
                TimestampRule(
                    source: profile.timestamp, format: profile.timestampFormat, policy: profilePolicy,
                    isJudgedOnEveryAttempt: false))
        case .header, .headerParameter:
            rules.append(
                TimestampRule(
                    source: profile.timestamp, format: profile.timestampFormat, policy: schemePolicy ?? profilePolicy,
                    isJudgedOnEveryAttempt: true))
        }
        if let header = profile.scheme.timestampHeader, let schemePolicy {
            let isCovered: Bool =
                switch profile.timestamp {
                case .header(let name), .headerParameter(let name, _): name.lowercased() == header.lowercased()
                default: false
                }
            if !isCovered {
                rules.append(
                    TimestampRule(
                        source: .header(header), format: .unixSeconds, policy: schemePolicy,
                        isJudgedOnEveryAttempt: true))
            }
        }
        return rules
    }

    /// What is wrong with the timestamp of a delivery received at `receivedAt`, or `nil`.
    func problem(in envelope: JSONValue?, headers: HTTPHeaders, receivedAt: Date) -> (String, String?, String?)? {
        guard let text = source.text(in: envelope, headers: headers) else {
            return ("missing timestamp at \(place)", "a timestamp", "nothing")
        }
        guard let date = format.parse(text) else {
            let expected = format == .unixSeconds ? "unix seconds" : "an RFC 3339 date-time"
            return (
                "\(place): expected \(expected), found \(JSONWriter.quoted(text))", expected, JSONWriter.quoted(text)
            )
        }
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let now = receivedAt.timeIntervalSince1970.rounded(.down)
        guard abs(seconds) < 1e15, abs(now) < 1e15 else {
            return ("\(place): timestamp \(JSONWriter.quoted(text)) out of range", nil, nil)
        }
        if let failure = policy.check(Int(seconds), now: Int(now), header: place) {
            let received = CaptureTime.format(receivedAt)
            return (
                "\(failure) (received at \(received))", "within \(policy.tolerance) s of \(received)",
                JSONWriter.quoted(text)
            )
        }
        return nil
    }
}
