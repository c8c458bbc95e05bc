import Foundation
import HookHTTP

extension SuiteLoader {
    /// The keys a suite object may have.
    static let suiteKeys = [
        "$schema", "suite", "description", "profile", "secret", "target", "expect", "probes", "cases", "retries",
        "strict", "schema", "schemas", "formats",
    ]
    /// The keys a case object may have.
    static let caseKeys = ["name", "description", "body", "headers", "match", "expect", "count", "pin", "schema"]

    /// Reads the whole suite; `nil` when something required could not be read.
    static func readSuite(_ reader: inout SuiteReader, file: URL?) -> Suite? {
        let root = JSONPointer.root
        guard let object = reader.object(reader.document.value, at: root) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: root, known: suiteKeys)

        let name = reader.required("suite", in: object, at: root).flatMap {
            reader.nonEmptyString($0, at: root.appending("suite"))
        }
        if let value = object["description"] { _ = reader.string(value, at: root.appending("description")) }
        var profile: Profile?
        if let value = reader.required("profile", in: object, at: root) {
            profile = Profile.read(value, at: root.appending("profile"), reader: &reader)
        }
        let secret = object["secret"].flatMap { readSecret($0, at: root.appending("secret"), reader: &reader) }
        let target = object["target"].flatMap { readTarget($0, at: root.appending("target"), reader: &reader) }
        let expect = object["expect"].flatMap {
            readExpectation($0, at: root.appending("expect"), reader: &reader)?.applied(to: .standard)
        }
        let probes = object["probes"].flatMap { readProbes($0, at: root.appending("probes"), reader: &reader) }
        let retries = object["retries"].flatMap {
            readRetries($0, at: root.appending("retries"), reader: &reader)
        }
        let isStrict = object["strict"].flatMap { reader.bool($0, at: root.appending("strict")) } ?? false
        var cases = reader.required("cases", in: object, at: root).flatMap {
            readCases($0, at: root.appending("cases"), suiteExpectation: expect ?? .standard, reader: &reader)
        }
        if var read = cases {
            readSchemas(object, file: file, cases: &read, reader: &reader)
            cases = read
        }

