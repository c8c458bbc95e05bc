import Foundation

/// How a provider writes timestamps: enough to generate each provider's exact format and to read any.
public enum TimestampFormat: Sendable, Hashable, CustomStringConvertible {
    /// Whole seconds since 1970 (`1614265330`).
    case unixSeconds
    /// RFC 3339 in UTC with a fixed number of fractional digits: `2020-10-21T13:45:51.087Z` (3, `Z`),
    /// `2018-04-20T13:11:34.6926949Z` (7, `Z`), `2022-04-01T14:24:14.196+00:00` (3, numeric offset).
    case dateTime(fractionDigits: Int, zone: Zone)

    /// How UTC is written at the end of a date-time.
    public enum Zone: String, Sendable, Hashable, CaseIterable {
        /// `Z`.
        case z = "Z"
        /// `+00:00`.
        case numericOffset = "+00:00"
    }

    /// `unix` or `date-time (3 fractional digits, Z)`.
    public var description: String {
        switch self {
        case .unixSeconds: "unix"
        case .dateTime(let digits, let zone): "date-time (\(digits) fractional digits, \(zone.rawValue))"
        }
    }

    /// Seconds between 1970-01-01 and 2001-01-01, `Date`'s reference date.
    private static let referenceOffset = 978_307_200

    /// The largest number of fractional digits written.
    static let maxFractionDigits = 9

    /// `date` in this format. Fractions are rounded to the nearest unit of the last digit.
    public func format(_ date: Date) -> String {
        let sinceReference = date.timeIntervalSinceReferenceDate
        guard sinceReference.isFinite, abs(sinceReference) < 1e14 else { return "" }
        var whole = Int(sinceReference.rounded(.down))
        switch self {
        case .unixSeconds:
            return String(whole + Self.referenceOffset)
        case .dateTime(let requestedDigits, let zone):
            let digits = min(max(requestedDigits, 0), Self.maxFractionDigits)
            var scale = 1
            for _ in 0..<digits { scale *= 10 }
            var units = Int(((sinceReference - Double(whole)) * Double(scale)).rounded())
            if units >= scale {
                units -= scale
                whole += 1
            }
            let seconds = whole + Self.referenceOffset
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = seconds - days * 86_400
            let (year, month, day) = UTCTime.civilDate(daysSince1970: days)
            var text = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))T"
            text += "\(Self.padded(secondOfDay / 3600, 2)):\(Self.padded(secondOfDay / 60 % 60, 2))"
            text += ":\(Self.padded(secondOfDay % 60, 2))"
            if digits > 0 { text += "." + Self.padded(units, digits) }
            return text + zone.rawValue
        }
    }

    /// Reads a timestamp in this format's family: unix seconds (digits only), or any RFC 3339 date-time
    /// (any number of fractional digits, `Z` or an offset). `nil` when `text` is neither.
    public func parse(_ text: String) -> Date? {
        switch self {
        case .unixSeconds:
            guard !text.isEmpty, text.utf8.count <= 15, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let seconds = Int(text)
            else { return nil }
            return Date(timeIntervalSinceReferenceDate: Double(seconds - Self.referenceOffset))
        case .dateTime:
            guard let parts = DateTimeText.parseDateTime(text) else { return nil }
            let fraction = parts.fraction.isEmpty ? 0 : Double("0." + parts.fraction) ?? 0
            return Date(
                timeIntervalSinceReferenceDate: Double(parts.wholeSecondsSince1970 - Self.referenceOffset) + fraction)
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
