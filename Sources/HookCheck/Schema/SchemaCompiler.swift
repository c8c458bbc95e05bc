/// Compiles a schema and everything it references into a ``SchemaProgram``, once.
struct SchemaCompiler {
    let registry: SchemaRegistry
    let assertsFormats: Bool
    private(set) var program = SchemaProgram()
    private var compiled: [String: Int] = [:]

    init(registry: SchemaRegistry, assertsFormats: Bool) {
        self.registry = registry
        self.assertsFormats = assertsFormats
    }

    /// Compiles the schema at `location` and, after it, every `$dynamicAnchor` of every resource entered.
    mutating func compileRoot(_ location: SchemaRegistry.Location, draft: SchemaDraft) throws(SchemaError) -> Int {
        let root = try compile(location, draft: draft)
        var done: Set<String> = []
        while true {
            let pending = program.nodes.compactMap(\.resource).filter { !done.contains($0) }
            guard !pending.isEmpty else { break }
            for resource in pending {
                done.insert(resource)
                for entry in registry.dynamicAnchors where entry.hasPrefix(resource + "#") {
                    let name = String(entry.dropFirst(resource.count + 1))
                    guard let target = registry.locate(SchemaURI(entry)) else { continue }
                    let node = try compile(target, draft: draft)
                    program.dynamicAnchors[resource, default: [:]][name] = node
                }
            }
        }
        return root
    }

    private func error(_ location: SchemaRegistry.Location, _ message: String) -> SchemaError {
        SchemaError(resource: location.document, pointer: location.pointer, message: message)
    }

    private mutating func compile(_ location: SchemaRegistry.Location, draft inherited: SchemaDraft) throws(SchemaError)
        -> Int
    {
        guard let value = registry.value(at: location) else {
            throw error(location, "no schema here")
        }
        var draft = registry.document(location.document)?.draft ?? inherited
        if case .object(let object) = value, let text = object["$schema"]?.stringValue,
            let named = SchemaDraft(metaSchemaURI: text)
        {
            draft = named
        }
        let key = "\(location.document)#\(location.pointer)|\(draft.rawValue)"
        if let index = compiled[key] { return index }
        let index = program.nodes.count
        compiled[key] = index
        let base = registry.base(at: location)
        program.nodes.append(SchemaNode(location: "\(location.document)#\(location.pointer)"))
        switch value {
        case .bool(let constant):
            program.nodes[index].constant = constant
        case .object(let object):
            program.nodes[index].resource = base
            let keywords = try compileKeywords(object, at: location, base: base, draft: draft)
            program.nodes[index].keywords = keywords
            if keywords.isEmpty { program.nodes[index].constant = true }
        default:
            throw error(
                location, "expected a schema (an object or a Boolean), found \(MessageWording.articled(value.typeName))"
            )
        }
        return index
    }

    private mutating func child(
        _ location: SchemaRegistry.Location, _ tokens: String..., draft: SchemaDraft
    ) throws(SchemaError) -> Int {
        var pointer = location.pointer
        for token in tokens { pointer = pointer.appending(token) }
        return try compile(SchemaRegistry.Location(document: location.document, pointer: pointer), draft: draft)
    }

