/// Schema documents by URI, with every `$id`, `$anchor` and `$dynamicAnchor` inside them indexed, so
/// `$ref`s resolve to local pointers, to other documents and to embedded resources without any network.
///
/// A document is added under a retrieval URI; each `$id` inside it (its root's included) registers the
/// subschema under that identifier too, the way ajv's `addSchema` does.
public struct SchemaRegistry: Sendable {
    /// A place in a document: the document's retrieval URI and a pointer into it.
    struct Location: Hashable, Sendable {
        var document: String
        var pointer: JSONPointer
    }

    struct Document: Sendable {
        var value: JSONValue
        /// The draft its root's `$schema` names; `nil` to read it in the referring schema's draft.
        var draft: SchemaDraft?
    }

    private(set) var documents: [String: Document] = [:]
    /// Resource URIs (no fragment) to where the resource starts.
    private(set) var resources: [String: Location] = [:]
    /// `uri#name` for `$anchor`s (and draft-07 `"$id": "#name"`) to where they stand.
    private(set) var anchors: [String: Location] = [:]
    /// `uri#name` for `$dynamicAnchor`s.
    private(set) var dynamicAnchors: Set<String> = []
    /// The base URI in force at every indexed subschema.
    private(set) var bases: [Location: String] = [:]

    /// An empty registry.
    public init() {}

    /// Adds `schema` under `uri` (and under every `$id` inside it).
    ///
    /// - Parameters:
    ///   - schema: The schema document.
    ///   - uri: Its retrieval URI (a file path or URL); relative `$id`s and `$ref`s resolve against it.
    ///   - draft: The draft to read it in when its root has no `$schema`; `nil` to follow the referrer.
    public mutating func add(_ schema: JSONValue, uri: String, draft: SchemaDraft? = nil) {
        let base = SchemaURI(uri).withoutFragment.description
        var documentDraft = draft
        if let text = schema["$schema"]?.stringValue, let named = SchemaDraft(metaSchemaURI: text) {
            documentDraft = named
        }
        documents[base] = Document(value: schema, draft: documentDraft)
        if resources[base] == nil { resources[base] = Location(document: base, pointer: .root) }
        index(schema, at: Location(document: base, pointer: .root), base: base, draft: documentDraft ?? .draft2020)
    }

    /// The document added under `uri`, if any.
    func document(_ uri: String) -> Document? { documents[uri] }

    // MARK: - Indexing

    private static let singleSchemaKeywords = [
        "additionalProperties", "additionalItems", "unevaluatedProperties", "unevaluatedItems", "contains",
        "propertyNames", "not", "if", "then", "else", "items",
    ]
    private static let schemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    private static let schemaMapKeywords = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies",
    ]

    private mutating func index(_ schema: JSONValue, at location: Location, base: String, draft: SchemaDraft) {
        guard case .object(let object) = schema else {
            bases[location] = base
            return
        }
        var base = base
        var draft = draft
        if let text = object["$schema"]?.stringValue, let named = SchemaDraft(metaSchemaURI: text) { draft = named }
        let refSiblingsIgnored = draft == .draft7 && object["$ref"] != nil
        if !refSiblingsIgnored, let id = object["$id"]?.stringValue {
            let resolved = SchemaURI(base).resolving(id)
            if draft == .draft7, id.hasPrefix("#") {
                anchors[base + id] = location
            } else {
                base = resolved.withoutFragment.description
                if resources[base] == nil { resources[base] = location }
                if let fragment = resolved.fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
                    anchors[base + "#" + fragment] = location
                }
            }
        }
        bases[location] = base
        if draft == .draft2020 {
            if let anchor = object["$anchor"]?.stringValue { anchors[base + "#" + anchor] = location }
            if let anchor = object["$dynamicAnchor"]?.stringValue {
                anchors[base + "#" + anchor] = location
                dynamicAnchors.insert(base + "#" + anchor)
            }
        }
        for member in object {
            let child = Location(document: location.document, pointer: location.pointer.appending(member.key))
            if Self.singleSchemaKeywords.contains(member.key), member.value.isSchemaShaped {
                index(member.value, at: child, base: base, draft: draft)
            }
            if Self.schemaArrayKeywords.contains(member.key), case .array(let elements) = member.value {
                for (offset, element) in elements.enumerated() {
                    index(
                        element,
                        at: Location(document: location.document, pointer: child.pointer.appending(index: offset)),
                        base: base, draft: draft)
                }
            }
            if Self.schemaMapKeywords.contains(member.key), case .object(let map) = member.value {
                for entry in map where entry.value.isSchemaShaped {
                    index(
                        entry.value,
                        at: Location(document: location.document, pointer: child.pointer.appending(entry.key)),
                        base: base, draft: draft)
                }
            }
        }
    }

    /// The base URI in force at `location`: the one indexed there, or the nearest indexed ancestor's.
    func base(at location: Location) -> String {
        var pointer = location.pointer
        while true {
            if let base = bases[Location(document: location.document, pointer: pointer)] { return base }
            guard !pointer.tokens.isEmpty else { return location.document }
            pointer.tokens.removeLast()
        }
    }

    /// Where `reference` (already resolved to an absolute URI) points, or `nil` when nothing is there.
    func locate(_ uri: SchemaURI) -> Location? {
        let resource = uri.withoutFragment.description
        let fragment = (uri.fragment ?? "").percentDecoded
        if fragment.isEmpty { return resources[resource] }
        if fragment.hasPrefix("/") {
            guard let start = resources[resource], let pointer = JSONPointer(fragment) else { return nil }
            return Location(
                document: start.document, pointer: JSONPointer(tokens: start.pointer.tokens + pointer.tokens))
        }
        return anchors[resource + "#" + fragment]
    }

    /// The schema value at `location`, if the document has one there.
    func value(at location: Location) -> JSONValue? {
        documents[location.document].flatMap { location.pointer.resolve(in: $0.value) }
    }
}

extension JSONValue {
    /// Whether this could be a schema: an object or a Boolean.
    var isSchemaShaped: Bool {
        switch self {
        case .object, .bool: true
        default: false
        }
    }
}
