import HookHTTP

extension Profile {
    /// The keys an inline profile object may have.
    static let objectKeys = [
        "name", "extends", "summary", "method", "contentType", "event", "subEvents", "id", "timestamp", "scheme",
        "envelope",
        "events", "assumedEvents", "eventNamePattern", "headers", "futureTimestamps", "tolerance", "retries",
        "sources",
    ]

    /// Reads a suite's `profile`: a built-in name, or an inline profile object (optionally `extends`-ing a
    /// built-in one, whose keys it overrides; `headers` are merged name by name).
    static func read(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> Profile? {
        if case .string(let name) = value { return builtIn(named: name, at: pointer, reader: &reader) }
        guard let object = reader.object(value, at: pointer) else { return nil }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: objectKeys)
        var profile = Profile(name: "inline")
        if let base = object["extends"] {
            let basePointer = pointer.appending("extends")
            guard let name = reader.string(base, at: basePointer),
                let builtIn = builtIn(named: name, at: basePointer, reader: &reader)
            else { return nil }
            profile = builtIn
        }
        let errorsBefore = reader.diagnostics.filter(\.isError).count
        func key(_ name: String) -> (JSONValue, JSONPointer)? {
            object[name].map { ($0, pointer.appending(name)) }
        }
        if let (value, at) = key("name"), let name = reader.nonEmptyString(value, at: at) { profile.name = name }
        if let (value, at) = key("summary"), let summary = reader.string(value, at: at) { profile.summary = summary }
        if let (value, at) = key("method"), let text = reader.string(value, at: at) {
            if let method = Method(rawValue: text.uppercased()) {
                profile.method = method
            } else {
                reader.error("unknown method \(MessageWording.quoted(text)); expected \"POST\" or \"GET\"", at: at)
            }
        }
        if let (value, at) = key("contentType"), let text = reader.nonEmptyString(value, at: at) {
            profile.contentType = text
        }
        if let (value, at) = key("event"), let source = readSource(value, at: at, reader: &reader) {
            profile.event = source
        }
        if let (value, at) = key("subEvents"), let rules = readSubEvents(value, at: at, reader: &reader) {
            profile.subEvents = rules
        }
        if let (value, at) = key("id"), let source = readSource(value, at: at, reader: &reader) { profile.id = source }
        if let (value, at) = key("timestamp") {
            readTimestamp(value, at: at, into: &profile, reader: &reader)
        }
        var schemeSetsTolerance = false
        if let (value, at) = key("scheme"), let (scheme, setsTolerance) = readScheme(value, at: at, reader: &reader) {
            profile.scheme = scheme
            schemeSetsTolerance = setsTolerance
            if setsTolerance, let policy = scheme.timestampPolicy { profile.tolerance = policy.tolerance }
            if let policy = scheme.timestampPolicy { profile.futureTimestamps = policy.future }
        }
        if let (value, at) = key("envelope") {
            do {
                profile.envelope = try Pattern.compile(value, at: at)
            } catch {
                reader.report(error)
            }
        }
        if let (value, at) = key("events"), let events = readNames(value, at: at, reader: &reader) {
            profile.events = events
        }
        if let (value, at) = key("assumedEvents"), let events = readNames(value, at: at, reader: &reader) {
            profile.assumedEvents = events
            profile.events += events.filter { !profile.events.contains($0) }
        }
        if let (value, at) = key("eventNamePattern"), let source = reader.string(value, at: at) {
            do {
                profile.eventNamePattern = try Pattern.RegularExpression(source)
            } catch {
                reader.error(error.description, at: at)
            }
        }
        if let (value, at) = key("headers"), let headers = HTTPHeaders.read(value, at: at, reader: &reader) {
            for field in headers { profile.headers.replaceOrAdd(name: field.name, value: field.value) }
        }
        if let (value, at) = key("futureTimestamps"), let text = reader.string(value, at: at) {
            if let policy = TimestampPolicy.FuturePolicy(rawValue: text) {
                profile.futureTimestamps = policy
                profile.scheme = profile.scheme.withTimestampPolicy(future: policy)
            } else {
                reader.error("expected \"reject\" or \"tolerate\", found \(MessageWording.quoted(text))", at: at)
            }
        }
        if let (value, at) = key("tolerance"), let seconds = reader.integer(value, at: at) {
            profile.tolerance = seconds
            if !schemeSetsTolerance { profile.scheme = profile.scheme.withTimestampPolicy(tolerance: seconds) }
        }
        if let (value, at) = key("retries"), let retries = RetryExpectation.read(value, at: at, reader: &reader) {
            profile.retries = retries
        }
        if let (value, at) = key("sources"), let sources = readNames(value, at: at, reader: &reader) {
            profile.sources = sources
        }
        let errorsAfter = reader.diagnostics.filter(\.isError).count
        return errorsAfter == errorsBefore ? profile : nil
    }

    private static func builtIn(named name: String, at pointer: JSONPointer, reader: inout SuiteReader) -> Profile? {
        if let profile = named(name) { return profile }
        reader.error(
            "unknown profile \(MessageWording.quoted(name))\(MessageWording.didYouMean(name, among: builtInNames)); "
                + "built-in profiles: \(builtInNames.joined(separator: ", "))", at: pointer)
        return nil
    }

