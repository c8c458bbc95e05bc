/// A compiled schema: every subschema reachable from the root (through `$ref`s too) as a node, each
/// keyword checked and pre-parsed once. Nodes refer to each other by index, so cycles are plain.
struct SchemaProgram: Sendable {
    var nodes: [SchemaNode] = []
    /// Whether any node uses `unevaluatedProperties` or `unevaluatedItems` (annotations are then collected).
    var collectsAnnotations = false
    /// For `$dynamicRef`: resource URI → anchor name → node.
    var dynamicAnchors: [String: [String: Int]] = [:]
}

/// One compiled subschema.
struct SchemaNode: Sendable {
    /// `true`/`false` for a Boolean schema (or an empty object, which is `true`).
    var constant: Bool?
    var keywords: [SchemaKeyword] = []
    /// `resource#pointer`, for absolute keyword locations.
    var location: String
    /// The URI of the resource the node belongs to, for `$dynamicRef`'s dynamic scope.
    var resource: String?
}

/// One keyword with its arguments, named as in the schema for keyword locations.
struct SchemaKeyword: Sendable {
    var name: String
    var rule: Rule

    enum Rule: Sendable {
        case type([String])
        case enumeration([JSONValue])
        case constant(JSONValue)
        case properties([String: Int])
        case patternProperties([(Pattern.RegularExpression, Int)])
        /// Applies to members not named in `properties` and not matched by `patternProperties`.
        case additionalProperties(Int, named: Set<String>, patterns: [Pattern.RegularExpression])
        case propertyNames(Int)
        case required([String])
        case dependentRequired([(String, [String])])
        case dependentSchemas([(String, Int)])
        case minProperties(Int)
        case maxProperties(Int)
        /// Applies to items at and after `from`.
        case items(Int, from: Int)
        case prefixItems([Int])
        case contains(Int, minimum: Int, maximum: Int?)
        case uniqueItems
        case minItems(Int)
        case maxItems(Int)
        case minimum(DecimalNumber, exclusive: Bool)
        case maximum(DecimalNumber, exclusive: Bool)
        case multipleOf(DecimalNumber)
        case minLength(Int)
        case maxLength(Int)
        case pattern(Pattern.RegularExpression)
        case format(String)
        case allOf([Int])
        case anyOf([Int])
        case oneOf([Int])
        case not(Int)
        case conditional(condition: Int, then: Int?, else: Int?)
        case ref(Int)
        /// `anchor` is set when the static target carries a matching `$dynamicAnchor`.
        case dynamicRef(Int, anchor: String?)
        case unevaluatedProperties(Int)
        case unevaluatedItems(Int)
    }
}
