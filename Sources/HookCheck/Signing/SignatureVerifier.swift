import Foundation
import HookHTTP

/// A signature scheme bound to its secret, with the secret decoded and the HMAC key schedule
/// computed once. Verifying many deliveries with one verifier (as `check` and `listen` do) saves
/// decoding `whsec_…` and hashing the two key pads for every delivery.
///
/// ```swift
/// let verifier = SignatureVerifier(scheme: profile.scheme, secret: secret)
/// for delivery in deliveries {
///     let verdict = verifier.verify(headers: delivery.headers, body: delivery.body, now: delivery.receivedAt)
/// }
/// ```
public struct SignatureVerifier: Sendable {
    /// The scheme verified.
    public let scheme: SignatureScheme
    private let secret: String
    private let key: PreparedKey

    /// Binds `scheme` to `secret`. An unusable secret is reported by every ``verify(headers:body:url:method:id:timestamp:now:policy:)``
    /// as `.invalidSecret`, naming what is wrong but never the secret.
    public init(scheme: SignatureScheme, secret: String) {
        self.scheme = scheme
        self.secret = secret
        switch scheme {
        case .standardWebhooks: key = PreparedKey(encoding: .whsec, algorithm: .sha256, secret: secret)
        case .stripe: key = PreparedKey(encoding: .utf8, algorithm: .sha256, secret: secret)
        case .hmac(let hmac): key = PreparedKey(encoding: hmac.key, algorithm: hmac.algorithm, secret: secret)
        case .token, .none: key = .unused
        }
    }

    /// Verifies a delivery's authentication, as ``SignatureScheme/verify(headers:body:url:method:id:timestamp:secret:now:policy:)``
    /// does with this verifier's secret.
    public func verify(
        headers: HTTPHeaders, body: [UInt8], url: String = "", method: String = "POST", id: String? = nil,
        timestamp: String? = nil, now: Date, policy: TimestampPolicy? = nil
    ) -> SignatureVerification {
        let pending = begin(
            headers: headers, body: body, url: url, method: method, id: id, timestamp: timestamp, now: now,
            policy: policy)
        switch pending {
        case .settled(let verdict):
            return verdict
        case .awaitingCode(let message, let now, let policy):
            switch key.authenticationCode(prefix: message.prefix, body: message.body) {
            case .success(let code): return message.judge(code: code, now: now, policy: policy)
            case .failure(let failure): return .invalid(failure)
            }
        }
    }

    /// A verification begun: settled already (a missing or malformed header, a token, no scheme),
    /// or waiting for the HMAC of its signed bytes.
    enum Pending: Sendable {
        case settled(SignatureVerification)
        case awaitingCode(SignedMessage, now: Int, policy: TimestampPolicy)
    }

    /// Reads a delivery's headers; everything ``verify(headers:body:url:method:id:timestamp:now:policy:)``
    /// does short of computing the HMAC.
    func begin(
        headers: HTTPHeaders, body: [UInt8], url: String = "", method: String = "POST", id: String? = nil,
        timestamp: String? = nil, now: Date, policy: TimestampPolicy? = nil
    ) -> Pending {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let rule = policy ?? scheme.timestampPolicy ?? .standard
        let message: Result<SignedMessage, SignatureFailure>
        switch scheme {
        case .standardWebhooks(let scheme):
            message = scheme.signedMessage(headers: headers, body: body)
        case .stripe(let scheme):
            message = scheme.signedMessage(headers: headers, body: body)
        case .hmac(let scheme):
            message = scheme.signedMessage(
                headers: headers, body: body, url: url, method: method, id: id, timestamp: timestamp)
        case .token(let scheme):
            return .settled(scheme.verify(headers: headers, secret: secret))
        case .none:
            return .settled(.valid)
        }
        switch message {
        case .success(let message): return .awaitingCode(message, now: seconds, policy: rule)
        case .failure(let failure): return .settled(.invalid(failure))
        }
    }

