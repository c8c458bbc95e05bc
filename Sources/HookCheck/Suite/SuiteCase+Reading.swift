import HookHTTP

extension SuiteCase {
    /// The keys a case object may have.
    static let objectKeys = ["name", "description", "body", "headers", "match", "expect", "count", "pin", "schema"]

    /// Reads a suite's `cases`: a non-empty list of cases with distinct names.
    static func readList(
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
                let suiteCase = read(element, at: casePointer, suiteExpectation: suiteExpectation, reader: &reader)
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

    /// Reads one case; its `expect` is merged over the suite's.
    private static func read(
        _ value: JSONValue, at pointer: JSONPointer, suiteExpectation: DeliveryExpectation, reader: inout SuiteReader
    ) -> SuiteCase? {
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: objectKeys)
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
            if let parsed = HTTPHeaders.read(value, at: pointer.appending("headers"), reader: &reader) {
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
            if let override = DeliveryExpectation.readOverride(value, at: pointer.appending("expect"), reader: &reader)
            {
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
    ) -> Set<PinnedField>? {
        guard let elements = value.arrayValue else {
            reader.error(
                "expected an array of field names (\"id\", \"timestamp\"), found \(MessageWording.summary(of: value))",
                at: pointer)
            return nil
        }
        var pins: Set<PinnedField> = []
        var isValid = true
        let names = PinnedField.allCases.map(\.rawValue)
        for (index, element) in elements.enumerated() {
            let elementPointer = pointer.appending(index: index)
            guard let text = reader.string(element, at: elementPointer) else {
                isValid = false
                continue
            }
            guard let field = PinnedField(rawValue: text) else {
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
}
