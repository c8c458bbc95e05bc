import Foundation

/// The running verdict of one check over one case's deliveries: counts, the first failing seq
/// numbers and messages, and a few failing deliveries for the reports. Its size is bounded, so
/// memory does not grow with the capture file.
struct CheckTally: Sendable {
    private(set) var passed = 0
    private(set) var failed = 0
    private(set) var warned = 0
    private(set) var failingSequences: [Int] = []
    private(set) var warningSequences: [Int] = []
    private(set) var messages: [String] = []
    private(set) var warnings: [String] = []
    private(set) var expected: String?
    private(set) var found: String?
    private(set) var attempts: [DeliveryAttempt] = []
    /// The unit counted: `delivery` for per-delivery checks, `event` for retries.
    var unit = "delivery"

    /// Whether anything was judged.
    var isEmpty: Bool { passed + failed == 0 }

    mutating func pass(seq: Int, warning: String? = nil, limits: CheckOptions) {
        passed += 1
        guard let warning else { return }
        warned += 1
        if warningSequences.count < limits.listedSequenceLimit { warningSequences.append(seq) }
        if warnings.count < limits.messageLimit, !warnings.contains(warning) { warnings.append(warning) }
    }

    mutating func fail(
        seq: Int, _ message: String, expected: String? = nil, found: String? = nil, record: CaptureRecord? = nil,
        limits: CheckOptions
    ) {
        failed += 1
        if failingSequences.count < limits.listedSequenceLimit { failingSequences.append(seq) }
        let quoted = "seq \(seq): \(message)"
        if messages.count < limits.messageLimit, !messages.contains(where: { $0.hasSuffix(message) }) {
            messages.append(quoted)
        }
        if self.expected == nil, self.found == nil {
            self.expected = expected
            self.found = found
        }
        if let record, attempts.count < limits.attemptLimit {
            attempts.append(Self.attempt(for: record))
        }
    }

    /// The result for this tally.
    func result(caseName: String, check: CheckName, line: Int? = nil) -> CaseResult {
        let total = passed + failed
        let plural = total == 1 ? unit : unit == "delivery" ? "deliveries" : unit + "s"
        var warning: String?
        if warned > 0 {
            warning =
                "\(warned) of \(total) \(plural) (\(Self.list(warningSequences, of: warned))): "
                + warnings.joined(separator: "; ")
        }
        guard failed > 0 else {
            return CaseResult(
                caseName: caseName, check: check.rawValue, status: .passed,
                message: total == 1 ? "1 \(unit) passed" : "\(total) \(plural) passed", warning: warning, line: line)
        }
        let message =
            "\(failed) of \(total) \(plural) failed (\(Self.list(failingSequences, of: failed))): "
            + messages.joined(separator: "; ")
        return CaseResult(
            caseName: caseName, check: check.rawValue, status: .failed, message: message, expected: expected,
            found: found, attempts: attempts, warning: warning, line: line)
    }

    /// `seq 3, 9, 12` or `seq 3, 9, … (40 in all)`.
    private static func list(_ sequences: [Int], of count: Int) -> String {
        let text = "seq " + sequences.map(String.init).joined(separator: ", ")
        return sequences.count < count ? text + ", … (\(count) in all)" : text
    }

    /// A captured delivery as a report attempt: request head and body excerpt, answered status in the note.
    static func attempt(for record: CaptureRecord) -> DeliveryAttempt {
        var head = "\(record.method) \(record.target) \(record.version)\n"
        for field in record.headers { head += "\(field.name): \(field.value)\n" }
        let body = String(decoding: record.body.prefix(DeliveryAttempt.excerptLimit), as: UTF8.self)
        let answered = record.responseStatus.map { ", answered \($0)" } ?? ""
        return DeliveryAttempt(
            method: record.method, target: record.target, status: nil, sentAt: record.receivedAt, latency: .zero,
            requestHeaders: record.headers.fields, requestExcerpt: head + "\n" + body,
            note: "seq \(record.seq) from \(record.remote)\(answered)")
    }
}
