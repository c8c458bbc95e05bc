import Foundation
import HookHTTP

/// Builds the exact deliveries `run` sends: for a suite case, a probe and a target URL, the method, URL,
/// ordered headers and body bytes, signed by the profile's scheme over exactly those bytes.
///
/// Every delivery gets a fresh id and the sending time, where the profile keeps them (a body field or a
/// header), so that a receiver that deduplicates by id judges each probe on its own; only the second copy
/// of `replay` repeats the first. An id or timestamp the case gives is refreshed in its own style
/// (``FreshID``, ``FreshTimestamp``: `evt_` and seven fractional digits stay); one the case leaves out is
/// filled in (a UUID; the time in the profile's format). A case's `pin` keeps its example's value instead.
/// Only `stale-timestamp` and `future-timestamp` move the time, by ``timestampSkew``, pinned or not.
public struct DeliveryBuilder: Sendable {
    /// How far the stale and future probes move the signed timestamp, in seconds.
    public static let timestampSkew = 600
    /// The event type the unknown-event probe sends for a dotted-name provider; see
    /// ``Profile/unknownEventTarget(for:)`` for the others.
    public static let unknownEventType = "hookcheck.unknown_event"

    /// The provider profile.
    public var profile: Profile {
        didSet { prepareSigners() }
    }
    /// The signing secret (or token); empty for `none` profiles.
    public var secret: String {
        didSet { prepareSigners() }
    }
    /// The profile's scheme keyed with ``secret``, and with ``wrongSecret`` for the bad-signature probes:
    /// keyed once, not per delivery.
    private var signer: SignatureSigner
    private var wrongSigner: SignatureSigner
    /// The clock for fresh timestamps.
    public var now: @Sendable () -> Date
    /// The generator of fresh delivery ids.
    public var makeID: @Sendable () -> String

    /// Creates a builder.
    /// - Parameters:
    ///   - profile: the provider profile.
    ///   - secret: the secret the receiver shares.
    ///   - now: the clock (injectable for tests).
    ///   - makeID: fresh ids (default: lowercase UUIDs).
    public init(
        profile: Profile, secret: String, now: @escaping @Sendable () -> Date = { Date() },
        makeID: @escaping @Sendable () -> String = { RandomUUID.make() }
    ) {
        self.profile = profile
        self.secret = secret
        self.now = now
        self.makeID = makeID
        (signer, wrongSigner) = Self.signers(profile.scheme, secret: secret)
    }

    private mutating func prepareSigners() {
        (signer, wrongSigner) = Self.signers(profile.scheme, secret: secret)
    }

    /// `scheme` keyed with `secret`, and with the wrong secret made from it.
    private static func signers(_ scheme: SignatureScheme, secret: String) -> (SignatureSigner, SignatureSigner) {
        (
            SignatureSigner(scheme: scheme, secret: secret),
            SignatureSigner(scheme: scheme, secret: wrongSecret(for: secret))
        )
    }

    /// The deliveries that make up `probe` for `suiteCase`, in sending order: one, or two identical ones for
    /// `replay`.
    /// - Parameters:
    ///   - suiteCase: the case whose body and headers are sent.
    ///   - probe: the variation to build.
    ///   - target: the exact receiver URL (signed by `{url}` templates; GET profiles append the query).
    /// - Throws: ``DeliveryBuildError/notApplicable(_:reason:)`` when the profile has no such probe, or
    ///   ``DeliveryBuildError/cannotSign(profile:_:)``.
    public func deliveries(
        for suiteCase: SuiteCase, probe: ProbeKind, target: String
    ) throws(DeliveryBuildError) -> [Delivery] {
        try deliveries(for: suiteCase, probe: probe, target: target, encodedBody: nil)
    }

    /// As ``deliveries(for:probe:target:)``; `encodedBody`, when given, is the compact JSON of the case body
    /// as written, reused when the profile adds nothing to the body (repeated valid deliveries).
    func deliveries(
        for suiteCase: SuiteCase, probe: ProbeKind, target: String, encodedBody: [UInt8]?
    ) throws(DeliveryBuildError) -> [Delivery] {
        if let reason = profile.skipReason(for: probe) { throw .notApplicable(probe, reason: reason) }
        let delivery = try build(suiteCase, probe: probe, target: target, encodedBody: encodedBody)
        guard probe == .replay else { return [delivery] }
        var again = delivery
        for field in profile.redeliveryHeaders { again.headers.replaceOrAdd(name: field.name, value: field.value) }
        return [delivery, again]
    }

