import Foundation
import HookHTTP

/// Capture-file times: RFC 3339 in UTC with milliseconds, e.g. `2026-11-23T10:00:00.123Z`.
enum CaptureTime {
    static func format(_ date: Date) -> String {
        UTCTime.rfc3339(date, rounding: .toNearestOrAwayFromZero)
    }

    static func parse(_ text: String) -> Date? {
        if let date = parseUTC(Array(text.utf8)) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// The common `YYYY-MM-DDTHH:MM:SS[.f…]Z` form, without Foundation's parser.
    static func parseUTC(_ bytes: [UInt8]) -> Date? {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            // At most nine fraction digits here (longer ones go to Foundation's parser): checked before
            // the digits are read, so they cannot overflow.
            guard bytes[19] == UInt8(ascii: "."), bytes.count > 21, bytes.count - 21 <= 9,
                let digits = number(20..<(bytes.count - 1))
            else { return nil }
            var scale = 1.0
            for _ in 20..<(bytes.count - 1) { scale *= 10 }
            fraction = Double(digits) / scale
        } else if bytes[19] != UInt8(ascii: "Z") {
            return nil
        }
        // The same arithmetic as `timegm`, which also carries a day past the month's end (31 February
        // is 3 March) and a leap second into the next minute.
        let days = UTCTime.daysSince1970(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
