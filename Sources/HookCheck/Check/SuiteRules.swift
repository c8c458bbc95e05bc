import Foundation
import HookHTTP

/// What a suite requires of a delivery on its own — method, content type, JSON, envelope, event,
/// signature, timestamps — worked out once per suite and shared read-only by every thread that
/// assesses deliveries. A class, so assessing on many threads shares one copy instead of copying
/// the profile for each delivery.
final class SuiteRules: Sendable {
    let suite: Suite
    let profile: Profile
    private let options: CheckOptions
    private let verifier: SignatureVerifier?
    /// The routing rule `listen` shares.
    let cases: CaseRouter
    let timestampRules: [TimestampRule]
    private let expectedMediaType: String
    /// Whether the scheme signs the URL (an `hmac` template with `{url}`), so it must be worked out.
    private let signsURL: Bool
    /// The body fields the content digest leaves out (``ContentDigest/removedPointers(of:)``).
    private let digestRemoves: [JSONPointer]

    /// The slot of deliveries that match no case.
    var unmatchedSlot: Int { suite.cases.count }

    init(suite: Suite, secret: String, options: CheckOptions) {
        self.suite = suite
        profile = suite.profile
        self.options = options
        cases = CaseRouter(suite: suite)
        timestampRules = TimestampRule.rules(for: suite.profile)
        expectedMediaType = Self.mediaType(suite.profile.contentType)
        digestRemoves = ContentDigest.removedPointers(of: suite.profile)
        if case .hmac(let scheme) = suite.profile.scheme {
            signsURL = scheme.signed.parts.contains(.url)
        } else {
            signsURL = false
        }
        switch suite.profile.scheme {
        case .none: verifier = nil
        default: verifier = secret.isEmpty ? nil : SignatureVerifier(scheme: suite.profile.scheme, secret: secret)
        }
    }

    /// The check that judges authentication: `token`, `signature`, or `nil` for `none`.
    var signatureCheck: CheckName? {
        switch profile.scheme {
        case .none: nil
        case .token: .token
        default: .signature
        }
    }

    // MARK: - Routing

    /// The envelope of `record` as this suite's profile reads it: the query of a GET profile, else
    /// the parsed body.
    func envelope(of record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) -> JSONValue? {
        if profile.method == .get, record.method == "GET" {
            let query = record.target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            return Profile.envelope(fromQuery: query)
        }
        return try? parsed.get()
    }

    /// How well `record` fits this suite, for routing among several suites: 2 for the scheme's
    /// authentication header, 2 for an event a case has, 1 for an event the profile knows.
    func affinity(for record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) -> Int {
        var score = 0
        if let header = profile.scheme.authenticationHeaders.first, record.headers.contains(header) { score += 2 }
        let envelope = envelope(of: record, parsed: parsed)
        if let event = profile.eventType(in: envelope, headers: record.headers) {
            if cases.hasCase(forEvent: event) {
                score += 2
            } else if profile.isKnownEvent(event) {
                score += 1
            }
        }
        return score
    }

    // MARK: - Assessing

    /// Everything `record` shows on its own: the checks that need no memory of earlier deliveries.
    /// It reads only the suite's configuration, so any thread may call it.
    func assess(_ record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>) -> DeliveryAssessment {
        assess([record], parsed: [parsed])[0]
    }

    /// Assesses several deliveries routed to this suite, as ``assess(_:parsed:)`` does each (`parsed`
    /// holds each record's parsed body, in the same order); their signatures are verified together
    /// (four HMACs side by side).
    func assess(_ records: [CaptureRecord], parsed: [Result<JSONValue, JSONParseError>]) -> [DeliveryAssessment] {
        guard let verifier else {
            return records.indices.map { assess(records[$0], parsed: parsed[$0], verification: nil) }
        }
        let pending = records.indices.map { index in
            beginVerification(
                with: verifier, of: records[index], envelope: envelope(of: records[index], parsed: parsed[index]))
        }
        let verifications = verifier.finish(pending)
        return records.indices.map {
            assess(records[$0], parsed: parsed[$0], verification: verifications[$0])
        }
    }

    /// Reads what `record` signs; freshness is the timestamp check's business, so the verifier's own
    /// tolerance is off.
    private func beginVerification(with verifier: SignatureVerifier, of record: CaptureRecord, envelope: JSONValue?)
        -> SignatureVerifier.Pending
    {
        var url = ""
        if signsURL {
            url =
                options.url ?? suite.target?.absoluteString
                ?? "http://" + (record.headers["Host"] ?? "localhost") + record.target
        }
        // Only an `hmac` template signs the profile's id and timestamp; the other schemes read their own headers.
        var id: String?
        var timestamp: String?
        if case .hmac = profile.scheme {
            id = profile.id(in: envelope, headers: record.headers)
            timestamp = profile.timestampText(in: envelope, headers: record.headers)
        }
        return verifier.begin(
            headers: record.headers, body: record.body, url: url, method: record.method, id: id,
            timestamp: timestamp, now: record.receivedAt, policy: TimestampPolicy(tolerance: 0, future: .tolerate))
    }

