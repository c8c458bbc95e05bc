import Foundation
import HookHTTP
import Testing

@testable import HookCheck

/// A published (or research-derived) signature and the profile whose wiring must reproduce it.
struct ProfileVector: CustomTestStringConvertible, Sendable {
    let profile: String
    let secret: String
    let body: String
    let id: String?
    let timestamp: String?
    let url: String
    let header: String
    let value: String
    var testDescription: String { profile }
}

@Suite("Profile deliveries")
struct ProfileDeliveryTests {
    static let vectors: [ProfileVector] = [
        ProfileVector(
            profile: "standard-webhooks", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            body: #"{"test": 2432232314}"#,
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", url: "", header: "webhook-signature",
            value: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
        ProfileVector(
            profile: "github", secret: "It's a Secret to Everybody", body: "Hello, World!", id: nil, timestamp: nil,
            url: "", header: "X-Hub-Signature-256",
            value: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
        ProfileVector(
            profile: "stripe", secret: "whsec_test_secret", body: #"{"id":"evt_test_webhook","object":"event"}"#,
            id: nil, timestamp: "1492774577", url: "", header: "Stripe-Signature",
            value: "t=1492774577,v1=88a022085c6bdb887b02cb26ff76dd681234d9675c0f22844059f55552a8883a"),
        ProfileVector(
            profile: "slack", secret: "8f742231b10e8888abcd99yyyzzz85a5",
            body: "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
            id: nil, timestamp: "1531420618", url: "", header: "X-Slack-Signature",
            value: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"),
        ProfileVector(
            profile: "shopify", secret: "hush", body: #"{"id":1,"topic":"orders/create"}"#, id: nil, timestamp: nil,
            url: "", header: "X-Shopify-Hmac-Sha256", value: "rlYwtxSz64KhPygOLXbekmzsjq0OqrcotnlUzAe2yuQ="),
    ]

    @Test(arguments: vectors)
    func builtInProfilesReproduceThePublishedSignatures(vector: ProfileVector) throws {
        let profile = try #require(Profile.named(vector.profile))
        let context = SigningContext(
            body: Array(vector.body.utf8), url: vector.url, id: vector.id, timestamp: vector.timestamp)
        let fields = try profile.scheme.sign(context, secret: vector.secret)
        #expect(HTTPHeaders(fields: fields)[vector.header] == vector.value)
    }

    /// A body for `profile` with its event, id and timestamp filled in, and the headers that carry them.
    private func delivery(for profile: Profile, event: String, id: String, date: Date) -> (JSONValue, HTTPHeaders) {
        var body = JSONValue.object(JSONObject([("data", .object(JSONObject()))]))
        var headers = HTTPHeaders()
        for (source, value) in [
            (profile.event, event), (profile.id, id), (profile.timestamp, profile.formatTimestamp(date)),
        ] {
            switch source {
            case .pointer: body = source.writing(.string(value), into: body)
            case .header(let name): headers.add(name: name, value: value)
            case .headerParameter, .none: break
            }
        }
        return (body, headers)
    }

    @Test(arguments: Profile.builtIn)
    func everyBuiltInProfileSignsVerifiesAndReadsBackItsFields(profile: Profile) throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123)
        let event = profile.events.first ?? "user.created"
        let (body, headers) = delivery(for: profile, event: event, id: "evt_1", date: date)
        let bytes = Array(JSONWriter.compact(body).utf8)
        let url = "http://127.0.0.1:8080/hooks/\(profile.name)"
        let signedTimestamp = profile.scheme.isTimestamped ? profile.formatTimestamp(date) : nil
        let context = SigningContext(
            body: bytes, url: url, method: profile.method.rawValue,
            id: profile.id(in: body, headers: headers) ?? "evt_1",
            timestamp: signedTimestamp)
        var request = headers
        for field in try profile.scheme.sign(context, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") {
            request.replaceOrAdd(name: field.name, value: field.value)
        }
        let verification = profile.scheme.verify(
            headers: request, body: bytes, url: url, method: profile.method.rawValue,
            id: profile.id(in: body, headers: request), timestamp: profile.timestampText(in: body, headers: request),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", now: date)
        #expect(verification.isValid, "\(verification)")
        #expect(profile.eventType(in: body, headers: request) == (profile.event == .none ? nil : event))
        if profile.id != .none { #expect(profile.id(in: body, headers: request) == "evt_1") }
        if profile.timestamp != .none {
            let read = try #require(profile.timestamp(in: body, headers: request))
            #expect(profile.formatTimestamp(read) == profile.formatTimestamp(date))
        }
        var tampered = bytes
        tampered[tampered.count - 2] ^= 0x01
        let rejected = profile.scheme.verify(
            headers: request, body: tampered, url: url, method: profile.method.rawValue,
            id: profile.id(in: body, headers: request), timestamp: profile.timestampText(in: body, headers: request),
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", now: date)
        let bodyIsSigned = !(profile.scheme.isToken || profile.scheme == .none)
        #expect(rejected.isValid == !bodyIsSigned, "\(profile.name): \(rejected)")
    }

    @Test(arguments: [
        (
            "clarityflow",
            #"{"type":"message_created","id":"c6ec4301-8d97-4c53-8dff-06947ff750ca","occurred_at":"2022-04-01T14:24:14.196+00:00","payload":{"message":{"id":330}}}"#
        ),
        (
            "ironclad-clickwrap",
            #"{"deliverable":true,"type":"webhook","integration":"123","sent_to":"https://recv.example/hook","event_type":"request_signed","description":"John Doe signed My request","site":1,"request":"123456abcdef","signer":"a-signer-id","created_time":"2020-10-21T14:01:17.360Z","updated_time":"2020-10-21T14:01:17.361Z","id":"abcdef12345"}"#
        ),
        (
            "iinked-sign",
            #"{"action":"package_executed","packageId":"24428e41-8b96-40cc-96e6-b74c7c539fcb","externalData":null,"eventId":"0ea12600-85bc-46dd-af85-f82f621c1abc","eventOwnerOrganizationId":"24261ee6-5f66-4692-ba49-533c9b58999b","eventOwnerMemberId":"3e09a4ce-577c-492c-ba7c-c1ebf825f9b5","eventTime":"2022-02-23T20:20:15.9714327Z"}"#
        ),
        (
            "cryptlex",
            #"{"event":"license.created","data":{"key":"D08B53-C564F8-463EA5-F16A15-E35D6E-D2559B"},"triggeredAt":"2018-04-20T13:11:34.6926949Z"}"#
        ),
        (
            "documenso",
            #"{"event":"DOCUMENT_COMPLETED","payload":{"id":1},"createdAt":"2024-04-22T11:52:18.277Z","webhookEndpoint":"https://recv.example/hook"}"#
        ),
        ("stripe", #"{"id":"evt_1","object":"event","type":"invoice.paid","created":1492774577,"data":{"object":{}}}"#),
    ])
    func providerExamplesMatchTheirEnvelopes(name: String, body: String) throws {
        let profile = try #require(Profile.named(name))
        let value = try JSONParser.parse(body)
        #expect(profile.envelope.match(value).map(\.description) == [])
        let event = try #require(profile.eventType(in: value, headers: []))
        #expect(profile.isKnownEvent(event))
        if case .pointer = profile.timestamp { #expect(profile.timestamp(in: value, headers: []) != nil) }
    }

    @Test func envelopesCatchABrokenDelivery() throws {
        let clarityflow = try #require(Profile.named("clarityflow"))
        let body = try JSONParser.parse(
            #"{"type":"message_created","id":"330","occurred_at":"2022-04-01 14:24:1648823053"}"#)
        #expect(
            clarityflow.envelope.match(body).map(\.description) == [
                #"/id: expected a uuid, found "330""#,
                #"/occurred_at: expected an RFC 3339 date-time, found "2022-04-01 14:24:1648823053""#,
                "/payload: expected an object, found nothing",
            ])
    }

    @Test func ironcladGetDeliveriesCarryTopLevelScalarsInTheQuery() throws {
        let body = try JSONParser.parse(
            #"{"deliverable":true,"type":"webhook","event_type":"activity_agreed","description":"Jane Doe & Co signed ü","site":12345,"custom_data":{"first_name":"Jane"},"id":"abc","created_time":"2020-10-21T13:45:51.087Z","note":null}"#
        )
        let query = Profile.queryString(for: body)
        #expect(
            query == "deliverable=true&type=webhook&event_type=activity_agreed"
                + "&description=Jane%20Doe%20%26%20Co%20signed%20%C3%BC&site=12345&id=abc"
                + "&created_time=2020-10-21T13%3A45%3A51.087Z")
        let envelope = Profile.envelope(fromQuery: query)
        #expect(envelope["description"] == .string("Jane Doe & Co signed ü"))
        #expect(envelope["site"] == .string("12345"))
        #expect(envelope["custom_data"] == nil)
        let profile = try #require(Profile.named("ironclad-clickwrap-get"))
        #expect(profile.envelope.match(envelope).map(\.description) == [])
        #expect(profile.eventType(in: envelope, headers: []) == "activity_agreed")
        #expect(profile.shape(of: body).match(envelope).map(\.description) == [])
        let post = try #require(Profile.named("ironclad-clickwrap"))
        #expect(
            post.shape(of: body).match(envelope).map(\.description) == [
                "/deliverable: expected a boolean, found \"true\"", "/site: expected a number, found \"12345\"",
                "/custom_data: expected an object, found nothing", "/note: expected any value, found nothing",
            ])
        #expect(Profile.envelope(fromQuery: "a=1&a=2&b&c=%zz+x").objectValue?.keys == ["a", "b", "c"])
        #expect(Profile.envelope(fromQuery: "a=1&a=2&b&c=%zz+x")["c"] == .string("%zz x"))
    }

    @Test func fieldSourcesReadHeadersParametersAndPointers() throws {
        let headers: HTTPHeaders = [("stripe-signature", "t=1492774577, v1=abc,v0=def"), ("X-Id", "7")]
        #expect(
            FieldSource.headerParameter(header: "Stripe-Signature", name: "t").text(in: nil, headers: headers)
                == "1492774577")
        #expect(
            FieldSource.headerParameter(header: "Stripe-Signature", name: "v1").text(in: nil, headers: headers) == "abc"
        )
        #expect(
            FieldSource.headerParameter(header: "Stripe-Signature", name: "x").text(in: nil, headers: headers) == nil)
        #expect(FieldSource.header("x-id").text(in: nil, headers: headers) == "7")
        let body = try JSONParser.parse(#"{"a": {"n": 12.50, "b": [true]}}"#)
        #expect(FieldSource.pointer(JSONPointer(tokens: ["a", "n"])).text(in: body, headers: []) == "12.50")
        #expect(FieldSource.pointer(JSONPointer(tokens: ["a", "b"])).text(in: body, headers: []) == nil)
        #expect(FieldSource.none.text(in: body, headers: headers) == nil)
    }

    @Test func pointerSourcesWriteIntoBodiesCreatingObjects() throws {
        let body = try JSONParser.parse(#"{"a": 1, "data": {"x": 2}}"#)
        let nested = FieldSource.pointer(JSONPointer(tokens: ["data", "meta", "id"])).writing(.string("z"), into: body)
        #expect(JSONWriter.compact(nested) == #"{"a":1,"data":{"x":2,"meta":{"id":"z"}}}"#)
        let replaced = FieldSource.pointer(JSONPointer(tokens: ["a"])).writing(.string("z"), into: body)
        #expect(JSONWriter.compact(replaced) == #"{"a":"z","data":{"x":2}}"#)
        let blocked = FieldSource.pointer(JSONPointer(tokens: ["a", "b"])).writing(.string("z"), into: body)
        #expect(blocked == body)
        #expect(FieldSource.header("X").writing(.string("z"), into: body) == body)
    }
}
