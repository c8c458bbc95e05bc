import Foundation
import HookHTTP

/// The one place `listen` hands its capture file to the checks. Until the full checker of
/// `hookcheck check` lands, this judges the essentials per case — seen, envelope, signature,
/// retried — so `listen` reports real verdicts; then its body becomes one call to that checker.
public enum ListenChecks {
    /// Judges the deliveries in `capturePath` against `suites`.
    /// - Parameters:
    ///   - suites: the suites, each with the secret that verifies its deliveries (empty for `none`).
    ///   - capturePath: the capture file.
    ///   - url: the URL signatures over `{url}` cover, overriding the suite's target.
    ///   - warn: receives warnings (a torn last line).
    /// - Returns: one suite result per suite.
    /// - Throws: ``CaptureFileError`` when the file cannot be read; a malformed line is an error result.
    public static func judge(
        suites: [(suite: Suite, secret: String)], capturePath: String, url: String? = nil,
        warn: (String) -> Void = { _ in }
    ) throws(CaptureFileError) -> [SuiteResult] {
        let started = Date()
        var perSuite = suites.map { entry in entry.suite.cases.map { _ in CaseTally() } }
        var malformed: [String] = []
        let reader = try CaptureFileReader(path: capturePath)
        while let event = try reader.next() {
            switch event {
            case .tornLastLine(let line, let byteCount):
                warn("\(capturePath):\(line): skipped a torn last line of \(byteCount) bytes (a write cut short)")
            case .malformed(let line, let error):
                malformed.append("\(capturePath):\(line): \(error)")
            case .record(let record, _):
                for (suiteIndex, entry) in suites.enumerated() {
                    let profile = entry.suite.profile
                    let envelope = profile.envelope(target: record.target, body: record.body)
                    guard let caseIndex = entry.suite.caseIndex(ofEnvelope: envelope, headers: record.headers) else {
                        continue
                    }
                    let host = record.headers["Host"].map { "http://\($0)\(record.target)" } ?? record.target
                    perSuite[suiteIndex][caseIndex].add(
                        record, envelope: envelope, suite: entry.suite, suiteCase: entry.suite.cases[caseIndex],
                        secret: entry.secret, url: url ?? entry.suite.target?.absoluteString ?? host)
                    break
                }
            }
        }
        return suites.enumerated().map { suiteIndex, entry in
            var results: [CaseResult] = []
            for (caseIndex, suiteCase) in entry.suite.cases.enumerated() {
                results += perSuite[suiteIndex][caseIndex].results(for: suiteCase, retries: entry.suite.retries)
            }
            for problem in malformed {
                results.append(
                    CaseResult(caseName: "capture file", check: "readable", status: .error, message: problem))
            }
            return SuiteResult(
                name: entry.suite.name, file: entry.suite.file?.path, profile: entry.suite.profile.name,
                target: capturePath, startedAt: started, duration: .seconds(Date().timeIntervalSince(started)),
                results: results)
        }
    }

    /// What was seen of one case.
    private struct CaseTally {
        var count = 0
        var envelopeFailures: [String] = []
        var signatureFailures: [String] = []
        /// Per identity: the statuses answered, in order.
        var statuses: [DeliveryIdentity: [Int]] = [:]
        var identityOrder: [DeliveryIdentity] = []

        mutating func add(
            _ record: CaptureRecord, envelope: JSONValue?, suite: Suite, suiteCase: SuiteCase, secret: String,
            url: String
        ) {
            count += 1
            let profile = suite.profile
            let mismatches =
                profile.envelope.match(envelope) + suiteCase.shape.match(envelope)
                + (suiteCase.match?.match(envelope) ?? [])
            if let first = mismatches.first { envelopeFailures.append("delivery \(record.seq): \(first)") }
            let verification = profile.scheme.verify(
                headers: record.headers, body: record.body, url: url, method: record.method,
                id: profile.id(in: envelope, headers: record.headers),
                timestamp: profile.timestampText(in: envelope, headers: record.headers), secret: secret,
                now: record.receivedAt)
            if let failure = verification.failure {
                signatureFailures.append("delivery \(record.seq) (\(record.body.count) body bytes): \(failure)")
            }
            let identity = DeliveryIdentity(
                profile: profile, envelope: envelope, headers: record.headers, body: record.body)
            if statuses[identity] == nil { identityOrder.append(identity) }
            statuses[identity, default: []].append(record.responseStatus ?? 200)
        }

        func results(for suiteCase: SuiteCase, retries: RetryExpectation?) -> [CaseResult] {
            let name = suiteCase.name
            var results = [
                count >= suiteCase.count
                    ? CaseResult(caseName: name, check: "seen", status: .passed, message: "seen \(count) times")
                    : CaseResult(
                        caseName: name, check: "seen", status: .failed,
                        message: "seen \(count) times, expected at least \(suiteCase.count)",
                        expected: "at least \(suiteCase.count)", found: "\(count)")
            ]
            guard count > 0 else { return results }
            results.append(verdict(name, "envelope matches", envelopeFailures))
            results.append(verdict(name, "signature verifies", signatureFailures))
            if retries?.isExpected != false {
                var unretried: [String] = []
                for identity in identityOrder {
                    let answered = statuses[identity] ?? []
                    let failedCount = answered.prefix { !(200...299).contains($0) }.count
                    let wanted = max(2, retries?.attempts ?? 2)
                    if failedCount > 0, failedCount == answered.count, answered.count < wanted {
                        unretried.append(
                            "\(identity): \(answered.count) attempt(s) answered \(answered.map(String.init)), "
                                + "expected at least \(wanted) while failing")
                    }
                }
                if statuses.values.contains(where: { $0.contains { !(200...299).contains($0) } }) {
                    results.append(verdict(name, "retried after failure", unretried))
                }
            }
            return results
        }

        private func verdict(_ name: String, _ check: String, _ failures: [String]) -> CaseResult {
            guard let first = failures.first else { return CaseResult(caseName: name, check: check, status: .passed) }
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            return CaseResult(caseName: name, check: check, status: .failed, message: first + more)
        }
    }
}
