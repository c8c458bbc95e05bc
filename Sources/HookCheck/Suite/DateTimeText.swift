/// The parts of an RFC 3339 date or date-time, read without `DateFormatter` (strict, locale-free).
struct DateTimeText: Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    /// The fractional-second digits as written (`"196"`, `"9357901"`), empty when there are none.
    var fraction = ""
    /// The UTC offset in seconds (`+00:00`, `-04:00`); `nil` for `Z`.
    var offset: Int?

    /// Parses an RFC 3339 full-date such as `2022-04-01`.
    static func parseDate(_ text: String) -> DateTimeText? {
        var scanner = Scanner(Array(text.utf8))
        guard let date = scanner.date(), scanner.isAtEnd else { return nil }
        return date
    }

    /// Parses an RFC 3339 date-time such as `2022-04-01T14:24:14.196+00:00` or `2018-04-20T13:11:34.6926949Z`
    /// (`T` and `Z` in either case; seconds up to 60 for leap seconds).
    static func parseDateTime(_ text: String) -> DateTimeText? {
        var scanner = Scanner(Array(text.utf8))
        guard var value = scanner.date(), scanner.take("T") || scanner.take("t"),
            let hour = scanner.number(2), hour < 24, scanner.take(":"),
            let minute = scanner.number(2), minute < 60, scanner.take(":"),
            let second = scanner.number(2), second <= 60
        else { return nil }
        value.hour = hour
        value.minute = minute
        value.second = second
        if scanner.take(".") {
            let digits = scanner.digits()
            guard !digits.isEmpty else { return nil }
            value.fraction = digits
        }
        if scanner.take("Z") || scanner.take("z") {
            value.offset = nil
        } else {
            let sign: Int
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { return nil }
            guard let hours = scanner.number(2), hours < 24, scanner.take(":"), let minutes = scanner.number(2),
                minutes < 60
            else { return nil }
            value.offset = sign * (hours * 3600 + minutes * 60)
        }
        return scanner.isAtEnd ? value : nil
    }

    /// Whole seconds since 1970-01-01T00:00:00Z (the fraction left out).
    var wholeSecondsSince1970: Int {
        let days = UTCTime.daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - (offset ?? 0)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A byte cursor over ASCII text.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// Exactly `width` decimal digits.
        mutating func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + width] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }

        /// Every decimal digit from here, as text.
        mutating func digits() -> String {
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func date() -> DateTimeText? {
            guard let year = number(4), take("-"), let month = number(2), (1...12).contains(month), take("-"),
                let day = number(2), day >= 1, day <= DateTimeText.daysInMonth(month, year: year)
            else { return nil }
            return DateTimeText(year: year, month: month, day: day)
        }
    }
}
