extension Profile {
    /// Every probe of docs/architecture.md's "Probes" table for this profile, in order, with `wrong-token`/`missing-token` in
    /// place of the signature probes for token schemes, whether or not it applies: a run sends those that
    /// apply and names the others once per suite (``SuitePlan/notApplicable``).
    public var reportedProbes: [ProbeKind] {
        let authentication: [ProbeKind] =
            scheme.isToken ? [.wrongToken, .missingToken] : [.badSignature, .missingSignature]
        return [.valid] + authentication + [
            .tamperedBody, .staleTimestamp, .futureTimestamp, .reformattedJSON, .unknownEvent, .replay,
            .malformedJSON, .unsignedMalformedJSON,
        ]
    }

    /// Whether `probe` can never be judged against this profile, because the provider sends no such thing
    /// (no signature, no signed timestamp, no body). A probe whose expectation the profile only leaves open
    /// (a future timestamp it tolerates) is not inapplicable: a run reports it as skipped.
    public func isInapplicable(_ probe: ProbeKind) -> Bool {
        guard skipReason(for: probe) != nil else { return false }
        return !(probe == .futureTimestamp && scheme.isTimestamped)
    }

    /// Why `probe` cannot be run against this profile (e.g. `clarityflow has no signature`), or `nil` when it
    /// applies. A probe whose expectation the profile leaves open (a future timestamp it tolerates) is
    /// reported as not applicable too.
    public func skipReason(for probe: ProbeKind) -> String? {
        switch probe {
        case .valid, .unknownEvent, .replay:
            return nil
        case .badSignature, .missingSignature:
            switch scheme {
            case .none: return "\(name) has no signature"
            case .token: return "\(name) sends a token, not a signature (see wrong-token and missing-token)"
            default: return nil
            }
        case .tamperedBody:
            switch scheme {
            case .none: return "\(name) has no signature"
            case .token: return "\(name) sends a token that does not cover the body"
            default: return nil
            }
        case .wrongToken, .missingToken:
            switch scheme {
            case .token: return nil
            case .none: return "\(name) has no token"
            default: return "\(name) signs with \(scheme.name), not a token (see bad-signature)"
            }
        case .staleTimestamp:
            return scheme.isTimestamped ? nil : "\(name) signs no timestamp"
        case .futureTimestamp:
            guard scheme.isTimestamped else { return "\(name) signs no timestamp" }
            let tolerates = futureTimestamps == .tolerate || scheme.timestampPolicy?.future == .tolerate
            return tolerates ? "\(name) tolerates future timestamps" : nil
        case .reformattedJSON, .malformedJSON:
            return method == .get ? "\(name) sends no body (GET with the fields in the query string)" : nil
        case .unsignedMalformedJSON:
            if method == .get { return "\(name) sends no body (GET with the fields in the query string)" }
            if case .none = scheme { return "\(name) has no signature, so malformed-json covers it" }
            return nil
        }
    }
}
