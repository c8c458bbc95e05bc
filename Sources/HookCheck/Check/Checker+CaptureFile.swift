import Foundation

extension Checker {
    /// Streams the capture file at `path` through a new checker, on the calling thread (async code
    /// calls the `async` overload, which does not block a cooperative thread).
    ///
    /// Lines are read in batches. While worker threads parse and assess batches, this thread reads
    /// the next ones and applies the assessed ones to the checker, one line at a time in file order;
    /// so the results are the same as consuming the events one by one, and memory is bounded by a
    /// few batches.
    /// - Parameters:
    ///   - path: the capture file (JSON Lines).
    ///   - suites: the suites to judge against.
    ///   - secrets: each suite's secret, in order.
    ///   - options: the `--url` override and report limits; `source` is set to `path`.
    /// - Returns: one result per suite.
    /// - Throws: ``CaptureFileError`` when the file cannot be opened or read.
    public static func check(
        capturesAt path: String, suites: [Suite], secrets: [String], options: CheckOptions = CheckOptions()
    ) throws(CaptureFileError) -> [SuiteResult] {
        var options = options
        options.source = path
        let reader = try CaptureFileReader(path: path)
        var checker = Checker(suites: suites, secrets: secrets, options: options)
        try checker.consumeLines(of: reader, workers: ProcessInfo.processInfo.activeProcessorCount)
        return checker.finish()
    }

    /// Streams the capture file at `path` through a new checker without holding a cooperative thread:
    /// the work runs on a thread of its own (which spreads the assessing over every core) and this
    /// call resumes when it is done. Same results as the synchronous ``check(capturesAt:suites:secrets:options:)``.
    /// - Throws: ``CaptureFileError`` when the file cannot be opened or read.
    public static func check(
        capturesAt path: String, suites: [Suite], secrets: [String], options: CheckOptions = CheckOptions()
    ) async throws(CaptureFileError) -> [SuiteResult] {
        let outcome = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<[SuiteResult], CaptureFileError>, Never>) in
            let thread = Thread {
                continuation.resume(
                    returning: Result { () throws(CaptureFileError) in
                        try check(capturesAt: path, suites: suites, secrets: secrets, options: options) as [SuiteResult]
                    })
            }
            thread.name = "hookcheck check"
            thread.start()
        }
        return try outcome.get()
    }

    /// A read line, parsed and assessed, waiting to be applied.
    struct Step: Sendable {
        var event: CaptureFileReader.Event
        var assessment: (suite: Int, verdict: DeliveryAssessment)?
    }

    /// Lines per batch: enough to keep every core busy, few enough to keep memory small.
    static let batchSize = 256

    /// Consumes every line of `reader`. `workers` threads parse and assess batches of lines while
    /// this thread reads the next batches and applies the assessed ones to the checker, in file
    /// order; at most ``CheckPipeline/batchesInFlight`` batches are held at a time.
    mutating func consumeLines(of reader: CaptureFileReader, workers: Int) throws(CaptureFileError) {
        let pipeline = CheckPipeline(rules: rules, workers: workers)
        defer { pipeline.stop() }
        let limit = pipeline.batchesInFlight
        var read = 0
        var applied = 0
        var atEnd = false
        while true {
            while !atEnd, read - applied < limit {
                let lines = try reader.nextLines(upTo: Self.batchSize)
                if lines.count < Self.batchSize { atEnd = true }
                guard !lines.isEmpty else { break }
                pipeline.submit(lines, number: read)
                read += 1
            }
            guard applied < read else { return }
            let assessed = pipeline.steps(ofBatch: applied)
            apply(assessed.steps)
            pipeline.recycle(assessed)
            applied += 1
        }
    }

    /// Parses and assesses one batch of lines: the work of a ``CheckPipeline`` worker.
    static func assess(_ lines: [CaptureFileReader.RawLine], rules: [SuiteRules]) -> [Step] {
        var steps = lines.map { Step(event: $0.event, assessment: nil) }
        var records: [CaptureRecord] = []
        var positions: [Int] = []
        records.reserveCapacity(steps.count)
        positions.reserveCapacity(steps.count)
        for (position, step) in steps.enumerated() {
            if case .record(let record, _) = step.event {
                records.append(record)
                positions.append(position)
            }
        }
        for (position, assessment) in zip(positions, assess(records, rules: rules)) {
            steps[position].assessment = assessment
        }
        return steps
    }

    private mutating func apply(_ steps: [Step]) {
        for step in steps {
            if case .record(let record, _) = step.event, let (suite, verdict) = step.assessment {
                apply(verdict, of: record, suite: suite)
            } else {
                consume(step.event)
            }
        }
    }
}
