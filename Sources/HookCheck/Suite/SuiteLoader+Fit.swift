extension SuiteLoader {
    /// Warns where the suite does not fit its profile: probes that cannot apply, case bodies outside the
    /// profile's envelope or their own `match`, and event types the profile does not know.
    static func checkFit(of suite: Suite, explicitProbes: Bool, reader: inout SuiteReader) {
        let profile = suite.profile
        if explicitProbes {
            let supported = profile.supportedProbes
            for (index, probe) in suite.probes.enumerated() where !supported.contains(probe) {
                reader.warning(
                    "probe \(MessageWording.quoted(probe.rawValue)) does not apply to profile \(MessageWording.quoted(profile.name)) "
                        + "(\(reason(probe, profile))); it will be skipped",
                    at: probePointer(probe, index: index, in: reader))
            }
        }
        let router = CaseRouter(suite: suite)
        for (index, suiteCase) in suite.cases.enumerated() {
            let casePointer = JSONPointer(tokens: ["cases", String(index)])
            let bodyPointer = casePointer.appending("body")
            // What a receiver gets of the body: itself, or for GET profiles the query's string fields.
            let delivered =
                profile.method == .get
                ? Profile.envelope(fromQuery: Profile.queryString(for: suiteCase.body)) : suiteCase.body
            for mismatch in profile.envelope.match(delivered, at: bodyPointer) {
                reader.warning(
                    "body does not match profile \(MessageWording.quoted(profile.name))'s envelope: expected "
                        + "\(mismatch.expected), found \(mismatch.found)", at: mismatch.pointer)
            }
            if let match = suiteCase.match {
                for mismatch in match.match(delivered, at: bodyPointer) {
                    reader.warning(
                        "the case's own body does not match its \"match\": expected \(mismatch.expected), "
                            + "found \(mismatch.found)", at: mismatch.pointer)
                }
            }
            checkEvent(of: suiteCase, at: casePointer, profile: profile, reader: &reader)
            if let route = router.route(envelope: delivered, headers: suiteCase.headers), route.fits,
                route.caseIndex != index
            {
                reader.warning(
                    "a delivery of this case's own body belongs to case "
                        + "\(MessageWording.quoted(suite.cases[route.caseIndex].name)), the first of its event it fits, so this "
                        + "case is never seen; give the cases a \"match\" that tells them apart", at: casePointer)
            }
        }
    }

    private static func checkEvent(
        of suiteCase: SuiteCase, at casePointer: JSONPointer, profile: Profile, reader: inout SuiteReader
    ) {
        let eventPointer: JSONPointer
        switch profile.event {
        case .pointer(let pointer):
            eventPointer = JSONPointer(tokens: casePointer.appending("body").tokens + pointer.tokens)
        case .header(let name), .headerParameter(let name, _):
            let written = suiteCase.headers.first { $0.name.caseInsensitiveEquals(name) }?.name
            eventPointer = written.map { casePointer.appending("headers").appending($0) } ?? casePointer
        case .none:
            return
        }
        guard let event = profile.eventType(in: suiteCase.body, headers: suiteCase.headers) else {
            reader.warning(
                "the case has no event type where profile \(MessageWording.quoted(profile.name)) reads it (\(profile.event))",
                at: eventPointer)
            return
        }
        guard !profile.events.isEmpty || profile.eventNamePattern != nil, !profile.isKnownEvent(event) else { return }
        reader.warning(
            "event type \(MessageWording.quoted(event)) is not one profile \(MessageWording.quoted(profile.name)) lists"
                + MessageWording.didYouMean(event, among: profile.events), at: eventPointer)
    }

    private static func reason(_ probe: ProbeKind, _ profile: Profile) -> String {
        switch probe {
        case .staleTimestamp, .futureTimestamp: "its scheme signs no timestamp"
        case .badSignature, .missingSignature, .tamperedBody:
            profile.scheme.isToken ? "it sends a token: use wrong-token and missing-token" : "it has no signature"
        case .wrongToken, .missingToken:
            profile.scheme.isToken ? "it sends no token" : "it signs rather than sending a token"
        case .malformedJSON, .reformattedJSON: "it sends no body"
        case .unsignedMalformedJSON:
            profile.method == .get ? "it sends no body" : "it has no signature or token to leave out"
        case .valid, .unknownEvent, .replay: "unsupported"
        }
    }

    /// The pointer of the first `probes` element naming `probe`.
    private static func probePointer(_ probe: ProbeKind, index: Int, in reader: SuiteReader) -> JSONPointer {
        let pointer = JSONPointer(tokens: ["probes"])
        let elements = reader.document.value["probes"]?.arrayValue ?? []
        let position = elements.firstIndex { $0.stringValue == probe.rawValue } ?? index
        return pointer.appending(index: position)
    }
}
