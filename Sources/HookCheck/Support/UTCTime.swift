import Foundation

/// UTC calendar arithmetic and its RFC 3339 text: the one home for it (reports, capture files, suite
/// formats and timestamp profiles all use it).
package enum UTCTime {
    /// The UTC calendar fields of an instant, to the millisecond.
    package struct Fields: Sendable, Hashable {
        package var year: Int
        package var month: Int
        package var day: Int
        package var hour: Int
        package var minute: Int
        package var second: Int
        package var millisecond: Int
    }

    /// The UTC fields of `date`, its milliseconds rounded by `rule` (`.down` truncates).
    package static func fields(of date: Date, rounding rule: FloatingPointRoundingRule = .down) -> Fields {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(rule))
        let (days, dayMilliseconds) = floorDivide(totalMilliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: Int(days))
        let seconds = Int(dayMilliseconds / 1000)
        return Fields(
            year: year, month: month, day: day, hour: seconds / 3600, minute: seconds / 60 % 60,
            second: seconds % 60, millisecond: Int(dayMilliseconds % 1000))
    }

    /// `2026-11-23T10:00:00`: UTC, no zone, no fraction.
    package static func dateTime(_ fields: Fields) -> String {
        var text = ""
        text.reserveCapacity(24)
        append(fields.year, width: 4, to: &text)
        text.append("-")
        append(fields.month, width: 2, to: &text)
        text.append("-")
        append(fields.day, width: 2, to: &text)
        text.append("T")
        append(fields.hour, width: 2, to: &text)
        text.append(":")
        append(fields.minute, width: 2, to: &text)
        text.append(":")
        append(fields.second, width: 2, to: &text)
        return text
    }

    /// `2026-11-23T10:00:00.123Z`: RFC 3339 in UTC with milliseconds, rounded by `rule`.
    package static func rfc3339(_ date: Date, rounding rule: FloatingPointRoundingRule = .down) -> String {
        let fields = fields(of: date, rounding: rule)
        var text = dateTime(fields)
        text.append(".")
        append(fields.millisecond, width: 3, to: &text)
        text.append("Z")
        return text
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
    package static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
    package static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : -((-value - 1) / divisor) - 1
        return (quotient, value - quotient * divisor)
    }

    private static func append(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }
}
