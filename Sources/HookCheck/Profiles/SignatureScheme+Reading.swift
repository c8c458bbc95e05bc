extension Profile {
    /// The scheme types a profile's `scheme.type` may name.
    static let schemeTypes = ["standard-webhooks", "stripe", "hmac", "token", "none"]

    /// Reads a profile's `scheme`: a type name (`"none"`, `"stripe"`, `"standard-webhooks"`) or an object
    /// with `type` and that scheme's parameters.
    /// - Returns: the scheme and whether it set its own `tolerance`; `nil` after reporting an error.
    static func readScheme(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> (SignatureScheme, setsTolerance: Bool)?
    {
        let object: JSONObject
        let type: String
        let typePointer: JSONPointer
        switch value {
        case .string(let name):
            object = JSONObject()
            type = name
            typePointer = pointer
        case .object(let members):
            object = members
            typePointer = pointer.appending("type")
            guard let value = reader.required("type", in: members, at: pointer),
                let name = reader.string(value, at: typePointer)
            else { return nil }
            type = name
        default:
            reader.error(
                "expected a scheme object such as {\"type\": \"hmac\", …}, found \(MessageWording.articled(value.typeName))",
                at: pointer)
            return nil
        }
        let known: [String]
        switch type {
        case "standard-webhooks": known = ["type", "headerPrefix", "tolerance"]
        case "stripe": known = ["type", "tolerance"]
        case "hmac":
            known = [
                "type", "algorithm", "header", "encoding", "prefix", "signed", "key", "timestampHeader", "tolerance",
                "companions",
            ]
        case "token": known = ["type", "header"]
        case "none": known = ["type"]
        default:
            reader.error(
                "unknown scheme \(MessageWording.quoted(type))\(MessageWording.didYouMean(type, among: schemeTypes)); expected one of "
                    + schemeTypes.joined(separator: ", "), at: typePointer)
            return nil
        }
        reader.warnAboutUnknownKeys(in: object, at: pointer, known: known)
        let errorsBefore = reader.diagnostics.filter(\.isError).count
        func string(_ key: String) -> String? {
            object[key].flatMap { reader.string($0, at: pointer.appending(key)) }
        }
        func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _: Choice.Type) -> Choice?
        where Choice.RawValue == String {
            guard let text = string(key) else { return nil }
            guard let choice = Choice(rawValue: text) else {
                let names = Choice.allCases.map(\.rawValue)
                reader.error(
                    "expected one of \(names.joined(separator: ", ")), found \(MessageWording.quoted(text))"
                        + MessageWording.didYouMean(text, among: names), at: pointer.appending(key))
                return nil
            }
            return choice
        }
        let tolerance = object["tolerance"].flatMap { reader.integer($0, at: pointer.appending("tolerance")) }
        let scheme: SignatureScheme
        switch type {
        case "standard-webhooks":
            var parameters = StandardWebhooksScheme()
            if let prefix = string("headerPrefix") { parameters.headerPrefix = prefix }
            if let tolerance { parameters.tolerance = tolerance }
            scheme = .standardWebhooks(parameters)
        case "stripe":
            var parameters = StripeScheme()
            if let tolerance { parameters.tolerance = tolerance }
            scheme = .stripe(parameters)
        case "hmac":
            guard let header = object["header"].flatMap({ reader.nonEmptyString($0, at: pointer.appending("header")) })
            else {
                if object["header"] == nil { reader.error("missing required key \"header\"", at: pointer) }
                return nil
            }
            var parameters = HMACScheme(header: header)
            if let algorithm = choice("algorithm", HMACScheme.Algorithm.self) { parameters.algorithm = algorithm }
            if let encoding = choice("encoding", HMACScheme.Encoding.self) { parameters.encoding = encoding }
            if let prefix = string("prefix") { parameters.prefix = prefix }
            if let key = choice("key", KeyEncoding.self) { parameters.key = key }
            if let text = string("signed") {
                do {
                    parameters.signed = try SignedTemplate(parsing: text)
                } catch {
                    reader.error("\(error)", at: pointer.appending("signed"))
                }
            }
            if let header = string("timestampHeader") { parameters.timestampHeader = header }
            if let value = object["companions"] {
                parameters.companions = readCompanions(value, at: pointer.appending("companions"), reader: &reader)
            }
            if let tolerance { parameters.tolerance = tolerance }
            if parameters.signed.contains(.timestamp), parameters.timestampHeader == nil {
                reader.warning(
                    "the signed template uses {timestamp} but the scheme has no \"timestampHeader\"; the profile's "
                        + "timestamp field is signed instead", at: pointer.appending("signed"))
            }
            scheme = .hmac(parameters)
        case "token":
            guard let value = reader.required("header", in: object, at: pointer),
                let header = reader.nonEmptyString(value, at: pointer.appending("header"))
            else { return nil }
            scheme = .token(TokenScheme(header: header))
        default:
            scheme = .none
        }
        let errorsAfter = reader.diagnostics.filter(\.isError).count
        return errorsAfter == errorsBefore ? (scheme, tolerance != nil) : nil
    }
}

