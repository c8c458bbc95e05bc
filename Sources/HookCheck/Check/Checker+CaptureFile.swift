import Dispatch
import Foundation

extension Checker {
    /// Streams the capture file at `path` through a new checker.
    ///
    /// Lines are read in batches; each batch is parsed and assessed on every core, then applied to the
    /// checker one line at a time in file order, so the results are the same as consuming the events
    /// one by one, and memory is bounded by the batch.
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

    /// A read line, parsed and assessed, waiting to be applied.
    struct Step: Sendable {
        var event: CaptureFileReader.Event
        var assessment: (suite: Int, verdict: DeliveryAssessment)?
    }

    /// Lines per batch: enough to keep every core busy, few enough to keep memory small.
    static let batchSize = 256

    /// Consumes every line of `reader`, assessing each batch on up to `workers` threads.
    mutating func consumeLines(of reader: CaptureFileReader, workers: Int) throws(CaptureFileError) {
        var batch: [CaptureFileReader.RawLine] = []
        batch.reserveCapacity(Self.batchSize)
        var steps = [Step?](repeating: nil, count: Self.batchSize)
        repeat {
            batch.removeAll(keepingCapacity: true)
            while batch.count < Self.batchSize, let line = try reader.nextLine() { batch.append(line) }
            assess(batch, into: &steps, workers: workers)
            for index in batch.indices {
                guard let step = steps[index] else { continue }
                steps[index] = nil
                apply(step)
            }
        } while batch.count == Self.batchSize
    }

    /// Parses and assesses `lines` into `steps[0..<lines.count]`, striding the lines over the workers.
    private func assess(_ lines: [CaptureFileReader.RawLine], into steps: inout [Step?], workers: Int) {
        let chunks = workers > 1 ? min(workers * 4, lines.count) : 1
        guard chunks > 1 else {
            for index in lines.indices { steps[index] = step(for: lines[index]) }
            return
        }
        steps.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var index = chunk
                while index < lines.count {
                    // Each index is written by exactly one chunk.
                    output[index] = step(for: lines[index])
                    index += chunks
                }
            }
        }
    }

    private func step(for line: CaptureFileReader.RawLine) -> Step {
        let event = line.event
        if case .record(let record, _) = event {
            return Step(event: event, assessment: assess(record))
        }
        return Step(event: event, assessment: nil)
    }

    private mutating func apply(_ step: Step) {
        if case .record(let record, _) = step.event, let (suite, verdict) = step.assessment {
            apply(verdict, of: record, suite: suite)
        } else {
            consume(step.event)
        }
    }
}
