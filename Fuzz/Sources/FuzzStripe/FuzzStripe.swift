import FuzzSupport
import HookCheck
import HookHTTP

import struct Foundation.Date

/// libFuzzer entry point for `Stripe-Signature` parsing and verification. Input lines: the header value,
/// then the body. Checked: verifying never traps, never leaks the secret or the expected signature in its
/// failure message, and never passes unless the header carries the right signature; signing the body at
/// the header's `t=` then verifying succeeds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStripe(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    var input = FuzzInput(start: start, count: count)
    let header = input.takeText()
    let body = input.takeRest()
    let secret = "whsec_test_secret_4eC39HqLyjWDarjtT1zdp7dc"
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let scheme = SignatureScheme.stripe(StripeScheme())

    let verdict = scheme.verify(
        headers: HTTPHeaders([(StripeScheme.header, header)]), body: body, secret: secret, now: now)
    let timestamp = header.split(separator: ",").lazy
        .compactMap { element -> Substring? in
            let parts = element.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 && parts[0].trimmingCharacters(in: " ") == "t" ? parts[1] : nil
        }.first
    let expected = timestamp.flatMap {
        try? scheme.sign(SigningContext(body: body, timestamp: String($0)), secret: secret)
    }
    .flatMap { $0.first?.value.split(separator: ",").last.map { String($0.dropFirst(3)) } }
    // Messages may quote the header they received; the leak checks hold for what the header does not carry.
    if let failure = verdict.failure {
        if !header.contains("4eC39HqLyjWD") {
            fuzzCheck(!failure.description.contains("4eC39HqLyjWD"), "a failure message contains the secret")
        }
        if let expected, !header.contains(expected.prefix(12)) {
            fuzzCheck(!failure.description.contains(expected), "a failure message contains the expected signature")
        }
    } else {
        fuzzCheck(expected.map { header.contains($0) } == true, "a header without the signature verified")
    }

    if let timestamp, let seconds = Int(timestamp), seconds >= 0, seconds < 1 << 40, String(seconds) == timestamp {
        if let signed = try? scheme.sign(SigningContext(body: body, timestamp: String(timestamp)), secret: secret) {
            let result = scheme.verify(
                headers: HTTPHeaders(fields: signed), body: body, secret: secret,
                now: Date(timeIntervalSince1970: Double(seconds)))
            fuzzCheck(result.isValid, "signed then verified: \(result)")
        }
    }
    return 0
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
