/// Judges a probe's exchanges against the expectation: accepting probes need a status in `accept`, rejecting
/// ones a status in `reject` (and malformed JSON never a 5xx), every response within `within` seconds.
public enum ProbeJudge {
    /// The verdict on one probe's exchanges.
    public enum Verdict: Sendable, Hashable {
        /// The receiver answered as expected.
        case passed
        /// The receiver answered wrongly.
        case failed(message: String, expected: String, found: String)
        /// No answer could be judged (refused, reset, timed out, malformed response).
        case error(message: String)
    }

    /// Judges `exchanges`, the deliveries of one probe in sending order (two for `replay`).
    public static func judge(_ exchanges: [Exchange], probe: ProbeKind, expectation: DeliveryExpectation) -> Verdict {
        let accepts = probe.expectsAcceptance
        let rule = accepts ? expectation.accept : expectation.reject
        for (index, exchange) in exchanges.enumerated() {
            let which = exchanges.count > 1 ? " (delivery \(index + 1) of \(exchanges.count))" : ""
            let status: Int
            switch exchange.outcome {
            case .failure(let error):
                return .error(message: "\(sentText(probe, index: index))\(which): \(error)")
            case .success(let response):
                status = response.status.code
            }
            // Worded only when something fails: a passing delivery builds no text.
            var expected: String { expectedText(probe, rule: rule) }
            if probe == .malformedJSON || probe == .unsignedMalformedJSON, status >= 500 {
                return .failed(
                    message: "answered \(status) to \(sentText(probe, index: index)): expected \(rule), got \(status); "
                        + "a body that is not JSON must get a 4xx, never a 5xx",
                    expected: expected, found: String(status))
            }
            if !rule.contains(status) {
                let verb = verbText(accepts: accepts, code: status, expectation: expectation)
                return .failed(
                    message: "\(verb) \(sentText(probe, index: index))\(which): expected \(rule), got \(status)",
                    expected: expected, found: String(status))
            }
            let seconds = exchange.latency.inSeconds
            if seconds > expectation.within {
                return .failed(
                    message: "answered \(sentText(probe, index: index))\(which) after \(format(seconds)) s: "
                        + "expected an answer within \(format(expectation.within)) s",
                    expected: "within \(format(expectation.within)) s", found: "\(format(seconds)) s")
            }
            if let rule = expectation.response, probe.answersTheCaseEvent,
                case .success(let response) = exchange.outcome
            {
                let mismatches = rule.mismatches(in: response, requestBody: exchange.delivery.body)
                if let first = mismatches.first {
                    let more = mismatches.count > 1 ? " (and \(mismatches.count - 1) more)" : ""
                    return .failed(
                        message: "answered \(status) to \(sentText(probe, index: index))\(which), but the answer "
                            + "breaks the case's response rule: \(first)\(more)",
                        expected: "response \(first.pointer.displayText): \(first.expected)", found: first.found)
                }
            }
        }
        return .passed
    }

    /// What the probe sent, as the object of a sentence: `a delivery signed with a wrong secret`.
    public static func sentText(_ probe: ProbeKind, index: Int = 0) -> String {
        switch probe {
        case .valid: "a correctly signed delivery"
        case .badSignature: "a delivery signed with a wrong secret"
        case .missingSignature: "a delivery without its signature header"
        case .tamperedBody: "a delivery whose body was changed after signing"
        case .staleTimestamp: "a delivery timestamped \(DeliveryBuilder.timestampSkew) s in the past"
        case .futureTimestamp: "a delivery timestamped \(DeliveryBuilder.timestampSkew) s in the future"
        case .reformattedJSON: "a re-formatted JSON body (other whitespace, key order and escapes, signed)"
        case .unknownEvent: "a delivery of an event type the receiver cannot know"
        case .replay: index == 0 ? "the first of two identical deliveries" : "a replayed delivery (same id)"
        case .malformedJSON: "a signed body that is not JSON"
        case .unsignedMalformedJSON: "an unsigned body that is not JSON"
        case .wrongToken: "a delivery with a wrong token"
        case .missingToken: "a delivery without its token header"
        }
    }

    private static func expectedText(_ probe: ProbeKind, rule: StatusRule) -> String {
        (probe.expectsAcceptance ? "accept: " : "reject: ") + rule.description
    }

    private static func verbText(accepts: Bool, code: Int, expectation: DeliveryExpectation) -> String {
        if accepts { return expectation.reject.contains(code) ? "rejected" : "answered \(code) to" }
        // A success status is not proof of acceptance (the body may say "error"), so say what was answered.
        return expectation.accept.contains(code) ? "answered \(code) (a success status) to" : "answered \(code) to"
    }

    /// `0.25`, `10`, `12.346`: at most three decimals, no trailing zeros.
    package static func format(_ seconds: Double) -> String {
        var text = String((seconds * 1000).rounded() / 1000)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