        guard let name, let profile, let cases else { return nil }
        let suite = Suite(
            name: name, file: file, profile: profile, secret: secret, target: target, expect: expect ?? .standard,
            probes: probes, cases: cases, retries: retries, isStrict: isStrict)
        if !reader.hasErrors { checkFit(of: suite, explicitProbes: probes != nil, reader: &reader) }
        return suite
    }

    // MARK: - Suite members

    private static func readSecret(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> SecretSource?
    {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["env", "value"])
        switch (object["env"], object["value"]) {
        case (let name?, nil):
            guard let name = reader.nonEmptyString(name, at: pointer.appending("env")) else { return nil }
            let bytes = Array(name.utf8)
            let isName =
                !(bytes.first.map { $0 >= 48 && $0 <= 57 } ?? true)
                && bytes.allSatisfy {
                    $0 == UInt8(ascii: "_") || ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122)
                }
            guard isName else {
                reader.error(
                    "invalid environment variable name \(MessageWording.quoted(name)); use letters, digits and _",
                    at: pointer.appending("env"))
                return nil
            }
            return .environment(name)
        case (nil, let secret?):
            guard let text = reader.string(secret, at: pointer.appending("value")) else { return nil }
            reader.warning(
                "inline secret value: secrets belong in the environment; use {\"env\": \"NAME\"}",
                at: pointer.appending("value"))
            return .inline(SecretSource.Secret(text))
        case (_?, _?):
            reader.error("give either \"env\" or \"value\", not both", at: pointer)
            return nil
        case (nil, nil):
            reader.error("expected {\"env\": \"NAME\"} (or {\"value\": …})", at: pointer)
            return nil
        }
    }

    private static func readTarget(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> URL? {
        guard let text = reader.string(value, at: pointer) else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let url = URL(string: text),
            let host = url.host, !host.isEmpty
        else {
            reader.error(
                "invalid target URL \(MessageWording.quoted(text)); expected http://host[:port]/path", at: pointer)
            return nil
        }
        return url
    }

    private static func readProbes(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> [ProbeKind]?
    {
        guard let elements = reader.array(value, at: pointer) else { return nil }
        guard !elements.isEmpty else {
            reader.error("expected at least one probe; leave \"probes\" out to run every probe", at: pointer)
            return nil
        }
        let names = ProbeKind.allCases.map(\.rawValue)
        var probes: [ProbeKind] = []
        var isValid = true
        for (index, element) in elements.enumerated() {
            let elementPointer = pointer.appending(index: index)
            guard let name = reader.string(element, at: elementPointer) else {
                isValid = false
                continue
            }
            guard let probe = ProbeKind(rawValue: name) else {
                reader.error(
                    "unknown probe \(MessageWording.quoted(name))\(MessageWording.didYouMean(name, among: names))",
                    at: elementPointer)
                isValid = false
                continue
            }
            if probes.contains(probe) {
                reader.warning("probe \(MessageWording.quoted(name)) is listed twice", at: elementPointer)
            } else {
                probes.append(probe)
            }
        }
        return isValid ? probes : nil
    }

    /// Reads a `retries` object (also used by inline profiles).
    static func readRetries(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> RetryExpectation?
    {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["expect", "min", "max", "attempts"])
        var retries = RetryExpectation()
        if let value = object["expect"] {
            guard let flag = reader.bool(value, at: pointer.appending("expect")) else { return nil }
            retries.isExpected = flag
        }
        if let value = object["min"] {
            guard let seconds = reader.number(value, at: pointer.appending("min")) else { return nil }
            retries.minInterval = seconds
        }
        if let value = object["max"] {
            guard let seconds = reader.number(value, at: pointer.appending("max")) else { return nil }
            retries.maxInterval = seconds
        }
        if let min = retries.minInterval, let max = retries.maxInterval, min > max {
            reader.error(
                "\"min\" (\(value["min"]?.numberText ?? "")) is greater than \"max\" (\(value["max"]?.numberText ?? ""))",
                at: pointer.appending("max"))
            return nil
        }
        if let value = object["attempts"] {
            guard let attempts = reader.integer(value, at: pointer.appending("attempts"), minimum: 1) else {
                return nil
            }
            retries.attempts = attempts
        }
        return retries
    }

    // MARK: - Expectations

    /// The keys of an `expect` object that were given; merged key by key over a base.
    struct ExpectationOverride {
        var accept: StatusRule?
        var reject: StatusRule?
        var within: Double?
        var response: ResponseRule?

        func applied(to base: DeliveryExpectation) -> DeliveryExpectation {
            DeliveryExpectation(
                accept: accept ?? base.accept, reject: reject ?? base.reject, within: within ?? base.within,
                response: response ?? base.response)
        }
    }

    static func readExpectation(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> ExpectationOverride?
    {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["accept", "reject", "within", "response"])
        var result = ExpectationOverride()
        var isValid = true
        if let value = object["accept"] {
            result.accept = readStatusRule(value, at: pointer.appending("accept"), reader: &reader)
            isValid = isValid && result.accept != nil
        }
        if let value = object["reject"] {
            result.reject = readStatusRule(value, at: pointer.appending("reject"), reader: &reader)
            isValid = isValid && result.reject != nil
        }
        if let value = object["within"] {
            let within = reader.number(value, at: pointer.appending("within"))
            if within == 0 {
                reader.error("expected a number of seconds above 0, found 0", at: pointer.appending("within"))
            }
            result.within = within == 0 ? nil : within
            isValid = isValid && result.within != nil
        }
        if let value = object["response"] {
            result.response = readResponseRule(value, at: pointer.appending("response"), reader: &reader)
            isValid = isValid && result.response != nil
        }
        return isValid ? result : nil
    }

    /// `{"headers": {NAME: pattern, …}, "body": pattern}`; patterns may use `{"$request": "/pointer"}`.
    private static func readResponseRule(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> ResponseRule?
    {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: ["headers", "body"])
        var rule = ResponseRule()
        var isValid = true
        if let value = object["headers"] {
            let at = pointer.appending("headers")
            if let headers = reader.object(value, at: at) {
                for member in headers {
                    do {
                        let pattern = try Pattern.compileResponseRule(member.value, at: at.appending(member.key))
                        rule.headers.append(ResponseRule.HeaderRule(name: member.key, pattern: pattern))
                    } catch {
                        reader.report(error)
                        isValid = false
                    }
                }
            } else {
                isValid = false
            }
        }
        if let value = object["body"] {
            do {
                rule.body = try Pattern.compileResponseRule(value, at: pointer.appending("body"))
            } catch {
                reader.report(error)
                isValid = false
            }
        }
        return isValid ? rule : nil
    }

    private static func readStatusRule(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> StatusRule?
    {
        func entry(_ value: JSONValue, at pointer: JSONPointer) -> StatusRule.Entry? {
            let text: String
            switch value {
            case .string(let string): text = string
            case .number(let number): text = number
            default:
                reader.error(
                    "expected a status such as \"401\" or a class such as \"4xx\", found \(MessageWording.articled(value.typeName))",
                    at: pointer)
                return nil
            }
            guard let entry = StatusRule.Entry(text) else {
                reader.error(
                    "invalid status \(MessageWording.quoted(text)); expected a status 100–599 such as \"401\" or a class such as \"4xx\"",
                    at: pointer)
                return nil
            }
            return entry
        }
        guard case .array(let elements) = value else { return entry(value, at: pointer).map { StatusRule([$0]) } }
        guard !elements.isEmpty else {
            reader.error("expected at least one status", at: pointer)
            return nil
        }
        var entries: [StatusRule.Entry] = []
        for (index, element) in elements.enumerated() {
            guard let entry = entry(element, at: pointer.appending(index: index)) else { return nil }
            entries.append(entry)
        }
        return StatusRule(entries)
    }

    // MARK: - Cases

    private static func readCases(
        _ value: JSONValue, at pointer: JSONPointer, suiteExpectation: DeliveryExpectation, reader: inout SuiteReader
    ) -> [SuiteCase]? {
        guard let elements = reader.array(value, at: pointer) else { return nil }
        guard !elements.isEmpty else {
            reader.error("expected at least one case", at: pointer)
            return nil
        }
        var cases: [SuiteCase] = []
        var firstNamed: [String: JSONPointer] = [:]
        var isValid = true
        for (index, element) in elements.enumerated() {
            let casePointer = pointer.appending(index: index)
            guard
                let suiteCase = readCase(element, at: casePointer, suiteExpectation: suiteExpectation, reader: &reader)
            else {
                isValid = false
                continue
            }
            if let first = firstNamed[suiteCase.name] {
                let firstText = reader.location(of: first).map { " (first at \($0))" } ?? ""
                reader.error(
                    "duplicate case name \(MessageWording.quoted(suiteCase.name))\(firstText)",
                    at: casePointer.appending("name"))
                isValid = false
            } else {
                firstNamed[suiteCase.name] = casePointer.appending("name")
            }
            cases.append(suiteCase)
        }
        return isValid ? cases : nil
    }

    private static func readCase(
        _ value: JSONValue, at pointer: JSONPointer, suiteExpectation: DeliveryExpectation, reader: inout SuiteReader
    ) -> SuiteCase? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: caseKeys)
        let name = reader.required("name", in: object, at: pointer).flatMap {
            reader.nonEmptyString($0, at: pointer.appending("name"))
        }
        if let value = object["description"] { _ = reader.string(value, at: pointer.appending("description")) }
        let body = reader.required("body", in: object, at: pointer).flatMap { value -> JSONValue? in
            reader.object(value, at: pointer.appending("body")).map { _ in value }
        }
        var isValid = true
        var headers = HTTPHeaders()
        if let value = object["headers"] {
            if let parsed = readHeaders(value, at: pointer.appending("headers"), reader: &reader) {
                headers = parsed
            } else {
                isValid = false
            }
        }
        var match: Pattern?
        if let value = object["match"] {
            do {
                match = try Pattern.compile(value, at: pointer.appending("match"))
            } catch {
                reader.report(error)
                isValid = false
            }
        }
        var expect = suiteExpectation
        if let value = object["expect"] {
            if let override = readExpectation(value, at: pointer.appending("expect"), reader: &reader) {
                expect = override.applied(to: suiteExpectation)
            } else {
                isValid = false
            }
        }
        var count = 1
        if let value = object["count"] {
            if let parsed = reader.integer(value, at: pointer.appending("count")) {
                count = parsed
            } else {
                isValid = false
            }
        }
        var pins: Set<SuiteCase.PinnedField> = []
        if let value = object["pin"] {
            if let parsed = readPins(value, at: pointer.appending("pin"), reader: &reader) {
                pins = parsed
            } else {
                isValid = false
            }
        }
        guard isValid, let name, let body else { return nil }
        return SuiteCase(
            name: name, body: body, headers: headers, match: match, expect: expect, count: count, pins: pins)
    }

    /// Reads a case's `pin`: a list of `"id"` and `"timestamp"`.
    private static func readPins(
        _ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader
    ) -> Set<SuiteCase.PinnedField>? {
        guard let elements = value.arrayValue else {
            reader.error(
                "expected an array of field names (\"id\", \"timestamp\"), found \(MessageWording.summary(of: value))",
                at: pointer)
            return nil
        }
        var pins: Set<SuiteCase.PinnedField> = []
        var isValid = true
        let names = SuiteCase.PinnedField.allCases.map(\.rawValue)
        for (index, element) in elements.enumerated() {
            let elementPointer = pointer.appending(index: index)
            guard let text = reader.string(element, at: elementPointer) else {
                isValid = false
                continue
            }
            guard let field = SuiteCase.PinnedField(rawValue: text) else {
                reader.error(
                    "unknown field \(MessageWording.quoted(text)) to pin; expected \"id\" or \"timestamp\""
                        + MessageWording.didYouMean(text, among: names), at: elementPointer)
                isValid = false
                continue
            }
            pins.insert(field)
        }
        return isValid ? pins : nil
    }

    /// Reads an object of header names to string values, in order (also used by inline profiles).
    static func readHeaders(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> HTTPHeaders? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        var headers = HTTPHeaders()
        var isValid = true
        for member in object {
            let memberPointer = pointer.appending(member.key)
            guard isToken(member.key) else {
                reader.error("invalid header name \(MessageWording.quoted(member.key))", at: memberPointer, atKey: true)
                isValid = false
                continue
            }
            guard let text = reader.string(member.value, at: memberPointer) else {
                isValid = false
                continue
            }
            guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                reader.error("header value contains a line break or NUL", at: memberPointer)
                isValid = false
                continue
            }
            headers.add(name: member.key, value: text)
        }
        return isValid ? headers : nil
    }

    /// RFC 9110 token characters.
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0))
            }
    }
}
