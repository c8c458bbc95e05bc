/// Generates a body that fits a schema, for a webhook whose OpenAPI document has no example: `const`,
/// the first `enum` value, `default` or `example` where given; otherwise every property, one array item,
/// and a placeholder of the right type and format.
struct ExampleGenerator {
    let document: JSONValue

    func example(for schema: JSONValue, depth: Int = 0) -> JSONValue? {
        guard depth < 24, let schema = OpenAPIImport.dereferenced(schema, in: document) else { return nil }
        guard case .object(let object) = schema else { return schema.boolValue == false ? nil : .null }
        for key in ["const", "default", "example"] { if let value = object[key] { return value } }
        if let first = object["enum"]?.arrayValue?.first { return first }
        if let first = object["examples"]?.arrayValue?.first { return first }
        if let parts = object["allOf"]?.arrayValue {
            var merged = JSONObject()
            for part in parts {
                guard case .object(let members)? = example(for: part, depth: depth + 1) else { continue }
                for member in members { merged[member.key] = member.value }
            }
            if case .object(let own)? = example(for: .object(object.without(["allOf"])), depth: depth + 1) {
                for member in own { merged[member.key] = member.value }
            }
            return .object(merged)
        }
        if let first = (object["oneOf"] ?? object["anyOf"])?.arrayValue?.first(where: {
            $0["type"]?.stringValue != "null"
        }) {
            return example(for: first, depth: depth + 1)
        }
        let type =
            object["type"]?.stringValue
            ?? object["type"]?.arrayValue?.compactMap(\.stringValue).first { $0 != "null" }
            ?? (object["properties"] != nil ? "object" : object["items"] != nil ? "array" : nil)
        switch type {
        case "object":
            var result = JSONObject()
            for member in object["properties"]?.objectValue ?? JSONObject() {
                if let value = example(for: member.value, depth: depth + 1) { result[member.key] = value }
            }
            return .object(result)
        case "array":
            let item = object["items"].flatMap { example(for: $0, depth: depth + 1) }
            return .array(item.map { [$0] } ?? [])
        case "string":
            switch object["format"]?.stringValue {
            case "date-time": return .string("2024-01-01T00:00:00Z")
            case "date": return .string("2024-01-01")
            case "uuid": return .string("00000000-0000-4000-8000-000000000000")
            case "email": return .string("user@example.com")
            case "uri", "url": return .string("https://example.com/")
            default:
                let length = object["minLength"]?.intValue ?? 0
                return .string(length > 7 ? String(repeating: "x", count: length) : "example")
            }
        case "integer":
            return .number(object["minimum"]?.numberText ?? "1")
        case "number":
            return .number(object["minimum"]?.numberText ?? "1.5")
        case "boolean":
            return .bool(true)
        case "null":
            return .null
        default:
            return .object(JSONObject())
        }
    }
}

extension JSONObject {
    /// The object without the members named `keys`.
    fileprivate func without(_ keys: Set<String>) -> JSONObject {
        JSONObject(filter { !keys.contains($0.key) }.map { ($0.key, $0.value) })
    }
}
