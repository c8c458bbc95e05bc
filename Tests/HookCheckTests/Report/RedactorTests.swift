import Foundation
import HookHTTP
import Testing

@testable import HookCheck

@Suite("Redactor")
struct RedactorTests {
    let redactor = Redactor(headerNames: ["X-Custom-Token"], secrets: ["s3cr3t-value"])

    @Test(arguments: [
        ("the secret is s3cr3t-value.", "the secret is [redacted]."),
        ("hex 73336372337422d76616c7565 stays", "hex 73336372337422d76616c7565 stays"),
        ("hex 7333637233742d76616c7565", "hex [redacted]"),
        ("HEX 7333637233742D76616C7565", "HEX [redacted]"),
        ("b64 czNjcjN0LXZhbHVl", "b64 [redacted]"),
        ("X-Custom-Token: abc\r\nOther: s", "X-Custom-Token: [redacted]\r\nOther: s"),
        ("stripe-signature: t=1,v1=ab\nx: y", "stripe-signature: [redacted]\nx: y"),
        ("no secrets here: fine", "no secrets here: fine"),
    ])
    func redactsText(input: String, expected: String) {
        #expect(redactor.redact(input) == expected)
    }

    @Test(arguments: ["x", "test", "secret", "7chars!"])
    func shortSecretLeavesOrdinaryWordsAlone(secret: String) {
        let redactor = Redactor(secrets: [secret])
        let text = "Cryptlex receiver · license.lease-expired · test suite · secret rotation · 7chars!"
        #expect(redactor.redact(text) == text)
        #expect(
            redactor.redact(HTTPField(name: "X-Hub-Signature-256", value: "sha256=" + secret)).value == "[redacted]")
        #expect(redactor.redact("Authorization: Bearer \(secret)") == "Authorization: [redacted]")
        #expect(redactor.shortSecretCount == 1)
        let warning = redactor.shortSecretWarning
        #expect(warning?.contains("shorter than 8 bytes") == true)
        #expect(warning == Redactor(secrets: ["zz"]).shortSecretWarning, "the warning does not depend on the secret")
    }

    @Test func secretOfEightBytesIsRedactedEverywhere() {
        let redactor = Redactor(secrets: ["8bytes!!", "tiny"])
        #expect(redactor.redact("a 8bytes!! b") == "a [redacted] b")
        #expect(redactor.redact("tiny stays") == "tiny stays")
        #expect(redactor.shortSecretCount == 1)
        #expect(Redactor(secrets: ["8bytes!!"]).shortSecretWarning == nil)
    }

    @Test func shortPartOfAWhsecSecretIsNotRedactedAlone() {
        let redactor = Redactor(secrets: ["whsec_ab"])
        #expect(redactor.redact("key whsec_ab, lab") == "key [redacted], lab")
    }

    @Test func whsecSecretIsRedactedWithAndWithoutItsPrefix() {
        let redactor = Redactor(secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(redactor.redact("key MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == "key [redacted]")
        #expect(redactor.redact("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == "[redacted]")
    }

    @Test func headerFieldsAreRedactedCaseInsensitively() {
        #expect(redactor.redact(HTTPField(name: "x-custom-token", value: "abc")).value == "[redacted]")
        #expect(redactor.redact(HTTPField(name: "X-Hub-Signature-256", value: "sha256=00")).value == "[redacted]")
        #expect(redactor.redact(HTTPField(name: "Content-Type", value: "text/plain")).value == "text/plain")
    }

    @Test func signatureValuesQuotedInMessagesAreRedacted() {
        var run = ReportFixture.run
        run.suites[0].results[1].message = "signature " + ReportFixture.stripeSignature + " was accepted"
        run.suites[0].results[1].found = "v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"
        let redacted = Redactor().redact(run).suites[0].results[1]
        #expect(redacted.message == "signature [redacted] was accepted")
        #expect(redacted.found == "[redacted]")
    }

    @Test func everyReportAndAnnotationIsFreeOfSecrets() {
        var run = ReportFixture.run
        run.suites[0].results[1].status = .error
        run.suites[0].name = "suite " + ReportFixture.secret
        let outputs = [
            JUnitWriter.render(run, redactor: ReportFixture.redactor),
            MarkdownWriter.render(run, redactor: ReportFixture.redactor),
            JSONResultWriter.render(run, redactor: ReportFixture.redactor),
            GitHubAnnotations.render(run, redactor: ReportFixture.redactor).joined(separator: "\n"),
        ]
        let forbidden = [
            ReportFixture.secret, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ReportFixture.documensoToken,
            "5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd",
        ]
        for output in outputs {
            for value in forbidden {
                #expect(!output.contains(value))
            }
            #expect(output.contains("[redacted]"))
        }
    }
}

@Suite("Redactor at scale")
struct RedactorScaleTests {
    @Test func everySignatureQuotedAnywhereInARunIsRedacted() {
        let signatures = (0..<1500).map { "v1,\(String(repeating: "k", count: 8))\(1_000_000 + $0)AbCdEfGhIjKl=" }
        let results = signatures.enumerated().map { index, signature in
            CaseResult(
                caseName: "case \(index)", check: "valid", status: .failed,
                message: "the receiver echoed \(signature) twice: \(signature)",
                attempts: [
                    DeliveryAttempt(
                        method: "POST", target: "http://127.0.0.1:1/", status: 400,
                        sentAt: Date(timeIntervalSince1970: 0),
                        latency: .milliseconds(1),
                        requestHeaders: [HTTPField(name: "webhook-signature", value: signature)])
                ])
        }
        let run = RunResult(
            suites: [
                SuiteResult(name: "s", profile: "standard-webhooks", target: "t", startedAt: Date(), results: results)
            ],
            startedAt: Date(), duration: .seconds(1), source: "t")
        let redacted = Redactor(secrets: ["short", "ab"]).redact(run)
        for result in redacted.results {
            #expect(!result.message.contains("AbCdEfGhIjKl"), "\(result.message)")
            #expect(result.message.components(separatedBy: Redactor.placeholder).count == 3)
        }
    }

    @Test func overlappingSecretsBecomeOnePlaceholderAndShortOnesStay() {
        let redactor = Redactor(secrets: ["abc", "abcdefgh", "defghijk"])
        #expect(redactor.redact("xxabcdefghijkyy abc") == "xx[redacted]yy abc")
    }
}
