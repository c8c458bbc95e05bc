import HookHTTP

/// Infers a regression suite from captured deliveries (`hookcheck init --from-captures`): one case per event
/// (and sub-event), the body of a representative delivery, `match` entries for what varies across the
/// captures, formats and id prefixes seen in every capture, and no secret.
public struct SuiteInference: Sendable {
    /// The inferred suite and what the inference did that a user should know.
    public struct Outcome: Sendable {
        /// The suite as a JSON value, ready to write.
        public var suite: JSONValue
        /// The profile the suite uses.
        public var profile: Profile
        /// How many cases were made.
        public var caseCount: Int
        /// Notes: skipped deliveries and replaced secret values, each with its capture sequence number.
        public var notes: [String]
    }

    /// The profile the deliveries come from.
    public var profile: Profile
    /// The environment variable the suite names for its secret.
    public var secretVariable: String

    /// Creates an inference for `profile`'s deliveries.
    public init(profile: Profile, secretVariable: String) {
        self.profile = profile
        self.secretVariable = secretVariable
    }

    /// The text written in place of a secret-looking value.
    public static let redactedText = "redacted-by-hookcheck"

    /// Body keys whose values are never copied into a suite (compared without case, `-` and `_`).
    static let secretKeyWords = ["token", "secret", "password", "apikey", "privatekey", "authorization", "passwd"]

    /// Whether a body key names a secret (`token`, `client_secret`, `api_key`, `accessToken`, …).
    public static func namesSecret(_ key: String) -> Bool {
        let folded = key.lowercased().filter { $0 != "_" && $0 != "-" }
        return secretKeyWords.contains { folded.contains($0) }
    }

    /// Infers the suite from `records`, in capture order.
    /// - Throws: ``InferenceError`` with `noEvents` when no delivery has an event type where the profile
    ///   reads it.
    public func infer(from records: [CaptureRecord]) throws(InferenceError) -> Outcome {
        var groups: [(event: String, sub: String?, bodies: [JSONValue])] = []
        var notes: [String] = []
        for record in records {
            guard let body = profile.envelope(target: record.target, body: record.body) else {
                notes.append("seq \(record.seq): the body is not JSON; left out")
                continue
            }
            guard let event = profile.eventType(in: body, headers: record.headers), !event.isEmpty else {
                notes.append("seq \(record.seq): no event type at \(profile.event); left out")
                continue
            }
            let sub = profile.subEventName(of: body, event: event)
            if let index = groups.firstIndex(where: { $0.event == event && $0.sub == sub }) {
                groups[index].bodies.append(body)
            } else {
                groups.append((event, sub, [body]))
            }
        }
        guard !groups.isEmpty else {
            throw InferenceError(
                .noEvents, "no delivery carries an event type where profile \(profile.name) reads it (\(profile.event))"
            )
        }
        var redacted: Set<String> = []
        let cases = groups.map { group in
            makeCase(event: group.event, sub: group.sub, bodies: group.bodies, redacted: &redacted)
        }
        if !redacted.isEmpty {
            notes.append(
                "replaced the values of \(redacted.sorted().joined(separator: ", ")) with \"\(Self.redactedText)\"")
        }
        var suite = JSONObject([
            ("suite", .string("\(profile.name) (from captures)")), ("profile", .string(profile.name)),
        ])
        if profile.scheme != .none { suite["secret"] = .object(JSONObject([("env", .string(secretVariable))])) }
        if signsURL, let record = records.first, let host = record.headers[HTTPHeaderName.host] {
            suite["target"] = .string("http://\(host)\(record.target)")
        }
        suite["cases"] = .array(cases)
        return Outcome(suite: .object(suite), profile: profile, caseCount: cases.count, notes: notes)
    }

    private var signsURL: Bool {
        if case .hmac(let scheme) = profile.scheme { return scheme.signed.contains(.url) }
        return false
    }

    // MARK: - Cases

