/// The JSON Schema dialect a schema is read in.
public enum SchemaDraft: String, Sendable, Hashable, CaseIterable {
    /// Draft 2020-12, the default.
    case draft2020 = "2020-12"
    /// Draft-07, used by most published webhook schemas (GitHub's) and, as a subset, by OpenAPI 3.0.
    case draft7 = "draft-07"

    /// The draft a `$schema` URI names, or `nil` for one this validator does not read.
    public init?(metaSchemaURI: String) {
        var uri = metaSchemaURI
        if uri.hasSuffix("#") { uri.removeLast() }
        if uri.hasPrefix("https://") { uri = "http://" + uri.dropFirst("https://".count) }
        switch uri {
        case "http://json-schema.org/draft-07/schema": self = .draft7
        case "http://json-schema.org/draft/2020-12/schema": self = .draft2020
        default: return nil
        }
    }
}
