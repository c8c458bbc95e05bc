import Synchronization

/// Turns ``ListenerEvent/captured(_:)`` events into progress lines for a person watching `listen`:
/// one line per delivery for the first ``detailedDeliveries``, then at most one summary line per
/// ``interval`` with the running count, so a load test does not write a log line per delivery.
public final class ListenerProgress: Sendable {
    /// How many deliveries get a line of their own.
    public let detailedDeliveries: Int
    /// The least time between two summary lines.
    public let interval: Duration
    private let state: Mutex<State>
    private let clock = ContinuousClock()

    private struct State {
        var count = 0
        var countAtLastLine = 0
        var lastLine: ContinuousClock.Instant
    }

    /// Creates a summariser.
    public init(detailedDeliveries: Int = 20, interval: Duration = .seconds(1)) {
        self.detailedDeliveries = detailedDeliveries
        self.interval = interval
        state = Mutex(State(lastLine: clock.now))
    }

    /// The line to print for `delivery`, if any.
    public func line(for delivery: CapturedDelivery) -> String? {
        let now = clock.now
        let summary: (total: Int, recent: Int, elapsed: Duration)? = state.withLock { state in
            state.count += 1
            guard state.count > detailedDeliveries else {
                state.countAtLastLine = state.count
                state.lastLine = now
                return (0, 0, .zero)
            }
            let elapsed = now - state.lastLine
            guard elapsed >= interval else { return nil }
            let recent = state.count - state.countAtLastLine
            state.countAtLastLine = state.count
            state.lastLine = now
            return (state.count, recent, elapsed)
        }
        guard let summary else { return nil }
        if summary.total == 0 {
            var line = "#\(delivery.seq) \(delivery.method) \(delivery.target) → \(delivery.status)"
            line += " (\(delivery.identity), attempt \(delivery.attempt))"
            if let caseName = delivery.caseName { line += " case \(String(reflecting: caseName))" }
            if delivery.seq == detailedDeliveries { line += "; from here on, one summary line a second" }
            return line
        }
        let seconds = Double(summary.elapsed.components.seconds) + Double(summary.elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(summary.recent) / seconds).rounded()) : summary.recent
        return "listen: \(summary.total) deliveries captured (\(rate)/s)"
    }
}
