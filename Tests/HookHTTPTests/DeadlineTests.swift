import Testing

@testable import HookHTTP

/// Timeouts become nanoseconds once (the client and the pool keep them so): whole nanoseconds, nothing
/// below zero, and no overflow of the clock for a huge timeout.
@Suite struct DeadlineTests {
    @Test(arguments: [
        (Duration.zero, UInt64(0)),
        (.nanoseconds(7), 7),
        (.milliseconds(1500), 1_500_000_000),
        (.seconds(30), 30_000_000_000),
        (.seconds(-1), 0),
        (.seconds(Int64.max), UInt64.max / 4),
    ])
    func durationsBecomeNanoseconds(duration: Duration, nanoseconds: UInt64) {
        #expect(Deadline.nanoseconds(of: duration) == nanoseconds)
    }

    @Test func aDeadlineAfterNanosecondsLiesThatFarAhead() {
        let before = Deadline.now().nanoseconds
        let deadline = Deadline.after(nanoseconds: 2_000_000_000)
        let after = Deadline.now().nanoseconds
        #expect(deadline.nanoseconds >= before + 2_000_000_000)
        #expect(deadline.nanoseconds <= after + 2_000_000_000)
        #expect(!deadline.hasPassed)
    }
}