    /// The secret the bad-signature and wrong-token probes sign with: never the real one, and usable as a
    /// key in every encoding (UTF-8, base64, `whsec_`).
    public var wrongSecret: String { Self.wrongSecret(for: secret) }

    private static func wrongSecret(for secret: String) -> String {
        let candidates = [
            Base64.encode(Array("hookcheck-wrong-secret-1".utf8)),
            Base64.encode(Array("hookcheck-wrong-secret-2".utf8)),
        ]
        let prefix = secret.hasPrefix("whsec_") ? "whsec_" : ""
        return candidates.map { prefix + $0 }.first { $0 != secret } ?? prefix + candidates[1]
    }

    // MARK: - Building

    private func build(
        _ suiteCase: SuiteCase, probe: ProbeKind, target: String, encodedBody: [UInt8]?
    ) throws(DeliveryBuildError) -> Delivery {
        var body = suiteCase.body
        var headers = HTTPHeaders()
        // Room for every field below, plus the `Host` and `Content-Length` the client adds: one allocation.
        headers.reserveCapacity(
            profile.headers.count + profile.generatedHeaders.count + suiteCase.headers.count + 8)
        if profile.method == .post { headers.add(name: HTTPHeaderName.contentType, value: profile.contentType) }
        for field in profile.headers { headers.replaceOrAdd(name: field.name, value: field.value) }
        let sendingTime = now()
        for generated in profile.generatedHeaders {
            headers.replaceOrAdd(name: generated.name, value: generated.value(at: sendingTime, makeID: makeID))
        }
        for field in suiteCase.headers { headers.replaceOrAdd(name: field.name, value: field.value) }

        let id = fillID(body: &body, headers: &headers, pinned: suiteCase.pins.contains(.id))
        let skew: Int
        switch probe {
        case .staleTimestamp: skew = -Self.timestampSkew
        case .futureTimestamp: skew = Self.timestampSkew
        default: skew = 0
        }
        let timestamp = fillTimestamp(
            body: &body, headers: &headers, at: sendingTime.addingTimeInterval(TimeInterval(skew)),
            pinned: skew == 0 && suiteCase.pins.contains(.timestamp))
        if let handshake = profile.handshake, !suiteCase.pins.contains(.id),
            profile.eventType(in: body, headers: headers) == handshake.event,
            case .string(let example)? = handshake.pointer.resolve(in: body)
        {
            // A fresh challenge on every delivery, as the provider sends it, so an answer that hard-codes the
            // example's value does not pass.
            let fresh = FreshID.like(example, seed: makeID())
            body = FieldSource.pointer(handshake.pointer).writing(.string(fresh), into: body)
        }
        if probe == .unknownEvent {
            let event = profile.eventType(in: body, headers: headers)
            let target = profile.unknownEventTarget(for: event)
            if let rule = target.sub {
                body = FieldSource.pointer(rule.pointer).writing(.string(target.name), into: body)
            } else {
                writeEvent(target.name, body: &body, headers: &headers)
            }
        }

        var url: String
        var bytes: [UInt8]
        if let rawBody = suiteCase.rawBody, profile.method == .post, probe == .valid {
            (url, bytes) = (target, rawBody)
        } else if let encodedBody, profile.method == .post, probe == .valid, body == suiteCase.body {
            (url, bytes) = (target, encodedBody)
        } else {
            (url, bytes) = encode(body, target: target)
        }
        switch probe {
        case .reformattedJSON: bytes = Array(JSONWriter.reformatted(body).utf8)
        case .malformedJSON, .unsignedMalformedJSON: bytes = Self.malformed(bytes)
        default: break
        }

        let context = SigningContext(
            body: bytes, url: url, method: profile.method.rawValue, id: id, timestamp: timestamp)
        let fields: [HTTPField]
        do {
            fields = try (probe == .badSignature || probe == .wrongToken ? wrongSigner : signer).sign(context)
        } catch {
            throw .cannotSign(profile: profile.name, error)
        }
        for field in fields { headers.replaceOrAdd(name: field.name, value: field.value) }

        switch probe {
        case .missingSignature, .missingToken, .unsignedMalformedJSON:
            for name in profile.scheme.authenticationHeaders { headers.remove(name: name) }
        case .tamperedBody:
            (url, bytes) = encode(BodyTampering.tampered(body, keeping: protectedPointers), target: target)
        default:
            break
        }
        return Delivery(method: profile.method.rawValue, url: url, headers: headers, body: bytes)
    }

