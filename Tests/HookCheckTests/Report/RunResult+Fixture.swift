import Foundation
import HookHTTP

@testable import HookCheck

/// A fixed run holding every kind of result the writers must handle: passes, failures, errors,
/// skips, a passed-with-warning, a duplicate name, non-ASCII names, `<&"'>` and `|`, ANSI escape
/// codes, secrets in text and headers, and a 3 MiB response excerpt.
enum ReportFixture {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let stripeSignature = "t=1795428000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"
    static let documensoToken = "dcs-token-8f14e45fceea167a5a36dedd4bea2543"
    static let start = Date(timeIntervalSince1970: 1_795_428_000.25)
    static let hugeResponseSize = 3 * 1024 * 1024

    /// A response of about 3 MiB; the model keeps only its first 2 KiB.
    static let hugeResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
        + String(repeating: "all good ", count: hugeResponseSize / 9)

    static func at(_ milliseconds: Int) -> Date {
        start.addingTimeInterval(Double(milliseconds) / 1000)
    }

    static var redactor: Redactor {
        Redactor(headerNames: ["Stripe-Signature"], secrets: [secret])
    }

    static var run: RunResult {
        let stripeTarget = "http://127.0.0.1:8080/hooks/stripe"
        let body = #"{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{"amount":2000}}}"#
        let signed = [
            HTTPField(name: "Content-Type", value: "application/json"),
            HTTPField(name: "Stripe-Signature", value: stripeSignature),
        ]
        let request =
            "POST /hooks/stripe HTTP/1.1\r\nContent-Type: application/json\r\nStripe-Signature: "
            + stripeSignature + "\r\n\r\n" + body
        let stripe = SuiteResult(
            name: "Stripe receiver", file: "Suites/stripe.json", profile: "stripe", target: stripeTarget,
            startedAt: at(0), duration: .milliseconds(412),
            results: [
                CaseResult(
                    caseName: "payment succeeded", check: "valid", status: .passed, duration: .milliseconds(12),
                    attempts: [
                        DeliveryAttempt(
                            method: "POST", target: stripeTarget, status: 200, sentAt: at(1),
                            latency: .microseconds(11_500),
                            requestHeaders: signed, responseExcerpt: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                    ], line: 12),
                CaseResult(
                    caseName: "payment succeeded", check: "bad-signature", status: .failed,
                    message: "expected a 4xx rejection, found 200 OK", expected: "status 4xx", found: "status 200",
                    duration: .milliseconds(130),
                    attempts: [
                        DeliveryAttempt(
                            method: "POST", target: stripeTarget, status: 200, sentAt: at(20),
                            latency: .milliseconds(129),
                            requestHeaders: signed, requestExcerpt: request, responseExcerpt: hugeResponse)
                    ], line: 12),
                CaseResult(
                    caseName: "payment succeeded", check: "unknown-event", status: .passed, duration: .milliseconds(9),
                    warning: "event type \"hookcheck.unknown\" is not in the profile's event list", line: 12),
                CaseResult(
                    caseName: "payment succeeded", check: "future-timestamp", status: .skipped,
                    message: "the stripe profile tolerates future timestamps", line: 12),
                CaseResult(
                    caseName: "Zahlung <&\"'> | erstattet", check: "valid", status: .failed,
                    message: "\u{1B}[31mexpected 2xx\u{1B}[0m, found 500\nthe receiver said: secret " + secret,
                    expected: "status 2xx", found: "status 500 with `Internal Server Error`",
                    duration: .milliseconds(250),
                    attempts: [
                        DeliveryAttempt(
                            method: "POST", target: stripeTarget, status: 500, sentAt: at(160),
                            latency: .milliseconds(249),
                            requestHeaders: signed, requestExcerpt: request,
                            responseExcerpt:
                                "HTTP/1.1 500 Internal Server Error\r\n\r\n\u{1B}[1mboom\u{1B}[0m ``` \u{7}")
                    ], line: 30),
                CaseResult(
                    caseName: "payment succeeded", check: "valid", status: .passed, duration: .milliseconds(11),
                    line: 40),
            ])
        let documensoTarget = "http://127.0.0.1:1/hooks/documenso"
        let documenso = SuiteResult(
            name: "Documenso receiver", profile: "documenso", target: documensoTarget, startedAt: at(500),
            results: [
                CaseResult(
                    caseName: "document signed", check: "valid", status: .error,
                    message: "connection refused: 127.0.0.1:1", duration: .milliseconds(3),
                    attempts: [
                        DeliveryAttempt(
                            method: "POST", target: documensoTarget, status: nil, sentAt: at(501),
                            latency: .microseconds(800),
                            requestHeaders: [HTTPField(name: "X-Documenso-Secret", value: documensoToken)],
                            note: "connection refused")
                    ]),
                CaseResult(
                    caseName: "書類 署名済み", check: "replay", status: .passed, duration: .milliseconds(40),
                    attempts: [
                        DeliveryAttempt(
                            method: "POST", target: documensoTarget, status: 204, sentAt: at(510),
                            latency: .milliseconds(18)),
                        DeliveryAttempt(
                            method: "POST", target: documensoTarget, status: 204, sentAt: at(530),
                            latency: .milliseconds(21),
                            note: "replay"),
                    ]),
            ])
        return RunResult(
            suites: [stripe, documenso], startedAt: start, duration: .milliseconds(1234),
            source: stripeTarget, harnessVersion: "0.1.0", hostname: "ci-runner",
            latencySamples: [.milliseconds(11), .milliseconds(12), .milliseconds(13), .milliseconds(40)])
    }
}
