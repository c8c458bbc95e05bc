import Foundation

/// A starter suite for a profile, so a user edits a working file instead of starting from a blank one
/// (`hookcheck init`). For a profile with a bundled suite (every built-in one) it is that suite: the same
/// real bodies, case names and secret variable as `Suites/`. Otherwise it has one case per known event,
/// each body shaped by the profile's envelope.
public enum StarterSuite {
    /// The variable a starter suite names for the secret: the bundled suite's (`SLACK_SIGNING_SECRET`),
    /// else `<PROFILE>_WEBHOOK_SECRET` (`ACME_WEBHOOK_SECRET`).
    public static func defaultSecretVariable(for profile: Profile) -> String {
        if let text = BundledSuites.text(forProfile: profile.name),
            case .object(let suite)? = try? JSONParser.parse(text),
            let variable = suite["secret"]?["env"]?.stringValue
        {
            return variable
        }
        let stem = profile.name.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return String(stem) + "_WEBHOOK_SECRET"
    }

    /// The suite as a JSON value.
    /// - Parameters:
    ///   - profile: the profile the suite tests.
    ///   - secretVariable: the environment variable the suite names for its secret (ignored for
    ///     profiles without authentication).
    ///   - now: the time written into timestamp fields of a suite made from the profile alone.
    public static func make(for profile: Profile, secretVariable: String, now: Date) -> JSONValue {
        if let text = BundledSuites.text(forProfile: profile.name),
            case .object(var suite)? = try? JSONParser.parse(text)
        {
            if suite["secret"] != nil {
                suite["secret"] = .object(JSONObject([("env", .string(secretVariable))]))
            }
            return .object(suite.removingSchemaFolder())
        }
        var suite = JSONObject([
            ("suite", .string("\(profile.name) receiver")),
            ("profile", .string(profile.name)),
        ])
        if profile.scheme != .none {
            suite["secret"] = .object(JSONObject([("env", .string(secretVariable))]))
        }
        let events = profile.events.isEmpty ? ["example.event"] : profile.events
        suite["cases"] = .array(events.map { makeCase(event: $0, profile: profile, now: now) })
        return .object(suite)
    }

    /// The suite as JSON text ending in a newline: the bundled file itself when the secret variable is
    /// the bundled one, pretty-printed JSON otherwise.
    public static func text(for profile: Profile, secretVariable: String, now: Date) -> String {
        if let text = BundledSuites.text(forProfile: profile.name),
            secretVariable == defaultSecretVariable(for: profile), !text.contains(#""schemas":"#)
        {
            return text
        }
        return JSONWriter.pretty(make(for: profile, secretVariable: secretVariable, now: now)) + "\n"
    }

    private static func makeCase(event: String, profile: Profile, now: Date) -> JSONValue {
        var body = skeleton(of: profile.envelope, now: now) ?? .object(JSONObject())
        body = profile.event.writing(.string(event), into: body)
        body = profile.id.writing(.string(exampleID(for: profile)), into: body)
        let timestampText = profile.formatTimestamp(now)
        let timestampValue: JSONValue =
            profile.timestampFormat == .unixSeconds ? .number(timestampText) : .string(timestampText)
        body = profile.timestamp.writing(timestampValue, into: body)
        // The event's name verbatim, so `--only 'payment_intent*'` finds it.
        var testCase = JSONObject([("name", .string(event))])
        testCase["body"] = body
        if case .header(let name) = profile.event {
            testCase["headers"] = .object(JSONObject([(name, .string(event))]))
        }
        return .object(testCase)
    }

    /// A fresh id that fits the envelope's rule for the id field: `evt_…` when the envelope asks
    /// for a string starting with `evt_`, a UUID otherwise.
    private static func exampleID(for profile: Profile) -> String {
        let unique = UUID().uuidString.lowercased()
        guard case .pointer(let pointer) = profile.id,
            case .regex(let rule)? = pattern(at: pointer, in: profile.envelope)
        else { return unique }
        return literalPrefix(of: rule.source) + unique.filter { $0 != "-" }
    }

    private static func pattern(at pointer: JSONPointer, in envelope: Pattern) -> Pattern? {
        var current = envelope
        for token in pointer.tokens {
            guard case .object(let members) = current, let member = members.first(where: { $0.key == token }) else {
                return nil
            }
            current = member.pattern
        }
        return current
    }

    /// The literal text an anchored expression starts with: `evt_` for `^evt_[A-Za-z0-9]+$`.
    private static func literalPrefix(of source: String) -> String {
        guard source.hasPrefix("^") else { return "" }
        return String(source.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
    }

    /// An example value that `pattern` accepts, when one is easy to make; `nil` for `$absent`.
    static func skeleton(of pattern: Pattern, now: Date) -> JSONValue? {
        switch pattern {
        case .literal(let value), .exact(let value):
            return value
        case .object(let members):
            var object = JSONObject()
            for member in members {
                if let value = skeleton(of: member.pattern, now: now) { object[member.key] = value }
            }
            return .object(object)
        case .array(let elements):
            return .array(elements.compactMap { skeleton(of: $0, now: now) })
        case .type(let types):
            switch types.first {
            case .number?, .integer?: return .number("0")
            case .boolean?: return .bool(false)
            case .object?: return .object(JSONObject())
            case .array?: return .array([])
            case .null?: return .null
            case .string?, nil: return .string("")
            }
        case .format(let format):
            return .string(example(of: format, now: now))
        case .oneOf(let values):
            return values.first ?? .null
        case .minimum(let text), .maximum(let text):
            return .number(text)
        case .each, .contains:
            return .array([])
        case .all(let patterns), .anyOf(let patterns):
            return patterns.lazy.compactMap { skeleton(of: $0, now: now) }.first
        case .request:
            return nil
        case .absent:
            return nil
        case .optional(let pattern), .nullable(let pattern):
            return skeleton(of: pattern, now: now)
        case .regex(let rule):
            return .string(literalPrefix(of: rule.source))
        case .length, .any:
            return .string("")
        }
    }

    private static func example(of format: Pattern.Format, now: Date) -> String {
        switch format {
        case .uuid: UUID().uuidString.lowercased()
        case .dateTime: now.formatted(Date.ISO8601FormatStyle())
        case .date: String(now.formatted(Date.ISO8601FormatStyle()).prefix(10))
        case .email: "user@example.com"
        case .uri: "https://example.com/"
        case .hex: "00"
        case .base64: "AA=="
        }
    }
}
