import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `SIGINT` (Ctrl-C) and `SIGTERM` for commands that run until asked to stop (`serve`, `listen`).
enum TerminationSignal {
    /// Turns the signals into calls of `handler` while it lives (they no longer end the process), restoring
    /// their default actions on ``cancel()``.
    final class Watch {
        private let sources: [any DispatchSourceSignal]
        private let signals: [Int32]

        init(signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) {
            self.signals = signals
            sources = signals.map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { handler(number) }
                source.resume()
                return source
            }
        }

        /// Stops watching and restores the default actions.
        func cancel() {
            for source in sources { source.cancel() }
            for number in signals { signal(number, SIG_DFL) }
        }
    }

    /// Waits until `SIGINT` or `SIGTERM` arrives, or the calling task is cancelled.
    /// - Returns: `SIGINT` or `SIGTERM`, or `nil` when the task was cancelled.
    static func wait() async -> Int32? {
        let (numbers, continuation) = AsyncStream.makeStream(of: Int32.self)
        let watch = Watch(signals: [SIGINT, SIGTERM]) { continuation.yield($0) }
        defer { watch.cancel() }
        for await number in numbers { return number }
        return nil
    }
}
