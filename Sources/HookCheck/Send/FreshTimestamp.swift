import Foundation

/// A timestamp for the sending time written the way an example writes it, so that `run` refreshes a
/// case's stale example time without changing its format: `2024-04-20T13:11:34.6926949Z` keeps seven
/// fractional digits and `Z`, `2024-05-02T10:06:53.992-04:00` keeps three digits and the `-04:00`
/// offset (the time is given in that offset), `1717407001` stays unix seconds (a number stays a number).
enum FreshTimestamp {
    /// `date` written like `example`; `nil` when the example is in no format this knows.
    static func text(like example: String, at date: Date) -> String? {
        if !example.isEmpty, example.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let seconds = date.timeIntervalSince1970
            // 13 digits and more: milliseconds (as JavaScript senders write them).
            return example.utf8.count >= 13 ? String(Int64(seconds * 1000)) : String(Int64(seconds))
        }
        guard let parts = DateTimeText.parseDateTime(example) else { return nil }
        let digits = min(parts.fraction.count, TimestampFormat.maxFractionDigits)
        let offset = parts.offset ?? 0
        let utc = TimestampFormat.dateTime(fractionDigits: digits, zone: .z)
            .format(date.addingTimeInterval(TimeInterval(offset)))
        guard let zone = parts.offset.map(offsetText) else {
            return example.hasSuffix("z") ? String(utc.dropLast()) + "z" : utc
        }
        return String(utc.dropLast()) + zone
    }

    /// `date` written like the JSON `example` (a string or a number), keeping its JSON type.
    static func value(like example: JSONValue, at date: Date) -> JSONValue? {
        switch example {
        case .string(let written): text(like: written, at: date).map(JSONValue.string)
        case .number(let written): text(like: written, at: date).map(JSONValue.number)
        default: nil
        }
    }

    /// `+00:00`, `-04:00`.
    private static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let hours = magnitude / 3600
        let minutes = magnitude / 60 % 60
        return (seconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "")
            + String(minutes)
    }
}
