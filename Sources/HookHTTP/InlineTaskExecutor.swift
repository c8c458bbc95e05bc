import Dispatch
import Synchronization

/// A task executor whose jobs run on the thread that calls `runUntilFinished()`: the server's
/// connection thread lends itself to the handler task, then takes the response back.
final class InlineTaskExecutor: Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var response: HTTPResponse?
    }

    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)

    /// Records the handler's response and wakes the waiting thread.
    func finish(with response: HTTPResponse) {
        state.withLock { $0.response = response }
        wakeup.signal()
    }

    /// Runs enqueued jobs on the calling thread until a response is recorded.
    func runUntilFinished() -> HTTPResponse {
        while true {
            wakeup.wait()
            while true {
                let next = state.withLock { state -> (job: UnownedJob?, response: HTTPResponse?) in
                    if !state.jobs.isEmpty { return (state.jobs.removeFirst(), nil) }
                    return (nil, state.response)
                }
                if let job = next.job {
                    job.runSynchronously(on: asUnownedTaskExecutor())
                    continue
                }
                if let response = next.response { return response }
                break
            }
        }
    }

    fileprivate func append(_ job: UnownedJob) {
        state.withLock { $0.jobs.append(job) }
        wakeup.signal()
    }
}

@available(macOS 15.0, *)
extension InlineTaskExecutor: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        append(UnownedJob(job))
    }
}
