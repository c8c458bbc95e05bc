import FuzzSupport
import HookCheck
import HookHTTP

import struct Foundation.Date

/// libFuzzer entry point for Standard Webhooks header parsing and verification. Input lines: id,
/// timestamp, signature header, a secret, then the body. Checked: verifying the fuzzed headers never traps,
/// never leaks the secret in its failure message, and never passes unless the header carries the right
/// signature; signing the fuzzed id, timestamp and body then verifying them succeeds; a fuzzed secret
/// that cannot sign cannot verify.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStandardWebhooks(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    var input = FuzzInput(start: start, count: count)
    let id = input.takeText()
    let timestamp = input.takeText()
    let signature = input.takeText()
    let fuzzedSecret = input.takeText()
    let body = input.takeRest()
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    let now = Date(timeIntervalSince1970: 1_614_265_330)
    let policy = TimestampPolicy(tolerance: 300, future: .reject)
    let scheme = SignatureScheme.standardWebhooks(StandardWebhooksScheme())

    let headers = HTTPHeaders([("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", signature)])
    let verdict = scheme.verify(headers: headers, body: body, secret: secret, now: now, policy: policy)
    let context = SigningContext(body: body, id: id, timestamp: timestamp)
    let signed = try? scheme.sign(context, secret: secret)
    // Messages may quote the headers they received; the leak check only holds when those do not hold the key.
    let headersCarryKey = [id, timestamp, signature].contains { $0.contains("MfKQ9r8GKYqrTwjU") }
    if let failure = verdict.failure, !headersCarryKey {
        fuzzCheck(!failure.description.contains("MfKQ9r8GKYqrTwjU"), "a failure message contains the key")
        if let expected = signed?.first(where: { $0.name == "webhook-signature" })?.value {
            fuzzCheck(!failure.description.contains(expected), "a failure message contains the expected signature")
        }
    } else if verdict.isValid, let expected = signed?.first(where: { $0.name == "webhook-signature" })?.value {
        fuzzCheck(signature.contains(expected.dropFirst(3)), "a signature header without the signature verified")
    }

    // Signing what was fuzzed, then verifying it, must pass (with the clock at the timestamp, when it is one).
    if let signed, let seconds = Int(timestamp), seconds >= 0, seconds < 1 << 40 {
        let at = Date(timeIntervalSince1970: Double(seconds))
        let result = scheme.verify(headers: HTTPHeaders(fields: signed), body: body, secret: secret, now: at)
        if timestamp == String(seconds) {
            fuzzCheck(result.isValid, "signed then verified: \(result)")
        }
    }

    // A fuzzed secret that cannot key a signature cannot verify one either.
    let signedWithFuzzed = Result { () throws(SignatureError) in try scheme.sign(context, secret: fuzzedSecret) }
    if case .failure(let error) = signedWithFuzzed {
        _ = error.description
        let verified = scheme.verify(headers: headers, body: body, secret: fuzzedSecret, now: now, policy: policy)
        fuzzCheck(!verified.isValid, "verify accepted a secret that sign rejected (\(error))")
    }
    return 0
}