    /// Finishes verifications begun with ``begin(headers:body:url:method:id:timestamp:now:policy:)``,
    /// computing the HMACs of the waiting ones together (four at a time side by side for SHA-256).
    func finish(_ pending: [Pending]) -> [SignatureVerification] {
        var messages: [SignedMessage] = []
        messages.reserveCapacity(pending.count)
        for case .awaitingCode(let message, _, _) in pending { messages.append(message) }
        let codes = key.authenticationCodes(for: messages)
        var next = 0
        return pending.map { item in
            switch item {
            case .settled(let verdict):
                return verdict
            case .awaitingCode(let message, let now, let policy):
                defer { next += 1 }
                switch codes {
                case .success(let codes): return message.judge(code: codes[next], now: now, policy: policy)
                case .failure(let failure): return .invalid(failure)
                }
            }
        }
    }
}

/// A secret as an HMAC key: the keyed hasher ready for a message, or why the secret is unusable.
enum PreparedKey: Sendable {
    case sha256(HMAC<SHA256>)
    case sha1(HMAC<SHA1>)
    case unusable(SignatureError)
    /// The scheme keys nothing (token, none).
    case unused

    init(encoding: KeyEncoding, algorithm: HMACScheme.Algorithm, secret: String) {
        do {
            let bytes = try encoding.key(from: secret)
            switch algorithm {
            case .sha256: self = .sha256(HMAC(key: bytes))
            case .sha1: self = .sha1(HMAC(key: bytes))
            }
        } catch {
            self = .unusable(error)
        }
    }

    /// The authentication code of `prefix`'s UTF-8 bytes followed by `body` (fed in place, never
    /// joined), or the reason the secret is unusable.
    func authenticationCode(prefix: String = "", body: [UInt8]) -> Result<[UInt8], SignatureFailure> {
        switch self {
        case .sha256(var mac):
            mac.update(prefix.utf8)
            mac.update(body)
            return .success(mac.finalize())
        case .sha1(var mac):
            mac.update(prefix.utf8)
            mac.update(body)
            return .success(mac.finalize())
        case .unusable(let error):
            return .failure(.invalidSecret(reason: error.failureReason))
        case .unused:
            return .failure(.invalidSecret(reason: "the scheme signs nothing"))
        }
    }

    /// Calls `body` with the authentication code of `message`, in temporary storage (the sender's path:
    /// no array per code).
    /// - Throws: why the secret is unusable.
    func withAuthenticationCode<Result>(
        of message: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(SignatureError) -> Result {
        switch self {
        case .sha256(var mac):
            mac.update(message)
            return Self.withCode(of: &mac, body)
        case .sha1(var mac):
            mac.update(message)
            return Self.withCode(of: &mac, body)
        case .unusable(let error):
            throw error
        case .unused:
            throw .invalidSecret(reason: "the scheme signs nothing")
        }
    }

    private static func withCode<H: HashFunction, Result>(
        of mac: inout HMAC<H>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: H.digestSize) { code in
            if let base = code.baseAddress { mac.finalize(into: base) }
            return body(UnsafeBufferPointer(code))
        }
    }

    /// The authentication code of each message's signed bytes, or the reason the secret is unusable.
    /// On the CPU's SHA instructions each message's prefix and body are fed in place; only the
    /// portable four-lane code needs them joined.
    func authenticationCodes(for messages: [SignedMessage]) -> Result<[[UInt8]], SignatureFailure> {
        switch self {
        case .sha256(var mac):
            guard mac.usesHardware else { return .success(mac.authenticationCodes(for: messages.map(\.bytes))) }
            return .success(
                messages.map { message in
                    mac.update(message.prefix.utf8)
                    mac.update(message.body)
                    return mac.finalize()
                })
        case .sha1(var mac):
            return .success(
                messages.map { message in
                    mac.update(message.prefix.utf8)
                    mac.update(message.body)
                    return mac.finalize()
                })
        case .unusable(let error):
            return .failure(.invalidSecret(reason: error.failureReason))
        case .unused:
            return .failure(.invalidSecret(reason: "the scheme signs nothing"))
        }
    }
}
