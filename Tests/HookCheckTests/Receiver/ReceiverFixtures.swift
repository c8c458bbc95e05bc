import Foundation
import HookHTTP
import HookTestSupport
import Testing

@testable import HookCheck

/// A hand-built delivery for the reference receiver's tests: the first case of a bundled suite, with a
/// fresh id and timestamp, signed with `SignatureScheme.sign` exactly as a provider would.
struct TestDelivery {
    var profile: Profile
    var body: JSONValue
    var headers: HTTPHeaders
    var id: String
    var timestamp: Date
    var path: String
    var host = "127.0.0.1:8080"

    /// The first case of `Suites/<profile>.json`, at `/<profile>`, timestamped `now`.
    init(profile: Profile, now: Date) throws {
        let suite = try Suite.load(from: URL(fileURLWithPath: ReceiverFixtures.suitesFolder + profile.name + ".json"))
        let first = try #require(suite.cases.first)
        self.profile = profile
        body = first.body
        headers = first.headers
        id = ReceiverFixtures.freshID(for: profile, like: profile.id(in: first.body, headers: first.headers))
        timestamp = now
        path = "/" + profile.name
    }

    /// The body with the id and timestamp written where the profile keeps them.
    var filledBody: JSONValue {
        var filled = body
        if case .pointer = profile.id { filled = profile.id.writing(.string(id), into: filled) }
        if case .pointer = profile.timestamp {
            filled = profile.timestamp.writing(.string(profile.formatTimestamp(timestamp)), into: filled)
        }
        return filled
    }

    /// The event type, wherever the profile keeps it.
    var event: String? { profile.eventType(in: body, headers: headers) }

    /// Sets the event type, wherever the profile keeps it.
    mutating func setEvent(_ event: String) {
        switch profile.event {
        case .pointer: body = profile.event.writing(.string(event), into: body)
        case .header(let name): headers.replaceOrAdd(name: name, value: event)
        default: break
        }
    }

    /// The signed request. `bytes` replaces the body bytes that are signed and sent (POST only).
    func request(secret: String, bytes: [UInt8]? = nil) throws -> HTTPRequest {
        let filled = filledBody
        var target = path
        var payload = bytes ?? Array(JSONWriter.compact(filled).utf8)
        if profile.method == .get {
            target += "?" + Profile.queryString(for: filled)
            payload = []
        }
        var fields = profile.headers
        for field in headers { fields.replaceOrAdd(name: field.name, value: field.value) }
        fields.replaceOrAdd(name: "Host", value: host)
        if profile.method == .post { fields.replaceOrAdd(name: "Content-Type", value: profile.contentType) }
        if case .header(let name) = profile.id { fields.replaceOrAdd(name: name, value: id) }
        let timestampText: String? =
            switch profile.timestamp {
            case .none: nil
            case .pointer: profile.formatTimestamp(timestamp)
            default: String(Int(timestamp.timeIntervalSince1970))
            }
        let context = SigningContext(
            body: payload, url: "http://\(host)\(target)", method: profile.method.rawValue, id: id,
            timestamp: timestampText)
        for field in try profile.scheme.sign(context, secret: secret) {
            fields.replaceOrAdd(name: field.name, value: field.value)
        }
        return HTTPRequest(method: HTTPMethod(profile.method.rawValue), target: target, headers: fields, body: payload)
    }
}

enum ReceiverFixtures {
    /// `Suites/` in the repository, with a trailing slash.
    static var suitesFolder: String { PackagePaths.suites().path + "/" }

    /// A fixed clock for the tests.
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    /// A receiver for every built-in profile with the default secrets, judged at ``now``.
    static func receiver(flaws: Set<ReceiverFlaw> = [], slowDelay: Duration = .seconds(11)) -> ReferenceReceiver {
        ReferenceReceiver.builtIn(
            flaws: flaws, configuration: ReferenceReceiver.Configuration(slowDelay: slowDelay, now: { now }))
    }

    /// The default secret of `profile`'s route.
    static func secret(_ profile: Profile) -> String {
        ReceiverRoute.defaultSecret(for: profile)
    }

    /// A different secret of the same shape, for bad-signature requests.
    static func wrongSecret(_ profile: Profile) -> String {
        ReceiverRoute.defaultSecret(
            for: Profile(name: profile.name + "-wrong", scheme: profile.scheme))
    }

    /// A fresh id in the style of `example` (Stripe's `evt_` prefix kept).
    static func freshID(for profile: Profile, like example: String?) -> String {
        let uuid = UUID().uuidString.lowercased()
        if let example, example.hasPrefix("evt_") { return "evt_" + uuid.replacingOccurrences(of: "-", with: "") }
        return uuid
    }

    /// The response body as text.
    static func text(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    /// Every built-in profile by name, for argument tables.
    static let profileNames = Profile.builtInNames

    /// The built-in profile called `name` (a missing one fails the test that asks).
    static func profile(_ name: String) throws -> Profile {
        try #require(Profile.named(name))
    }
}
