import Foundation

/// Text helpers shared by the report writers: locale-independent numbers and dates, and the
/// hygiene every report applies (no ANSI escapes, no characters XML 1.0 forbids).
enum ReportText {
    // MARK: - Numbers

    /// Seconds in a `Duration`, as a `Double`.
    static func seconds(_ duration: Duration) -> Double {
        duration.inSeconds
    }

    /// `value` rounded to `places` decimals with a `.` separator and no grouping, whatever the
    /// locale; negative values read as zero.
    static func decimal(_ value: Double, places requested: Int) -> String {
        let places = max(1, requested)
        guard value.isFinite, value > 0 else { return "0." + String(repeating: "0", count: places) }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard scaled < 9e15 else { return String(Int64(value)) + "." + String(repeating: "0", count: places) }
        let units = Int64(scaled)
        let fraction = String(units % scale)
        return "\(units / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A duration in seconds with three decimals, as JUnit wants: `0.012`.
    static func junitSeconds(_ duration: Duration) -> String {
        decimal(seconds(duration), places: 3)
    }

    /// A duration for people: `850 µs`, `12.3 ms`, `1.234 s`.
    static func humanDuration(_ duration: Duration) -> String {
        let value = seconds(duration)
        if value < 0.001 { return "\(Int((max(value, 0) * 1_000_000).rounded())) µs" }
        if value < 1 { return "\(decimal(value * 1000, places: 1)) ms" }
        return "\(decimal(value, places: 3)) s"
    }

    // MARK: - Dates

    /// `2026-11-23T10:00:00`: UTC, no zone and no fraction, as the JUnit schemas want.
    static func junitTimestamp(_ date: Date) -> String {
        UTCTime.dateTime(UTCTime.fields(of: date))
    }

    /// `2026-11-23T10:00:00.123Z`: RFC 3339 in UTC with milliseconds.
    static func iso8601(_ date: Date) -> String {
        UTCTime.rfc3339(date)
    }

    // MARK: - Hygiene

    /// `text` without ANSI escape sequences and without the control characters XML 1.0 forbids
    /// (every C0 control except tab, line feed and carriage return; U+FFFE and U+FFFF).
    static func clean(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\u{1B}" {
                index = skipEscapeSequence(scalars, from: index)
                continue
            }
            if isXMLCharacter(scalar) { result.append(scalar) }
        }
        return String(result)
    }

    /// The index after the escape sequence whose ESC was just before `start`.
    private static func skipEscapeSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count else { return start }
        var index = start + 1
        switch scalars[start] {
        case "[":
            // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
        case "]", "P", "X", "^", "_":
            // OSC and other strings: up to BEL or ESC \.
            while index < scalars.count {
                if scalars[index] == "\u{07}" { return index + 1 }
                if scalars[index] == "\u{1B}" {
                    return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index + 1
                }
                index += 1
            }
        default:
            break
        }
        return index
    }

    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// The first line of `text`, without trailing whitespace.
    static func firstLine(_ text: String) -> String {
        let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? ""
        return String(line).trimmingCharacters(in: .whitespaces)
    }

    /// `text` cut to at most `limit` characters, with `…` when cut.
    static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…"
    }
}
