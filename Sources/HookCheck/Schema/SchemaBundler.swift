/// Makes an OpenAPI schema stand alone: every local `$ref` (`#/components/schemas/Issue`) is copied into
/// `$defs` and pointed there, transitively; OpenAPI 3.0's `nullable: true` becomes a `"null"` type.
struct SchemaBundler {
    let document: JSONValue
    let isThreeZero: Bool

    func bundle(_ schema: JSONValue) -> JSONValue {
        var definitions: [(String, JSONValue)] = []
        var names: [String: String] = [:]
        var pending: [String] = []
        func name(for reference: String) -> String {
            if let known = names[reference] { return known }
            var candidate = String(reference.split(separator: "/").last ?? "schema")
            while definitions.contains(where: { $0.0 == candidate }) || names.values.contains(candidate) {
                candidate += "_"
            }
            names[reference] = candidate
            pending.append(reference)
            return candidate
        }
        func rewrite(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                var result = JSONObject()
                for member in object {
                    if member.key == "$ref", let text = member.value.stringValue, text.hasPrefix("#/") {
                        result["$ref"] = .string("#/$defs/" + name(for: text))
                    } else if member.key == "example" || member.key == "examples" || member.key == "enum"
                        || member.key == "const"
                    {
                        result[member.key] = member.value
                    } else {
                        result[member.key] = rewrite(member.value)
                    }
                }
                if isThreeZero, result["nullable"]?.boolValue == true {
                    result["nullable"] = nil
                    if let type = result["type"]?.stringValue {
                        result["type"] = .array([.string(type), .string("null")])
                    }
                }
                return .object(result)
            case .array(let elements):
                return .array(elements.map(rewrite))
            default:
                return value
            }
        }
        var root = rewrite(schema)
        while let reference = pending.first {
            pending.removeFirst()
            let target =
                JSONPointer(String(reference.dropFirst()).percentDecoded)
                .flatMap { $0.resolve(in: document) } ?? .bool(true)
            definitions.append((names[reference] ?? reference, rewrite(target)))
        }
        guard !definitions.isEmpty else { return root }
        if case .object(var object) = root {
            var defs = object["$defs"]?.objectValue ?? JSONObject()
            for (key, value) in definitions { defs[key] = value }
            object["$defs"] = .object(defs)
            root = .object(object)
        } else {
            root = .object(
                JSONObject([
                    ("$ref", .string("#/$defs/root")), ("$defs", .object(JSONObject(definitions + [("root", root)]))),
                ]))
        }
        return root
    }
}
