import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// IMF-fixdate (RFC 9110 §5.6.7) for the `Date` header, formatted without Foundation and cached
/// for the current second.
enum HTTPDate {
    private static let cache = Mutex<(second: Int, text: String)>((-1, ""))
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The current time, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func now() -> String {
        let seconds = time(nil)
        return cache.withLock { cached in
            if cached.second == seconds { return cached.text }
            let text = format(seconds)
            cached = (seconds, text)
            return text
        }
    }

    /// A per-thread cache of the current second's text, which saves taking the shared lock.
    struct Cache {
        private var second = -1
        private var text = ""

        /// The current time, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
        mutating func now() -> String {
            let seconds = time(nil)
            if seconds != second {
                second = seconds
                text = HTTPDate.format(seconds)
            }
            return text
        }
    }

    /// Formats seconds since the epoch.
    static func format(_ seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let day = days[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
