/// Parses a signed timestamp strictly: 1 to 18 ASCII digits, nothing else (no sign, fraction,
/// space or suffix; the reference libraries disagree on those, so a harness accepts none).
func parseUnixTimestamp(_ text: some StringProtocol) -> Int? {
    guard !text.isEmpty, text.utf8.count <= 18 else { return nil }
    var value = 0
    for byte in text.utf8 {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
}

/// The reason text for a timestamp that does not parse; timestamps are not secret, so it is quoted.
func notATimestamp(_ text: some StringProtocol) -> String {
    let shown = text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    return "timestamp \(String(reflecting: shown)) is not a whole number of seconds since 1970"
}

extension SignatureError {
    /// The reason alone, for re-wrapping as a `SignatureFailure.invalidSecret`.
    var failureReason: String {
        code == .invalidSecret ? reason ?? "" : description
    }
}
