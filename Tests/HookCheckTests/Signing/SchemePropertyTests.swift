import Testing

@testable import HookCheck

@Suite struct SchemePropertyTests {
    @Test func authenticationHeadersAndFlags() {
        let standard = SignatureScheme.standardWebhooks(StandardWebhooksScheme(headerPrefix: "svix-"))
        #expect(standard.authenticationHeaders == ["svix-signature"])
        #expect(standard.isTimestamped && !standard.isToken)
        #expect(standard.timestampHeader == "svix-timestamp")
        #expect(standard.name == "standard-webhooks")

        let stripe = SignatureScheme.stripe(StripeScheme())
        #expect(stripe.authenticationHeaders == ["Stripe-Signature"])
        #expect(stripe.isTimestamped)
        #expect(stripe.timestampPolicy == TimestampPolicy(tolerance: 300, future: .tolerate))

        #expect(SigningVectorTests.github.authenticationHeaders == ["X-Hub-Signature-256"])
        #expect(!SigningVectorTests.github.isTimestamped)
        #expect(SigningVectorTests.github.timestampPolicy == nil)
        #expect(SigningVectorTests.slack.isTimestamped)
        #expect(SigningVectorTests.slack.timestampHeader == "X-Slack-Request-Timestamp")

        let token = SignatureScheme.token(TokenScheme(header: "Pactsafe-Webhook-Token"))
        #expect(token.isToken && !token.isTimestamped)
        #expect(token.authenticationHeaders == ["Pactsafe-Webhook-Token"])

        #expect(SignatureScheme.none.authenticationHeaders.isEmpty)
        #expect(!SignatureScheme.none.isTimestamped && !SignatureScheme.none.isToken)
    }
}

@Suite struct SignedTemplateTests {
    @Test func parsesPlaceholdersAndLiterals() throws {
        let template = try SignedTemplate(parsing: "v0:{timestamp}:{body}")
        #expect(template.parts == [.literal("v0:"), .timestamp, .literal(":"), .body])
        #expect(try SignedTemplate(parsing: "{url}{body}").parts == [.url, .body])
        #expect(try SignedTemplate(parsing: "plain } text").parts == [.literal("plain } text")])
        #expect(try SignedTemplate(parsing: "").parts.isEmpty)
        #expect(SignedTemplate.body.parts == [.body])
        #expect(template.description == "v0:{timestamp}:{body}")
    }

    @Test(arguments: [
        ("{bdy}", "unknown placeholder {bdy}; use {body}, {url}, {method}, {id} or {timestamp}"),
        ("{}", "unknown placeholder {}; use {body}, {url}, {method}, {id} or {timestamp}"),
        ("v0:{timestamp", "unterminated placeholder at \"{timestamp\""),
    ])
    func rejectsBadTemplates(text: String, reason: String) {
        #expect(throws: SignatureError.invalidTemplate(text, reason: reason)) {
            try SignedTemplate(parsing: text)
        }
    }

    @Test func rendersExactBytes() throws {
        let template = try SignedTemplate(parsing: "{method} {url}|{id}.{timestamp}.{body}")
        let bytes = try template.render(
            body: [0xff, 0x00], url: "http://h/x", method: "POST", id: "i", timestamp: "5"
        ).get()
        #expect(bytes == Array("POST http://h/x|i.5.".utf8) + [0xff, 0x00])
        #expect(
            template.render(body: [], url: "", method: "GET", id: nil, timestamp: "5")
                == .failure(SignedTemplate.MissingPlaceholder(name: "{id}")))
    }
}

@Suite struct KeyEncodingTests {
    @Test func whsecDecodesBase64WithOrWithoutPrefixAndPadding() throws {
        let expected = Hex.decode("31f290f6bf06298aab4f08d43c3f082cf648a362da2da4b0")
        #expect(try KeyEncoding.whsec.key(from: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == expected)
        #expect(try KeyEncoding.whsec.key(from: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") == expected)
        // The reference libraries' odd-length test secrets (23 and 25 bytes, unpadded).
        #expect(try KeyEncoding.whsec.key(from: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS").count == 23)
        #expect(try KeyEncoding.whsec.key(from: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr").count == 25)
        #expect(try KeyEncoding.whsec.key(from: "whsec_RdvaYFYUXuIFuEbvZHwMfYFhUf7aMYjYcmM24+Aj40c=").count == 32)
    }

    @Test func utf8AndBase64() throws {
        #expect(try KeyEncoding.utf8.key(from: "whsec_test") == Array("whsec_test".utf8))
        #expect(try KeyEncoding.base64.key(from: "aGk=") == Array("hi".utf8))
        #expect(throws: SignatureError.invalidSecret(reason: "the secret is empty")) {
            try KeyEncoding.utf8.key(from: "")
        }
        #expect(throws: SignatureError.invalidSecret(reason: "nothing follows \"whsec_\"")) {
            try KeyEncoding.whsec.key(from: "whsec_")
        }
        #expect(
            throws: SignatureError.invalidSecret(
                reason: "the part after \"whsec_\" is not base64: a character that is not base64 at offset 3")
        ) {
            try KeyEncoding.whsec.key(from: "whsec_abc$defg")
        }
    }
}