    private mutating func reference(
        _ text: String, base: String, at location: SchemaRegistry.Location, draft: SchemaDraft
    ) throws(SchemaError) -> (Int, SchemaURI) {
        let target = SchemaURI(base).resolving(text)
        guard let found = registry.locate(target) else {
            throw error(
                location, "$ref \(MessageWording.quoted(text)) resolves to \(target), which is not a known schema")
        }
        return (try compile(found, draft: draft), target)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func compileKeywords(
        _ object: JSONObject, at location: SchemaRegistry.Location, base: String, draft: SchemaDraft
    ) throws(SchemaError) -> [SchemaKeyword] {
        var keywords: [SchemaKeyword] = []
        var last: [SchemaKeyword] = []
        func here(_ key: String) -> SchemaRegistry.Location {
            SchemaRegistry.Location(document: location.document, pointer: location.pointer.appending(key))
        }
        if draft == .draft7, let ref = object["$ref"] {
            guard let text = ref.stringValue else { throw error(here("$ref"), "expected a string") }
            let (node, _) = try reference(text, base: base, at: here("$ref"), draft: draft)
            return [SchemaKeyword(name: "$ref", rule: .ref(node))]
        }
        let is2020 = draft == .draft2020
        for member in object {
            let key = member.key
            let value = member.value
            let rule: SchemaKeyword.Rule?
            switch key {
            case "type":
                let names = value.stringValue.map { [$0] } ?? value.arrayValue?.compactMap(\.stringValue)
                guard let names else { throw error(here(key), "expected a type name or an array of them") }
                rule = .type(names)
            case "enum":
                guard let values = value.arrayValue else { throw error(here(key), "expected an array") }
                rule = .enumeration(values)
            case "const":
                rule = .constant(value)
            case "properties":
                guard let map = value.objectValue else { throw error(here(key), "expected an object") }
                var nodes: [String: Int] = [:]
                for entry in map { nodes[entry.key] = try child(location, key, entry.key, draft: draft) }
                rule = .properties(nodes)
            case "patternProperties":
                guard let map = value.objectValue else { throw error(here(key), "expected an object") }
                var entries: [(Pattern.RegularExpression, Int)] = []
                for entry in map {
                    entries.append(
                        (try regex(entry.key, at: here(key)), try child(location, key, entry.key, draft: draft)))
                }
                rule = .patternProperties(entries)
            case "additionalProperties":
                let named = Set(object["properties"]?.objectValue?.keys ?? [])
                var patterns: [Pattern.RegularExpression] = []
                for pattern in object["patternProperties"]?.objectValue?.keys ?? [] {
                    patterns.append(try regex(pattern, at: here("patternProperties")))
                }
                rule = .additionalProperties(try child(location, key, draft: draft), named: named, patterns: patterns)
            case "propertyNames":
                rule = .propertyNames(try child(location, key, draft: draft))
            case "required":
                guard let names = value.arrayValue?.compactMap(\.stringValue) else {
                    throw error(here(key), "expected an array of strings")
                }
                rule = .required(names)
            case "dependentRequired" where is2020:
                rule = .dependentRequired(try requiredMap(value, at: here(key)))
            case "dependentSchemas" where is2020:
                guard let map = value.objectValue else { throw error(here(key), "expected an object") }
                var entries: [(String, Int)] = []
                for entry in map { entries.append((entry.key, try child(location, key, entry.key, draft: draft))) }
                rule = .dependentSchemas(entries)
            case "dependencies" where !is2020:
                guard let map = value.objectValue else { throw error(here(key), "expected an object") }
                var required: [(String, [String])] = []
                var schemas: [(String, Int)] = []
                for entry in map {
                    if let names = entry.value.arrayValue {
                        required.append((entry.key, names.compactMap(\.stringValue)))
                    } else {
                        schemas.append((entry.key, try child(location, key, entry.key, draft: draft)))
                    }
                }
                keywords.append(SchemaKeyword(name: key, rule: .dependentRequired(required)))
                rule = .dependentSchemas(schemas)
            case "minProperties": rule = .minProperties(try count(value, at: here(key)))
            case "maxProperties": rule = .maxProperties(try count(value, at: here(key)))
            case "prefixItems" where is2020:
                guard let elements = value.arrayValue else { throw error(here(key), "expected an array") }
                rule = .prefixItems(try elementNodes(elements.count, location, key, draft: draft))
            case "items":
                if let elements = value.arrayValue, !is2020 {
                    rule = .prefixItems(try elementNodes(elements.count, location, key, draft: draft))
                } else {
                    let from = is2020 ? object["prefixItems"]?.arrayValue?.count ?? 0 : 0
                    rule = .items(try child(location, key, draft: draft), from: from)
                }
            case "additionalItems" where !is2020:
                if let elements = object["items"]?.arrayValue {
                    rule = .items(try child(location, key, draft: draft), from: elements.count)
                } else {
                    rule = nil
                }
            case "contains":
                var minimum = 1
                var maximum: Int?
                if is2020 {
                    if let value = object["minContains"] { minimum = try count(value, at: here("minContains")) }
                    if let value = object["maxContains"] { maximum = try count(value, at: here("maxContains")) }
                }
                rule = .contains(try child(location, key, draft: draft), minimum: minimum, maximum: maximum)
            case "uniqueItems":
                rule = value.boolValue == true ? .uniqueItems : nil
            case "minItems": rule = .minItems(try count(value, at: here(key)))
            case "maxItems": rule = .maxItems(try count(value, at: here(key)))
            case "minimum": rule = .minimum(try number(value, at: here(key)), exclusive: false)
            case "exclusiveMinimum": rule = .minimum(try number(value, at: here(key)), exclusive: true)
            case "maximum": rule = .maximum(try number(value, at: here(key)), exclusive: false)
            case "exclusiveMaximum": rule = .maximum(try number(value, at: here(key)), exclusive: true)
            case "multipleOf": rule = .multipleOf(try number(value, at: here(key)))
            case "minLength": rule = .minLength(try count(value, at: here(key)))
            case "maxLength": rule = .maxLength(try count(value, at: here(key)))
            case "pattern":
                guard let text = value.stringValue else { throw error(here(key), "expected a string") }
                rule = .pattern(try regex(text, at: here(key)))
            case "format":
                rule = assertsFormats ? value.stringValue.map { .format($0) } : nil
            case "allOf", "anyOf", "oneOf":
                guard let elements = value.arrayValue, !elements.isEmpty else {
                    throw error(here(key), "expected a non-empty array of schemas")
                }
                let nodes = try elementNodes(elements.count, location, key, draft: draft)
                rule = key == "allOf" ? .allOf(nodes) : key == "anyOf" ? .anyOf(nodes) : .oneOf(nodes)
            case "not":
                rule = .not(try child(location, key, draft: draft))
            case "if":
                let then = try object["then"].map { _ throws(SchemaError) in try child(location, "then", draft: draft) }
                let otherwise = try object["else"].map { _ throws(SchemaError) in
                    try child(location, "else", draft: draft)
                }
                rule = .conditional(condition: try child(location, key, draft: draft), then: then, else: otherwise)
            case "$ref":
                guard let text = value.stringValue else { throw error(here(key), "expected a string") }
                rule = .ref(try reference(text, base: base, at: here(key), draft: draft).0)
            case "$dynamicRef" where is2020:
                guard let text = value.stringValue else { throw error(here(key), "expected a string") }
                let (node, target) = try reference(text, base: base, at: here(key), draft: draft)
                var anchor: String?
                if let fragment = target.fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
                    registry.dynamicAnchors.contains(target.description)
                {
                    anchor = fragment
                }
                rule = .dynamicRef(node, anchor: anchor)
            case "unevaluatedProperties" where is2020:
                program.collectsAnnotations = true
                last.append(
                    SchemaKeyword(name: key, rule: .unevaluatedProperties(try child(location, key, draft: draft))))
                rule = nil
            case "unevaluatedItems" where is2020:
                program.collectsAnnotations = true
                last.append(SchemaKeyword(name: key, rule: .unevaluatedItems(try child(location, key, draft: draft))))
                rule = nil
            default:
                rule = nil
            }
            if let rule { keywords.append(SchemaKeyword(name: key, rule: rule)) }
        }
        return keywords + last
    }

    private mutating func elementNodes(
        _ count: Int, _ location: SchemaRegistry.Location, _ key: String, draft: SchemaDraft
    ) throws(SchemaError) -> [Int] {
        var nodes: [Int] = []
        for offset in 0..<count { nodes.append(try child(location, key, String(offset), draft: draft)) }
        return nodes
    }

    private func regex(_ text: String, at location: SchemaRegistry.Location) throws(SchemaError)
        -> Pattern.RegularExpression
    {
        do {
            return try Pattern.RegularExpression(text)
        } catch {
            throw self.error(location, "\(error)")
        }
    }

    private func count(_ value: JSONValue, at location: SchemaRegistry.Location) throws(SchemaError) -> Int {
        guard let number = value.numberText.flatMap(DecimalNumber.init), number.isInteger, !number.isNegative,
            let double = value.doubleValue, double < 1e15
        else { throw error(location, "expected a non-negative integer, found \(value)") }
        return Int(double)
    }

    private func number(_ value: JSONValue, at location: SchemaRegistry.Location) throws(SchemaError) -> DecimalNumber {
        guard let number = value.numberText.flatMap(DecimalNumber.init) else {
            throw error(location, "expected a number, found \(MessageWording.articled(value.typeName))")
        }
        return number
    }

    private func requiredMap(_ value: JSONValue, at location: SchemaRegistry.Location) throws(SchemaError)
        -> [(String, [String])]
    {
        guard let map = value.objectValue else { throw error(location, "expected an object") }
        return map.map { ($0.key, $0.value.arrayValue?.compactMap(\.stringValue) ?? []) }
    }
}