    /// The id sent: a fresh one in the style of the case's (body field or header), or a fresh UUID where
    /// the case has none, written where the profile keeps it; the case's own when `pinned`.
    private func fillID(body: inout JSONValue, headers: inout HTTPHeaders, pinned: Bool) -> String? {
        switch profile.id {
        case .none:
            return nil
        case .pointer(let pointer):
            let existing = pointer.resolve(in: body)
            if pinned, let text = profile.id.text(in: body, headers: headers) { return text }
            let id = existing.map { FreshID.like($0, seed: makeID()) } ?? .string(makeID())
            body = FieldSource.pointer(pointer).writing(id, into: body)
            return id.stringValue ?? id.numberText
        case .header(let name):
            if pinned, let existing = headers[name] { return existing }
            let id = headers[name].map { FreshID.like($0, seed: makeID()) } ?? makeID()
            headers.replaceOrAdd(name: name, value: id)
            return id
        case .headerParameter:
            return makeID()
        }
    }

    /// The timestamp sent: `date` (the sending time, moved for the stale and future probes), written like the
    /// case's value (its precision and offset) or, where the case has none, in the profile's format, where the
    /// profile keeps it (a header parameter is written by the scheme when it signs); the case's own when
    /// `pinned`.
    private func fillTimestamp(body: inout JSONValue, headers: inout HTTPHeaders, at date: Date, pinned: Bool)
        -> String?
    {
        // In the profile's format, worked out only where no pinned or like-the-case value is sent.
        func fresh() -> String { profile.formatTimestamp(date) }
        switch profile.timestamp {
        case .none:
            return nil
        case .pointer(let pointer):
            if pinned, let existing = profile.timestamp.text(in: body, headers: headers) { return existing }
            let value =
                pointer.resolve(in: body).flatMap { FreshTimestamp.value(like: $0, at: date) }
                ?? (profile.timestampFormat == .unixSeconds ? .number(fresh()) : .string(fresh()))
            body = FieldSource.pointer(pointer).writing(value, into: body)
            return value.stringValue ?? value.numberText
        case .header(let name):
            if pinned, let existing = headers[name] { return existing }
            let value = headers[name].flatMap { FreshTimestamp.text(like: $0, at: date) } ?? fresh()
            headers.replaceOrAdd(name: name, value: value)
            return value
        case .headerParameter:
            return fresh()
        }
    }

    private func writeEvent(_ event: String, body: inout JSONValue, headers: inout HTTPHeaders) {
        switch profile.event {
        case .pointer: body = profile.event.writing(.string(event), into: body)
        case .header(let name): headers.replaceOrAdd(name: name, value: event)
        case .headerParameter, .none: break
        }
    }

    /// The URL and body bytes for `body`: a POST sends compact JSON to `target`; a GET sends no body and
    /// the envelope's scalar fields as the query.
    private func encode(_ body: JSONValue, target: String) -> (url: String, bytes: [UInt8]) {
        switch profile.method {
        case .post:
            return (target, Array(JSONWriter.compact(body).utf8))
        case .get:
            let query = Profile.queryString(for: body)
            guard !query.isEmpty else { return (target, []) }
            return (target + (target.contains("?") ? "&" : "?") + query, [])
        }
    }

    /// The body pointers the tampered-body probe leaves alone (event type, id, timestamp), so that a receiver
    /// routes the delivery as usual and rejects it for its signature alone.
    private var protectedPointers: Set<JSONPointer> {
        var pointers = Set(profile.bodyFieldPointers)
        if case .pointer(let pointer) = profile.event { pointers.insert(pointer) }
        return pointers
    }

    /// `bytes` made not JSON: the last byte dropped (an unterminated object), or a fixed broken text when
    /// that still parses.
    static func malformed(_ bytes: [UInt8]) -> [UInt8] {
        let cut = Array(bytes.dropLast())
        if !cut.isEmpty, (try? JSONParser.parse(cut)) == nil { return cut }
        return Array(#"{"hookcheck": "malformed""#.utf8)
    }
}
