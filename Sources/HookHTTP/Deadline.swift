#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A point on the monotonic clock, in nanoseconds, used to bound blocking socket calls.
struct Deadline: Sendable, Comparable {
    let nanoseconds: UInt64

    static func now() -> Deadline {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Deadline(nanoseconds: UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }

    /// The deadline `duration` from now (negative durations mean now).
    static func after(_ duration: Duration) -> Deadline { after(nanoseconds: nanoseconds(of: duration)) }

    /// The deadline `nanoseconds` from now.
    static func after(nanoseconds: UInt64) -> Deadline {
        Deadline(nanoseconds: now().nanoseconds &+ nanoseconds)
    }

    /// `duration` in whole nanoseconds, 0 when negative and at most a quarter of the clock's range, for
    /// ``after(nanoseconds:)`` (taking a `Duration` apart costs 128-bit arithmetic: do it once).
    static func nanoseconds(of duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        let nanos = UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(clamping: attoseconds / 1_000_000_000)
        return min(nanos, UInt64.max / 4)
    }

    /// Milliseconds left, rounded up, for `poll()`; 0 once passed.
    var remainingMilliseconds: Int32 {
        let current = Deadline.now().nanoseconds
        guard nanoseconds > current else { return 0 }
        return Int32(clamping: (nanoseconds - current + 999_999) / 1_000_000)
    }

    var hasPassed: Bool { Deadline.now().nanoseconds >= nanoseconds }

    static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.nanoseconds < rhs.nanoseconds }
}
