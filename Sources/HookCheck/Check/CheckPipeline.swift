import Dispatch
import Foundation
import Synchronization

/// The worker threads of ``Checker/consumeLines(of:workers:)``: batches of capture lines go in
/// numbered, each is parsed and assessed by one worker, and the assessed steps come out by number,
/// so the caller can apply them in file order. Each worker owns the batch it works on; the only
/// shared state is the queues, each behind a `Mutex`, with semaphores to wait on.
///
/// Applied steps go back to the worker that made them, to be freed there: memory freed on the
/// thread that allocated it goes back to that thread's allocator cache, while frees on the caller's
/// thread contend with the workers for the allocator's locks.
final class CheckPipeline: Sendable {
    private typealias Batch = (number: Int, lines: [CaptureFileReader.RawLine])

    private struct Work {
        var pending: [Batch] = []
        var isClosed = false
    }

    private let rules: [SuiteRules]
    private let workers: Int
    private let work = Mutex(Work())
    private let results = Mutex([Int: Assessed]())
    /// Applied steps waiting to be freed, one list per worker.
    private let spent: Mutex<[[[Checker.Step]]]>

    /// The steps of one batch, and the worker that assessed them (which frees them once applied).
    struct Assessed {
        var steps: [Checker.Step]
        fileprivate let worker: Int
    }
    /// One signal per batch submitted, and one per worker when closing.
    private let workAvailable = DispatchSemaphore(value: 0)
    /// One signal per batch assessed.
    private let resultAvailable = DispatchSemaphore(value: 0)
    /// One signal per worker that has finished.
    private let workerFinished = DispatchSemaphore(value: 0)

    /// The most batches read but not yet applied: enough that every worker has one to start on
    /// while the caller applies another.
    var batchesInFlight: Int { workers * 2 + 1 }

    /// Starts `workers` threads (at least one) that assess against `rules`; ``stop()`` ends them.
    init(rules: [SuiteRules], workers: Int) {
        self.rules = rules
        self.workers = max(1, workers)
        spent = Mutex(Array(repeating: [], count: max(1, workers)))
        for index in 0..<self.workers {
            let thread = Thread { [self] in
                runWorker(index)
                workerFinished.signal()
            }
            thread.name = "hookcheck check \(index + 1)"
            thread.start()
        }
    }

    /// Hands batch `number` (counted from 0, in file order) to the workers.
    func submit(_ lines: [CaptureFileReader.RawLine], number: Int) {
        work.withLock { $0.pending.append((number, lines)) }
        workAvailable.signal()
    }

    /// The assessed steps of batch `number`, waiting until a worker has assessed it.
    func steps(ofBatch number: Int) -> Assessed {
        while true {
            if let assessed = results.withLock({ $0.removeValue(forKey: number) }) { return assessed }
            resultAvailable.wait()
        }
    }

    /// Hands an applied batch back to the worker that assessed it, which frees it when it next takes a batch.
    func recycle(_ assessed: Assessed) {
        spent.withLock { $0[assessed.worker].append(assessed.steps) }
    }

    /// Lets the workers finish and waits for them; batches not yet taken are dropped. Call it once.
    func stop() {
        work.withLock { $0.isClosed = true }
        for _ in 0..<workers { workAvailable.signal() }
        for _ in 0..<workers { workerFinished.wait() }
    }

    private func runWorker(_ index: Int) {
        while true {
            workAvailable.wait()
            // Free what this worker made and the caller has applied, here rather than on the caller's thread.
            var freed: [[Checker.Step]] = []
            spent.withLock { swap(&freed, &$0[index]) }
            freed.removeAll()
            // Every signal but the closing ones follows a batch, so a worker woken finds one unless closed.
            let batch = work.withLock { work -> Batch? in
                work.isClosed || work.pending.isEmpty ? nil : work.pending.removeFirst()
            }
            guard let batch else { return }
            let steps = Checker.assess(batch.lines, rules: rules)
            results.withLock { $0[batch.number] = Assessed(steps: steps, worker: index) }
            resultAvailable.signal()
        }
    }
}