extension Profile {
    /// `[{"header": "X-Hub-Signature", "algorithm": "sha1", "prefix": "sha1=", "encoding": "hex"}, …]`.
    private static func readCompanions(_ value: JSONValue, at pointer: JSONPointer, reader: inout SuiteReader)
        -> [HMACScheme.Companion]
    {
        guard let elements = reader.array(value, at: pointer) else { return [] }
        var companions: [HMACScheme.Companion] = []
        for (index, element) in elements.enumerated() {
            let at = pointer.appending(index: index)
            guard let object = reader.object(element, at: at) else { continue }
            reader.warnAboutUnknownKeys(in: object, at: at, known: ["header", "algorithm", "encoding", "prefix"])
            guard let value = reader.required("header", in: object, at: at),
                let header = reader.nonEmptyString(value, at: at.appending("header"))
            else { continue }
            var companion = HMACScheme.Companion(header: header, algorithm: .sha256)
            if let value = object["algorithm"], let text = reader.string(value, at: at.appending("algorithm")) {
                guard let algorithm = HMACScheme.Algorithm(rawValue: text) else {
                    reader.error(
                        "expected sha256 or sha1, found \(MessageWording.quoted(text))", at: at.appending("algorithm"))
                    continue
                }
                companion.algorithm = algorithm
            }
            if let value = object["encoding"], let text = reader.string(value, at: at.appending("encoding")) {
                guard let encoding = HMACScheme.Encoding(rawValue: text) else {
                    reader.error(
                        "expected hex or base64, found \(MessageWording.quoted(text))", at: at.appending("encoding"))
                    continue
                }
                companion.encoding = encoding
            }
            if let value = object["prefix"], let prefix = reader.string(value, at: at.appending("prefix")) {
                companion.prefix = prefix
            }
            companions.append(companion)
        }
        return companions
    }
}

extension SignatureScheme {
    /// The scheme with its timestamp rules changed where it has any (`token` and `none` are returned as is).
    func withTimestampPolicy(tolerance: Int? = nil, future: TimestampPolicy.FuturePolicy? = nil) -> SignatureScheme {
        switch self {
        case .standardWebhooks(var scheme):
            scheme.tolerance = tolerance ?? scheme.tolerance
            scheme.future = future ?? scheme.future
            return .standardWebhooks(scheme)
        case .stripe(var scheme):
            scheme.tolerance = tolerance ?? scheme.tolerance
            scheme.future = future ?? scheme.future
            return .stripe(scheme)
        case .hmac(var scheme):
            scheme.tolerance = tolerance ?? scheme.tolerance
            scheme.future = future ?? scheme.future
            return .hmac(scheme)
        case .token, .none:
            return self
        }
    }
}
