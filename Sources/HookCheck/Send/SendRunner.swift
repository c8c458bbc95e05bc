import Foundation
import HookHTTP
import Synchronization

/// Sends every case and probe of a set of suites to their receivers and judges the answers.
///
/// Deliveries go out with at most `concurrency` in flight; results come back in suite order (case by case,
/// probe by probe) whatever order the answers arrive in. A refused, reset or timed-out request is an
/// `error` result and the run goes on.
public struct SendRunner: Sendable {
    /// One result as it is decided, in suite order, for progress output.
    public struct Progress: Sendable {
        /// The suite the result belongs to.
        public var suite: String
        /// The result.
        public var result: CaseResult
        /// How many results are decided, this one included.
        public var completed: Int
        /// How many results the run has.
        public var total: Int
    }

    /// The HTTP client that sends.
    public var client: HTTPClient
    /// Pacing and selection.
    public var options: SendOptions
    /// The clock for timestamps and `sentAt`.
    public var now: @Sendable () -> Date

    /// Creates a runner.
    public init(
        client: HTTPClient = HTTPClient(), options: SendOptions = SendOptions(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.client = client
        self.options = options
        self.now = now
    }

    /// The most exchanges of a repeated probe kept for the report besides the first delivery's.
    static let keptFailures = 10

    /// Runs `plans` and returns every result.
    /// - Parameter progress: called once per result, in suite order, as soon as it and every result before
    ///   it are decided; never two calls at once. Keep it short: sending waits while it runs.
    public func run(_ plans: [SuitePlan], progress: @escaping @Sendable (Progress) -> Void = { _ in }) async
        -> RunResult
    {
        let startedAt = now()
        let clock = ContinuousClock()
        let start = clock.now
        let (planned, jobs) = plan(plans)
        let names = planned.map { plans[$0.suiteIndex].suite.name }
        let state = Progression.Shared(Progression(ledger: Ledger(planned: planned)))
        state.mutex.withLock { $0.emitReady(names: names, progress: progress) }
        // `concurrency` workers take the jobs in order, each starting the next as soon as its own is answered;
        // they run (building, signing, sending, judging) on the client's poller thread, so a delivery whose
        // answer arrives resumes there, with no hop between threads and no new task per request.
        let executors = client.executors
        await withTaskGroup(of: Void.self) { group in
            let deliveryCount = jobs.reduce(0) { $0 + $1.count }
            for worker in 0..<min(options.concurrency, deliveryCount) {
                group.addTask(executorPreference: executors[worker % executors.count]) {
                    while let (index, repetition) = state.mutex.withLock({ $0.takeJob(of: jobs) }) {
                        let job = jobs[index]
                        let outcome = await perform(job)
                        state.mutex.withLock { progression in
                            progression.record(outcome, job: job, isFirst: repetition == 0)
                            progression.emitReady(names: names, progress: progress)
                        }
                    }
                }
            }
        }
        let (ledger, latencies) = state.mutex.withLock { ($0.ledger, $0.latencies) }

        var suites: [SuiteResult] = []
        for (suiteIndex, plan) in plans.enumerated() {
            let results = planned.indices.filter { planned[$0].suiteIndex == suiteIndex }.compactMap {
                ledger.entries[$0].result
            }
            guard !results.isEmpty else { continue }
            suites.append(
                SuiteResult(
                    name: plan.suite.name, file: plan.file, profile: plan.suite.profile.name, target: plan.target,
                    startedAt: startedAt, results: RootCause.link(results), notApplicable: plan.notApplicable))
        }
        let targets = plans.map(\.target).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return RunResult(
            suites: suites, startedAt: startedAt, duration: clock.now - start, source: targets.joined(separator: ", "),
            hostname: HostName.current, latencySamples: latencies)
    }

    // MARK: - Planning

    /// One result to decide: a probe of a case, or a skip.
    struct PlannedResult: Sendable {
        var suiteIndex: Int
        var caseName: String
        var probe: ProbeKind
        var expectation: DeliveryExpectation
        var skipReason: String?
        var jobCount: Int
    }

    /// One unit of sending, `count` times over: the deliveries of one probe (two for replay), built anew
    /// each time it runs. A class, so that a worker taking it retains one reference, not each field.
    final class Job: Sendable {
        let result: Int
        let builder: DeliveryBuilder
        let suiteCase: SuiteCase
        let probe: ProbeKind
        let target: String
        /// `target` parsed once for all the jobs sent there (`nil` when it does not parse: then each send
        /// reports why).
        let targetURL: HTTPURL?
        let timeout: Duration
        /// How many times the job is sent (`--repeat` for a valid delivery, else 1).
        let count: Int
        /// The case body's compact JSON, shared by the repeats of a valid delivery.
        let encodedBody: [UInt8]?

        init(
            result: Int, builder: DeliveryBuilder, suiteCase: SuiteCase, probe: ProbeKind, target: String,
            targetURL: HTTPURL?, timeout: Duration, count: Int, encodedBody: [UInt8]?
        ) {
            self.result = result
            self.builder = builder
            self.suiteCase = suiteCase
            self.probe = probe
            self.target = target
            self.targetURL = targetURL
            self.timeout = timeout
            self.count = count
            self.encodedBody = encodedBody
        }
    }

    enum JobOutcome: Sendable {
        case sent([Exchange])
        case unbuildable(DeliveryBuildError)
    }

    func plan(_ plans: [SuitePlan]) -> ([PlannedResult], [Job]) {
        var planned: [PlannedResult] = []
        var jobs: [Job] = []
        var position = 0
        for (suiteIndex, plan) in plans.enumerated() {
            let builder = DeliveryBuilder(profile: plan.suite.profile, secret: plan.secret, now: now)
            let targetURL = try? HTTPURL(plan.target)
            for suiteCase in plan.suite.cases {
                defer { position += 1 }
                guard options.shard.contains(position: position) else { continue }
                for probe in plan.probes {
                    let name = CaseResult(caseName: suiteCase.name, check: probe.rawValue, status: .skipped).name
                    if let only = options.only, !only.matches(name) { continue }
                    let skipReason = plan.suite.profile.skipReason(for: probe)
                    let count = skipReason != nil ? 0 : (probe == .valid ? options.repeatCount : 1)
                    let encodedBody = count > 1 ? Array(JSONWriter.compact(suiteCase.body).utf8) : nil
                    if count > 0 {
                        jobs.append(
                            Job(
                                result: planned.count, builder: builder, suiteCase: suiteCase, probe: probe,
                                target: plan.target, targetURL: targetURL,
                                timeout: options.timeout ?? Self.timeout(within: suiteCase.expect.within),
                                count: count, encodedBody: encodedBody))
                    }
                    planned.append(
                        PlannedResult(
                            suiteIndex: suiteIndex, caseName: suiteCase.name, probe: probe,
                            expectation: suiteCase.expect, skipReason: skipReason, jobCount: count))
                }
            }
        }
        return (planned, jobs)
    }

    /// The wait for a case without `--timeout`: its `within` (capped at a day) plus the margin.
    static func timeout(within: Double) -> Duration {
        let seconds = within.isFinite ? min(max(within, 0), 86_400) : 86_400
        return .milliseconds(Int64(seconds * 1000)) + SendOptions.defaultTimeoutMargin
    }

    // MARK: - Sending

    private nonisolated(nonsending) func perform(_ job: Job) async -> JobOutcome {
        let deliveries: [Delivery]
        do {
            deliveries = try job.builder.deliveries(
                for: job.suiteCase, probe: job.probe, target: job.target, encodedBody: job.encodedBody)
        } catch {
            return .unbuildable(error)
        }
        var exchanges: [Exchange] = []
        for delivery in deliveries {
            let exchange = await send(
                delivery, timeout: job.timeout, to: delivery.url == job.target ? job.targetURL : nil)
            exchanges.append(exchange)
            if exchange.status == nil { break }
        }
        return .sent(exchanges)
    }

    /// Sends one delivery and times it; a client error becomes the exchange's outcome.
    public func send(_ delivery: Delivery, timeout: Duration) async -> Exchange {
        await send(delivery, timeout: timeout, to: nil)
    }

    /// ``send(_:timeout:)`` with the delivery's URL already parsed, when the caller has it.
    nonisolated(nonsending) func send(_ delivery: Delivery, timeout: Duration, to parsedURL: HTTPURL?) async -> Exchange
    {
        let sentAt = now()
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Result<HTTPResponse, HTTPClientError>
        do {
            let url: HTTPURL
            if let parsedURL { url = parsedURL } else { url = try HTTPURL(delivery.url) }
            let request = HTTPRequest(
                method: HTTPMethod(delivery.method), target: url.target, headers: delivery.headers, body: delivery.body)
            outcome = .success(try await client.send(request, to: url, timeout: timeout))
        } catch {
            outcome = .failure(error)
        }
        return Exchange(delivery: delivery, sentAt: sentAt, latency: clock.now - start, outcome: outcome)
    }

    // MARK: - Deciding

    /// What the workers of a run share: the next job to take, the ledger, the latencies, and how many
    /// results have been reported. Guarded by a `Mutex`; progress is reported under it, so in order.
    struct Progression {
        /// The one a run's workers share.
        final class Shared: Sendable {
            let mutex: Mutex<Progression>
            init(_ progression: sending Progression) { mutex = Mutex(progression) }
        }

        var ledger: Ledger
        var nextJob = 0
        var nextRepetition = 0
        var emitted = 0
        var latencies: [Duration] = []

        /// The index of the next job to send and which of its repetitions it is, or `nil` when every
        /// repetition of every job has been taken.
        mutating func takeJob(of jobs: [Job]) -> (index: Int, repetition: Int)? {
            guard nextJob < jobs.count else { return nil }
            let taken = (nextJob, nextRepetition)
            nextRepetition += 1
            if nextRepetition == jobs[nextJob].count {
                nextJob += 1
                nextRepetition = 0
            }
            return taken
        }

        mutating func record(_ outcome: JobOutcome, job: Job, isFirst: Bool) {
            if case .sent(let exchanges) = outcome {
                for exchange in exchanges where exchange.status != nil { latencies.append(exchange.latency) }
            }
            ledger.record(outcome, job: job, isFirst: isFirst)
        }

        /// Decides and reports every result whose jobs and predecessors are all done.
        mutating func emitReady(names: [String], progress: (Progress) -> Void) {
            while emitted < ledger.entries.count, ledger.isComplete(emitted) {
                let result = ledger.finish(emitted)
                progress(Progress(suite: names[emitted], result: result, completed: emitted + 1, total: names.count))
                emitted += 1
            }
        }
    }

    /// The exchanges and verdicts of every result, gathered as jobs finish in any order.
    struct Ledger {
        /// What has been gathered for one planned result.
        struct Entry {
            var planned: PlannedResult
            /// Jobs still running.
            var remaining: Int
            /// The first job's exchanges.
            var first: [Exchange]?
            var failures: [(verdict: ProbeJudge.Verdict, exchanges: [Exchange])] = []
            var failedJobs = 0
            var total: Duration = .zero
            var buildError: DeliveryBuildError?
            /// The decided result, once every job finished.
            var result: CaseResult?

            init(planned: PlannedResult) {
                self.planned = planned
                remaining = planned.jobCount
            }
        }

        var entries: [Entry]

        init(planned: [PlannedResult]) {
            entries = planned.map(Entry.init(planned:))
        }

        func isComplete(_ index: Int) -> Bool { entries[index].remaining == 0 }

        mutating func record(_ outcome: JobOutcome, job: Job, isFirst: Bool) {
            let index = job.result
            entries[index].remaining -= 1
            switch outcome {
            case .unbuildable(let error):
                entries[index].buildError = entries[index].buildError ?? error
            case .sent(let exchanges):
                entries[index].total += exchanges.reduce(.zero) { $0 + $1.latency }
                let verdict = ProbeJudge.judge(
                    exchanges, probe: job.probe, expectation: entries[index].planned.expectation)
                if isFirst { entries[index].first = exchanges }
                if verdict != .passed {
                    entries[index].failedJobs += 1
                    if entries[index].failures.count < SendRunner.keptFailures || isFirst {
                        entries[index].failures.append((verdict, isFirst ? [] : exchanges))
                    }
                }
            }
        }

        /// Decides result `index` (every job of it finished) and returns it.
        mutating func finish(_ index: Int) -> CaseResult {
            let gathered = entries[index]
            let entry = gathered.planned
            var result = CaseResult(caseName: entry.caseName, check: entry.probe.rawValue, status: .passed)
            defer { entries[index].result = result }
            if let reason = entry.skipReason {
                result.status = .skipped
                result.message = reason
                return result
            }
            if let error = gathered.buildError {
                result.status = .error
                result.message = error.description
                return result
            }
            let repeated = entry.jobCount > 1
            var attempts = (gathered.first ?? []).enumerated().map { offset, exchange in
                exchange.attempt(note: Self.note(entry.probe, offset: offset, repeated: repeated))
            }
            for failure in gathered.failures where !failure.exchanges.isEmpty {
                attempts += failure.exchanges.map { $0.attempt(note: "repeat") }
            }
            result.attempts = attempts
            result.duration = gathered.total
            let decisive =
                gathered.failures.first { if case .error = $0.verdict { true } else { false } }
                ?? gathered.failures.first
            guard let decisive else { return result }
            let prefix =
                repeated ? "\(gathered.failedJobs) of \(entry.jobCount) repeated deliveries went wrong; first: " : ""
            switch decisive.verdict {
            case .passed:
                break
            case .failed(let message, let expected, let found):
                result.status = .failed
                result.message = prefix + message
                result.expected = expected
                result.found = found
            case .error(let message):
                result.status = .error
                result.message = prefix + message
            }
            return result
        }

        private static func note(_ probe: ProbeKind, offset: Int, repeated: Bool) -> String? {
            if probe == .replay { return offset == 0 ? "first delivery" : "replay" }
            return repeated ? "first of the repeated deliveries" : nil
        }
    }
}