    /// A JSON pointer string, `{"header": NAME}`, `{"header": NAME, "parameter": "t"}`, `{"pointer": "/x"}` or
    /// `null` (none).
    private static func readSource(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> FieldSource?
    {
        switch value {
        case .null:
            return FieldSource.none
        case .string(let text):
            return readPointer(text, at: pointer, reader: &reader).map(FieldSource.pointer)
        case .object(let object):
            reader.warnAboutUnknownKeys(
                in: object, at: pointer, known: ["header", "parameter", "pointer", "format", "fractionDigits", "zone"])
            if let header = object["header"] {
                guard let name = reader.nonEmptyString(header, at: pointer.appending("header")) else { return nil }
                guard let parameter = object["parameter"] else { return .header(name) }
                guard let key = reader.nonEmptyString(parameter, at: pointer.appending("parameter")) else {
                    return nil
                }
                return .headerParameter(header: name, name: key)
            }
            if let text = object["pointer"] {
                guard let text = reader.string(text, at: pointer.appending("pointer")) else { return nil }
                return readPointer(text, at: pointer.appending("pointer"), reader: &reader).map(FieldSource.pointer)
            }
            reader.error("expected {\"header\": NAME} or {\"pointer\": \"/path\"}", at: pointer)
            return nil
        default:
            reader.error(
                "expected a JSON pointer such as \"/type\", {\"header\": NAME} or null, found "
                    + MessageWording.articled(value.typeName), at: pointer)
            return nil
        }
    }

    private static func readPointer(_ text: String, at pointer: JSONPointer, reader: inout SuiteReader)
        -> JSONPointer?
    {
        guard !text.isEmpty, let parsed = JSONPointer(text) else {
            reader.error(
                "invalid JSON pointer \(MessageWording.quoted(text)); expected one such as \"/data/id\"", at: pointer)
            return nil
        }
        return parsed
    }

    /// A timestamp source plus its format: `"format": "unix" | "date-time"`, `"fractionDigits": 0…9`,
    /// `"zone": "Z" | "+00:00"`. Header sources default to unix seconds, pointer sources to date-times
    /// with 3 fractional digits and `Z`.
    private static func readTimestamp(
        _ value: JSONValue, at pointer: JSONPointer, into profile: inout Profile, reader: inout SuiteReader
    ) {
        guard let source = readSource(value, at: pointer, reader: &reader) else { return }
        profile.timestamp = source
        var format: TimestampFormat
        switch source {
        case .pointer: format = .dateTime(fractionDigits: 3, zone: .z)
        case .header, .headerParameter, .none: format = .unixSeconds
        }
        guard let object = value.objectValue else {
            profile.timestampFormat = format
            return
        }
        if let name = object["format"] {
            let at = pointer.appending("format")
            switch reader.string(name, at: at) {
            case "unix": format = .unixSeconds
            case "date-time": format = .dateTime(fractionDigits: 3, zone: .z)
            case let text?:
                reader.error("expected \"unix\" or \"date-time\", found \(MessageWording.quoted(text))", at: at)
            case nil: break
            }
        }
        if case .dateTime(var digits, var zone) = format {
            if let value = object["fractionDigits"] {
                let at = pointer.appending("fractionDigits")
                if let count = reader.integer(value, at: at) {
                    if count <= TimestampFormat.maxFractionDigits {
                        digits = count
                    } else {
                        reader.error(
                            "expected at most \(TimestampFormat.maxFractionDigits) digits, found \(count)", at: at)
                    }
                }
            }
            if let value = object["zone"] {
                let at = pointer.appending("zone")
                if let text = reader.string(value, at: at) {
                    if let parsed = TimestampFormat.Zone(rawValue: text) {
                        zone = parsed
                    } else {
                        reader.error("expected \"Z\" or \"+00:00\", found \(MessageWording.quoted(text))", at: at)
                    }
                }
            }
            format = .dateTime(fractionDigits: digits, zone: zone)
        }
        profile.timestampFormat = format
    }

    /// `[{"under": "event_callback", "pointer": "/event/type"}, …]`; `under` may be left out (every event).
    private static func readSubEvents(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> [SubEvent]?
    {
        guard let elements = reader.array(value, at: pointer) else { return nil }
        var rules: [SubEvent] = []
        for (index, element) in elements.enumerated() {
            let at = pointer.appending(index: index)
            guard let object = reader.object(element, at: at) else { return nil }
            reader.warnAboutUnknownKeys(in: object, at: at, known: ["under", "pointer"])
            var under: String?
            if let value = object["under"] {
                guard let name = reader.nonEmptyString(value, at: at.appending("under")) else { return nil }
                under = name
            }
            guard let text = object["pointer"] else {
                reader.error("missing \"pointer\"; expected one such as \"/event/type\"", at: at)
                return nil
            }
            guard let source = reader.string(text, at: at.appending("pointer")),
                let parsed = readPointer(source, at: at.appending("pointer"), reader: &reader)
            else { return nil }
            rules.append(SubEvent(under: under, pointer: parsed))
        }
        return rules
    }

    /// An array of non-empty strings.
    private static func readNames(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader) -> [String]? {
        guard let elements = reader.array(value, at: pointer) else { return nil }
        var names: [String] = []
        for (index, element) in elements.enumerated() {
            guard let name = reader.nonEmptyString(element, at: pointer.appending(index: index)) else { return nil }
            names.append(name)
        }
        return names
    }
}
