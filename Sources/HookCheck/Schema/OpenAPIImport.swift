/// Builds a suite from an OpenAPI document's webhooks (3.1 `webhooks`, 3.0 `callbacks`): one case per
/// webhook operation, the document's example (or one generated from the schema) as the body, and the
/// request-body schema, with `components` refs gathered into its `$defs`, as the case's `schema`.
public struct OpenAPIImport: Sendable {
    /// The profile the suite names.
    public var profile: Profile
    /// The variable the suite names for its secret.
    public var secretVariable: String

    /// A document that has no webhooks, or one whose parts are not where OpenAPI puts them.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Where in the document.
        public var pointer: JSONPointer
        /// What is wrong.
        public var message: String
        public var description: String { "\(pointer.displayText): \(message)" }
    }

    /// Creates an importer for `profile`.
    public init(profile: Profile, secretVariable: String) {
        self.profile = profile
        self.secretVariable = secretVariable
    }

    /// The suite (as JSON) and its number of cases.
    public func suite(from document: JSONValue) throws(Failure) -> (suite: JSONValue, caseCount: Int) {
        guard case .object(let root) = document else {
            throw Failure(pointer: .root, message: "expected an OpenAPI document (an object)")
        }
        guard let version = root["openapi"]?.stringValue else {
            throw Failure(pointer: .root, message: "no \"openapi\" version: expected an OpenAPI 3.0 or 3.1 document")
        }
        let isThreeZero = version.hasPrefix("3.0")
        let operations = Self.operations(in: root, isThreeZero: isThreeZero)
        guard !operations.isEmpty else {
            throw Failure(
                pointer: .root,
                message: isThreeZero ? "no callbacks under /paths: nothing to test" : "no /webhooks: nothing to test")
        }
        var cases: [JSONValue] = []
        var names: Set<String> = []
        for operation in operations {
            var name = operation.name
            var suffix = 2
            while names.contains(name) {
                name = "\(operation.name) \(suffix)"
                suffix += 1
            }
            names.insert(name)
            cases.append(try makeCase(named: name, operation, document: document, isThreeZero: isThreeZero))
        }
        let title = root["info"]?["title"]?.stringValue ?? "OpenAPI"
        var suite = JSONObject([("suite", .string("\(title) webhooks")), ("profile", .string(profile.name))])
        if profile.scheme != .none {
            suite["secret"] = .object(JSONObject([("env", .string(secretVariable))]))
        }
        suite["cases"] = .array(cases)
        return (.object(suite), cases.count)
    }

    // MARK: - Operations

    struct Operation {
        var name: String
        var pointer: JSONPointer
        var value: JSONValue
    }

    static func operations(in root: JSONObject, isThreeZero: Bool) -> [Operation] {
        var found: [Operation] = []
        func collect(_ pathItem: JSONValue, name: String, at pointer: JSONPointer) {
            guard case .object(let item) = pathItem else { return }
            for method in ["post", "put", "patch", "get", "delete"] {
                guard let operation = item[method] else { continue }
                let label = operation["operationId"]?.stringValue ?? name
                found.append(Operation(name: label, pointer: pointer.appending(method), value: operation))
            }
        }
        if case .object(let webhooks)? = root["webhooks"] {
            for member in webhooks {
                collect(member.value, name: member.key, at: JSONPointer(tokens: ["webhooks", member.key]))
            }
        }
        if case .object(let paths)? = root["paths"] {
            for path in paths {
                guard case .object(let item) = path.value else { continue }
                for method in item {
                    guard case .object(let callbacks)? = method.value["callbacks"] else { continue }
                    for callback in callbacks {
                        guard case .object(let expressions) = callback.value else { continue }
                        for expression in expressions {
                            collect(
                                expression.value, name: callback.key,
                                at: JSONPointer(tokens: [
                                    "paths", path.key, method.key, "callbacks", callback.key, expression.key,
                                ]))
                        }
                    }
                }
            }
        }
        return found
    }

    // MARK: - Cases

    private func makeCase(named name: String, _ operation: Operation, document: JSONValue, isThreeZero: Bool)
        throws(Failure) -> JSONValue
    {
        let bodyPointer = operation.pointer.appending("requestBody")
        guard let requestBody = Self.dereferenced(operation.value["requestBody"], in: document) else {
            throw Failure(pointer: bodyPointer, message: "the webhook has no requestBody")
        }
        guard case .object(let content)? = requestBody["content"],
            let media = content["application/json"] ?? content.first(where: { $0.key.hasSuffix("json") })?.value
                ?? content.first?.value
        else {
            throw Failure(pointer: bodyPointer.appending("content"), message: "no JSON media type in the request body")
        }
        let rawSchema = media["schema"] ?? .bool(true)
        var schema = SchemaBundler(document: document, isThreeZero: isThreeZero).bundle(rawSchema)
        if isThreeZero, case .object(var object) = schema {
            object["$schema"] = .string("http://json-schema.org/draft-07/schema#")
            schema = .object(object)
        }
        var body = Self.example(of: media, in: document)
        if body == nil { body = ExampleGenerator(document: document).example(for: rawSchema) }
        var result = JSONObject([("name", .string(name))])
        if let summary = operation.value["summary"]?.stringValue ?? operation.value["description"]?.stringValue {
            result["description"] = .string(summary)
        }
        result["body"] = body ?? .object(JSONObject())
        result["schema"] = schema
        return .object(result)
    }

    /// The media type's `example`, its first `examples` entry's `value`, or the schema's own example.
    private static func example(of media: JSONValue, in document: JSONValue) -> JSONValue? {
        if let example = media["example"] { return example }
        if case .object(let examples)? = media["examples"], let first = examples.first {
            return dereferenced(first.value, in: document)?["value"]
        }
        let schema = dereferenced(media["schema"], in: document)
        return schema?["example"] ?? schema?["examples"]?.arrayValue?.first
    }

    /// `value`, or what its local `$ref` names.
    static func dereferenced(_ value: JSONValue?, in document: JSONValue) -> JSONValue? {
        var current = value
        var hops = 0
        while let reference = current?["$ref"]?.stringValue, reference.hasPrefix("#"), hops < 32 {
            current = JSONPointer(String(reference.dropFirst()).percentDecoded).flatMap { $0.resolve(in: document) }
            hops += 1
        }
        return current
    }
}
