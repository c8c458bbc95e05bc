import Dispatch
import Foundation

extension Checker {
    /// Streams the capture file at `path` through a new checker, on the calling thread (async code
    /// calls the `async` overload, which does not block a cooperative thread).
    ///
    /// Lines are read in batches. While worker threads parse and assess one batch, another applies
    /// the previous batch to the checker, one line at a time in file order, and reads the next; so
    /// the results are the same as consuming the events one by one, and memory is bounded by three
    /// batches.
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

    /// Consumes every line of `reader`. Each round assesses one batch on `workers` threads while one
    /// more thread applies the previous batch to the checker and reads the next one.
    mutating func consumeLines(of reader: CaptureFileReader, workers: Int) throws(CaptureFileError) {
        let rules = self.rules
        var lines = try Self.readBatch(from: reader)
        var assessed: [Step] = []
        while !lines.isEmpty || !assessed.isEmpty {
            let isLastBatch = lines.count < Self.batchSize
            let round = PipelineRound(lines: lines)
            let groups = (lines.count + PipelineRound.groupSize - 1) / PipelineRound.groupSize
            let chunks = lines.isEmpty ? 0 : max(1, min(workers * 4, groups))
            let previous = assessed
            withUnsafeMutablePointer(to: &self) { checker in
                nonisolated(unsafe) let checker = checker
                nonisolated(unsafe) let reader = reader
                DispatchQueue.concurrentPerform(iterations: chunks + 1) { iteration in
                    guard iteration > 0 else {
                        // The one iteration that touches the checker and the reader. It is the longest,
                        // so it goes first: the assessing chunks fill in around it.
                        checker.pointee.apply(previous)
                        if !isLastBatch { round.readNext(from: reader) }
                        return
                    }
                    round.assess(chunk: iteration - 1, of: chunks, rules: rules)
                }
            }
            assessed = round.steps()
            lines = try round.nextLines()
        }
    }

    static func readBatch(from reader: CaptureFileReader) throws(CaptureFileError) -> [CaptureFileReader.RawLine] {
        var lines: [CaptureFileReader.RawLine] = []
        lines.reserveCapacity(batchSize)
        while lines.count < batchSize, let line = try reader.nextLine() { lines.append(line) }
        return lines
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

/// The shared state of one round of ``Checker/consumeLines(of:workers:)``: the batch being assessed,
/// one slot per line (each written by exactly one chunk), and the next batch read meanwhile.
private final class PipelineRound: @unchecked Sendable {
    /// Lines assessed together: four signatures are verified side by side.
    static let groupSize = 4
    private let lines: [CaptureFileReader.RawLine]
    private let slots: UnsafeMutableBufferPointer<Checker.Step?>
    private var next: Result<[CaptureFileReader.RawLine], CaptureFileError> = .success([])

    init(lines: [CaptureFileReader.RawLine]) {
        self.lines = lines
        slots = .allocate(capacity: lines.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Assesses groups `chunk`, `chunk + chunks`, … of ``groupSize`` lines into their slots.
    func assess(chunk: Int, of chunks: Int, rules: [SuiteRules]) {
        var group = chunk
        while group * Self.groupSize < lines.count {
            let range = (group * Self.groupSize)..<min((group + 1) * Self.groupSize, lines.count)
            let events = lines[range].map(\.event)
            var records: [CaptureRecord] = []
            for case .record(let record, _) in events { records.append(record) }
            var assessments = Checker.assess(records, rules: rules).makeIterator()
            for (index, event) in zip(range, events) {
                if case .record = event {
                    slots[index] = Checker.Step(event: event, assessment: assessments.next() ?? nil)
                } else {
                    slots[index] = Checker.Step(event: event, assessment: nil)
                }
            }
            group += chunks
        }
    }

    /// Reads the batch after this one.
    func readNext(from reader: CaptureFileReader) {
        do throws(CaptureFileError) {
            next = .success(try Checker.readBatch(from: reader))
        } catch {
            next = .failure(error)
        }
    }

    /// The assessed steps, in line order (call once every chunk is done).
    func steps() -> [Checker.Step] {
        slots.compactMap { $0 }
    }

    /// The batch read during this round.
    func nextLines() throws(CaptureFileError) -> [CaptureFileReader.RawLine] {
        try next.get()
    }

}
