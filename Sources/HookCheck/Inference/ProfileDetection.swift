import HookHTTP

/// Works out which built-in profile sent a set of captured deliveries, from the headers that name each
/// provider's scheme (`Stripe-Signature`, `X-Hub-Signature-256`, `webhook-signature`, …).
public enum ProfileDetection {
    /// The built-in profiles whose signature header `headers` carries, the one with most of its own headers
    /// present first: a Standard Webhooks delivery (`webhook-signature`, `webhook-id`, `webhook-timestamp`)
    /// is not taken for Cryptlex's, whose `Webhook-Signature` has the same name.
    public static func candidates(for headers: HTTPHeaders, method: String) -> [Profile] {
        let matching = Profile.builtIn.filter { profile in
            guard let header = profile.scheme.authenticationHeaders.first, headers.contains(header) else {
                return false
            }
            return profile.method.rawValue == method.uppercased()
        }
        func score(_ profile: Profile) -> Int {
            var names = profile.scheme.authenticationHeaders
            if let header = profile.scheme.timestampHeader { names.append(header) }
            for source in [profile.id, profile.event, profile.timestamp] {
                if case .header(let name) = source { names.append(name) }
            }
            return Set(names.map { $0.lowercased() }).filter { headers.contains($0) }.count
        }
        return matching.enumerated().sorted { lhs, rhs in
            let (left, right) = (score(lhs.element), score(rhs.element))
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The one profile that sent every record.
    /// - Throws: ``InferenceError`` when no record names a scheme (`noRecognisableSignature`), or records
    ///   name different providers (`mixedProviders`).
    public static func detect(_ records: [CaptureRecord]) throws(InferenceError) -> Profile {
        guard !records.isEmpty else { throw InferenceError(.noDeliveries, "the capture file holds no delivery") }
        var found: [String: (profile: Profile, firstSeq: Int)] = [:]
        var unrecognised: [Int] = []
        for record in records {
            guard let profile = candidates(for: record.headers, method: record.method).first else {
                unrecognised.append(record.seq)
                continue
            }
            if found[profile.name] == nil { found[profile.name] = (profile, record.seq) }
        }
        if found.count > 1 {
            let names = found.values.sorted { $0.firstSeq < $1.firstSeq }.map {
                "\($0.profile.name) (first at seq \($0.firstSeq))"
            }
            throw InferenceError(
                .mixedProviders,
                "the capture mixes deliveries of several providers: \(names.joined(separator: ", ")); capture one "
                    + "provider per file, or pass --profile NAME to infer from that provider's deliveries only")
        }
        guard let only = found.values.first else {
            let headers = Profile.builtIn.compactMap { $0.scheme.authenticationHeaders.first }
            throw InferenceError(
                .noRecognisableSignature,
                "no delivery carries a signature or token header that names a built-in profile (looked for "
                    + "\(Set(headers).sorted().joined(separator: ", "))); pass --profile NAME")
        }
        return only.profile
    }
}