    private func makeCase(event: String, sub: String?, bodies: [JSONValue], redacted: inout Set<String>)
        -> JSONValue
    {
        var summary = ValueSummary()
        for body in bodies {
            summary.parents += 1
            summary.add(body)
        }
        let representative = bodies[0]
        let body = Self.prune(representative, summary: summary, key: nil, redacted: &redacted)
        var match = Self.matchEntries(in: body, summary: summary)
        if let sub, let rule = profile.subEvent(for: event) {
            match = FieldSource.pointer(rule.pointer).writing(.string(sub), into: match)
        }
        var testCase = JSONObject([("name", .string(sub.map { "\(event) (\($0))" } ?? event))])
        testCase["body"] = body
        if case .header(let name) = profile.event {
            testCase["headers"] = .object(JSONObject([(name, .string(event))]))
        }
        if case .object(let members) = match, !members.isEmpty { testCase["match"] = match }
        return .object(testCase)
    }

    /// The representative body without the members some capture lacks, with secret-named string values
    /// replaced, and with `null` where the captures disagree on a type and one of them was `null` (a `null`
    /// in an example accepts any value in the shape).
    static func prune(_ value: JSONValue, summary: ValueSummary, key: String?, redacted: inout Set<String>) -> JSONValue
    {
        if let key, namesSecret(key), case .string = value {
            redacted.insert(key)
            return .string(redactedText)
        }
        if summary.types.count > 1, summary.types.contains(.null), !isNumberPair(summary.types) {
            return .null
        }
        switch value {
        case .object(let object):
            var kept = JSONObject()
            for member in object {
                guard let child = summary.members.first(where: { $0.key == member.key })?.summary,
                    child.isAlwaysPresent
                else { continue }
                kept[member.key] = prune(member.value, summary: child, key: member.key, redacted: &redacted)
            }
            return .object(kept)
        case .array(let items):
            guard let elements = summary.elements.first else { return value }
            return .array(items.map { prune($0, summary: elements, key: key, redacted: &redacted) })
        default:
            return value
        }
    }

    /// `match` entries for the members of `body`: several types (`$type`), a format or an id prefix every
    /// capture shares (`$format`, `$regex`).
    static func matchEntries(in body: JSONValue, summary: ValueSummary) -> JSONValue {
        guard case .object(let object) = body else { return .object(JSONObject()) }
        var entries = JSONObject()
        for member in object {
            guard let child = summary.members.first(where: { $0.key == member.key })?.summary else { continue }
            if let entry = entry(for: member.key, value: member.value, summary: child) {
                entries[member.key] = entry
            }
        }
        return .object(entries)
    }

    private static func entry(for key: String, value: JSONValue, summary: ValueSummary) -> JSONValue? {
        let types = summary.types.filter { !(summary.types.contains(.number) && $0 == .integer) }
        if types.count > 1 {
            return .object(JSONObject([("$type", .array(types.map { .string($0.rawValue) }))]))
        }
        switch value {
        case .object:
            let nested = matchEntries(in: value, summary: summary)
            if case .object(let members) = nested, !members.isEmpty { return nested }
            return nil
        case .string:
            guard !namesSecret(key), summary.allStringsKept, !summary.strings.isEmpty else { return nil }
            for format in [Pattern.Format.uuid, .dateTime, .email, .uri]
            where summary.strings.allSatisfy({ format.admits($0) }) {
                return .object(JSONObject([("$format", .string(format.rawValue))]))
            }
            if let prefix = sharedIDPrefix(summary.strings) {
                return .object(JSONObject([("$regex", .string("^" + prefix))]))
            }
            return nil
        default:
            return nil
        }
    }

    /// The `evt_`-style prefix every value starts with: 2 to 8 lowercase letters and `_`, followed by at
    /// least 8 letters and digits with a digit or capital among them (so `payment_intent` is no id).
    static func sharedIDPrefix(_ values: [String]) -> String? {
        var shared: Substring?
        for value in values {
            guard let underscore = value.firstIndex(of: "_") else { return nil }
            let prefix = value[..<underscore]
            let rest = value[value.index(after: underscore)...]
            guard (2...8).contains(prefix.count), prefix.allSatisfy({ $0.isASCII && $0.isLowercase && $0.isLetter }),
                rest.count >= 8, rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                rest.contains(where: { $0.isNumber || $0.isUppercase })
            else { return nil }
            if let shared, shared != prefix { return nil }
            shared = prefix
        }
        return shared.map { $0 + "_" }
    }

    private static func isNumberPair(_ types: [Pattern.JSONType]) -> Bool {
        Set(types) == [.integer, .number]
    }
}
