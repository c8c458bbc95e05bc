/// Reads values out of a parsed suite file, collecting diagnostics with their positions.
///
/// Type problems are errors (`expected an object, found a string`), unknown keys are warnings with a
/// did-you-mean. Every reading function returns `nil` after reporting what was wrong.
struct SuiteReader {
    /// The file as the user named it.
    let path: String
    /// The parsed file with its location table.
    let document: JSONDocument
    /// Everything reported so far, in the order found.
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, document: JSONDocument) {
        self.path = path
        self.document = document
    }

    /// Whether an error has been reported.
    var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    // MARK: - Reporting

    /// Reports an error about the value at `pointer` (or its key, when `atKey`).
    mutating func error(_ message: String, at pointer: JSONPointer, atKey: Bool = false) {
        report(.error, message, at: pointer, atKey: atKey)
    }

    /// Reports a warning about the value at `pointer` (or its key, when `atKey`).
    mutating func warning(_ message: String, at pointer: JSONPointer, atKey: Bool = false) {
        report(.warning, message, at: pointer, atKey: atKey)
    }

    /// Reports a pattern error at its own pointer.
    mutating func report(_ error: PatternError) {
        self.error(error.message, at: error.pointer, atKey: error.pointsAtKey)
    }

    private mutating func report(
        _ severity: Diagnostic.Severity, _ message: String, at pointer: JSONPointer, atKey: Bool
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity, file: path, location: location(of: pointer, atKey: atKey), pointer: pointer,
                message: message))
    }

    /// Where the value (or key) at `pointer` starts; for a pointer that names nothing, the nearest container.
    func location(of pointer: JSONPointer, atKey: Bool = false) -> TextPosition? {
        if atKey, let location = document.keyLocation(of: pointer) { return location }
        var current = pointer
        while true {
            if let location = document.location(of: current) { return location }
            guard !current.tokens.isEmpty else { return nil }
            current = JSONPointer(tokens: Array(current.tokens.dropLast()))
        }
    }

    // MARK: - Typed reading

    /// `expected an object, found a string`.
    private mutating func typeError(_ expected: String, _ value: JSONValue, at pointer: JSONPointer) {
        error("expected \(expected), found \(MessageWording.articled(value.typeName))", at: pointer)
    }

    mutating func object(_ value: JSONValue, at pointer: JSONPointer) -> JSONObject? {
        guard let object = value.objectValue else {
            typeError("an object", value, at: pointer)
            return nil
        }
        return object
    }

    mutating func array(_ value: JSONValue, at pointer: JSONPointer) -> [JSONValue]? {
        guard let elements = value.arrayValue else {
            typeError("an array", value, at: pointer)
            return nil
        }
        return elements
    }

    mutating func string(_ value: JSONValue, at pointer: JSONPointer) -> String? {
        guard let text = value.stringValue else {
            typeError("a string", value, at: pointer)
            return nil
        }
        return text
    }

    /// A string that is not empty (nor only spaces).
    mutating func nonEmptyString(_ value: JSONValue, at pointer: JSONPointer) -> String? {
        guard let text = string(value, at: pointer) else { return nil }
        guard text.contains(where: { !$0.isWhitespace }) else {
            error("expected a non-empty string", at: pointer)
            return nil
        }
        return text
    }

    mutating func bool(_ value: JSONValue, at pointer: JSONPointer) -> Bool? {
        guard let flag = value.boolValue else {
            typeError("a boolean", value, at: pointer)
            return nil
        }
        return flag
    }

    /// A number of at least `minimum`.
    mutating func number(_ value: JSONValue, at pointer: JSONPointer, minimum: Double = 0) -> Double? {
        guard let number = value.doubleValue, number.isFinite else {
            typeError("a number", value, at: pointer)
            return nil
        }
        guard number >= minimum else {
            error("expected a number of at least \(Self.format(minimum)), found \(value.numberText ?? "")", at: pointer)
            return nil
        }
        return number
    }

    /// An integer of at least `minimum`.
    mutating func integer(_ value: JSONValue, at pointer: JSONPointer, minimum: Int = 0) -> Int? {
        guard case .number(let text) = value else {
            typeError("an integer", value, at: pointer)
            return nil
        }
        guard let integer = Int(text) else {
            error("expected an integer, found \(text)", at: pointer)
            return nil
        }
        guard integer >= minimum else {
            error("expected an integer of at least \(minimum), found \(text)", at: pointer)
            return nil
        }
        return integer
    }

    /// The member `key` of `object`, or an error naming it as missing.
    mutating func required(_ key: String, in object: JSONObject, at pointer: JSONPointer) -> JSONValue? {
        guard let value = object[key] else {
            error("missing required key \(MessageWording.quoted(key))", at: pointer)
            return nil
        }
        return value
    }

    /// Warns about each key of `object` that is not in `known`, at the key, with a did-you-mean.
    mutating func warnAboutUnknownKeys(in object: JSONObject, at pointer: JSONPointer, known: [String]) {
        for key in object.keys where !known.contains(key) {
            warning(
                "unknown key \(MessageWording.quoted(key))\(MessageWording.didYouMean(key, among: known))",
                at: pointer.appending(key),
                atKey: true)
        }
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