    /// Assesses one delivery whose signature verdict is `verification` (`nil`: no secret to verify with).
    private func assess(
        _ record: CaptureRecord, parsed: Result<JSONValue, JSONParseError>, verification: SignatureVerification?
    ) -> DeliveryAssessment {
        let isQuery = profile.method == .get && record.method == "GET"
        let envelope = envelope(of: record, parsed: parsed)
        let event = profile.eventType(in: envelope, headers: record.headers)
        let route = cases.route(event: event, envelope: envelope)
        let caseIndex = route?.caseIndex
        var verdict = DeliveryAssessment(slot: caseIndex ?? unmatchedSlot, caseIndex: caseIndex)
        verdict.fits = route?.fits ?? false

        // Method and content type.
        if record.method == profile.method.rawValue {
            verdict.pass(.method)
        } else {
            verdict.fail(
                .method, "method \(record.method), expected \(profile.method.rawValue)",
                expected: profile.method.rawValue, found: record.method)
        }
        if !isQuery {
            let expectedType = self.expectedMediaType
            if let contentType = record.headers["Content-Type"] {
                if contentType == expectedType || Self.mediaType(contentType) == expectedType {
                    verdict.pass(.contentType)
                } else {
                    verdict.fail(
                        .contentType, "Content-Type \(JSONWriter.quoted(contentType)), expected \(expectedType)",
                        expected: expectedType, found: contentType)
                }
            } else {
                verdict.fail(.contentType, "missing header Content-Type", expected: expectedType, found: "nothing")
            }
            switch parsed {
            case .success: verdict.pass(.json)
            case .failure(let error):
                verdict.fail(
                    .json, "body is not JSON: \(error)", expected: "a JSON body", found: "\(record.body.count) bytes")
            }
        }

        // Envelope: the profile's rules, the case's shape and its match (worked out by the routing).
        if let envelope {
            var mismatches = profile.envelope.match(envelope)
            if let route { mismatches += route.mismatches }
            if let first = mismatches.first {
                var message = mismatches.prefix(2).map(\.description).joined(separator: "; ")
                if mismatches.count > 2 { message += " (\(mismatches.count - 2) more)" }
                if let route, !route.fits {
                    message +=
                        "; so it fits no case of event \(JSONWriter.quoted(event ?? "")) and does not count "
                        + "towards \(JSONWriter.quoted(suite.cases[route.caseIndex].name)), the closest"
                }
                verdict.fail(.envelope, message, expected: first.expected, found: first.found)
            } else {
                verdict.pass(.envelope)
            }
        }

        if let caseIndex, let schema = suite.cases[caseIndex].schema, case .success(let body) = parsed {
            verdict.judgeSchema(schema, body: body)
        }

        // Event type.
        if let event {
            if cases.hasCase(forEvent: event) || profile.isKnownEvent(event) {
                verdict.pass(.event)
            } else if suite.isStrict {
                let quoted = JSONWriter.quoted(event)
                verdict.fail(.event, "event type \(quoted) is not one the profile knows (strict suite)", found: quoted)
            } else {
                verdict.pass(.event, warning: "event type \(JSONWriter.quoted(event)) is not one the profile knows")
            }
            if caseIndex == nil {
                let subEvent = cases.subEvent(of: envelope, event: event).map {
                    " (sub-event \(JSONWriter.quoted($0)))"
                }
                let message = "event type \(JSONWriter.quoted(event))\(subEvent ?? "") matches no case of the suite"
                if suite.isStrict {
                    verdict.fail(.unmatched, message)
                } else {
                    verdict.pass(.unmatched, warning: message)
                }
            }
        } else {
            verdict.fail(.event, "no event type at \(profile.event)", expected: "an event type", found: "nothing")
            if caseIndex == nil { verdict.fail(.unmatched, "no event type, so no case") }
        }

        // Signature or token, over the exact bytes; freshness is the timestamp check's business.
        let id = profile.id(in: envelope, headers: record.headers)
        if let signatureCheck {
            switch verification {
            case .valid: verdict.pass(signatureCheck)
            case .invalid(let failure): verdict.fail(signatureCheck, failure.description)
            case nil: verdict.fail(signatureCheck, "no secret to verify with")
            }
        }

        // Identity: the id and the content; whether they were seen before is `apply`'s business.
        verdict.id = id
        verdict.content = ContentDigest.of(body: record.body, envelope: envelope, removing: digestRemoves)

        // Timestamps: signed ones on every attempt, the event time on the first.
        var firstProblem: (String, String?, String?)?
        var laterProblem: (String, String?, String?)?
        for rule in timestampRules {
            guard let problem = rule.problem(in: envelope, headers: record.headers, receivedAt: record.receivedAt)
            else { continue }
            if firstProblem == nil { firstProblem = problem }
            if rule.isJudgedOnEveryAttempt {
                laterProblem = problem
                break
            }
        }
        verdict.firstAttemptTimestamp = firstProblem.map {
            DeliveryAssessment.Failure(message: $0.0, expected: $0.1, found: $0.2)
        }
        verdict.laterAttemptTimestamp = laterProblem.map {
            DeliveryAssessment.Failure(message: $0.0, expected: $0.1, found: $0.2)
        }
        return verdict
    }

    /// `application/json` from `Application/JSON; charset=utf-8`: the part before `;`, without
    /// surrounding spaces or tabs, in ASCII lowercase.
    static func mediaType(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if byte == UInt8(ascii: ";") { break }
            bytes.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
        }
        let isBlank = { (byte: UInt8) in byte == 32 || byte == 9 }
        let trimmed = bytes.drop(while: isBlank).reversed().drop(while: isBlank).reversed()
        return String(decoding: trimmed, as: UTF8.self)
    }

}
