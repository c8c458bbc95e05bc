/// A compiled JSON Schema (draft 2020-12 or draft-07), ready to validate many instances.
///
/// Compile once per suite; ``validate(_:)`` is then a walk over pre-parsed keywords.
public struct JSONSchema: Sendable {
    private let program: SchemaProgram
    private let root: Int

    /// Compiles the schema added to `registry` under `uri` (or a pointer into it, `uri#/$defs/x`).
    ///
    /// - Parameters:
    ///   - uri: The schema's URI, as added to `registry`, optionally with a fragment.
    ///   - registry: The schemas `$ref`s may reach.
    ///   - draft: The draft to read it in when it names none with `$schema` (default 2020-12).
    ///   - assertsFormats: Whether `format` fails strings it can check (default: an annotation only).
    /// - Throws: ``SchemaError`` for a `$ref` that resolves nowhere or a malformed keyword.
    public init(
        uri: String, registry: SchemaRegistry, draft: SchemaDraft = .draft2020, assertsFormats: Bool = false
    ) throws(SchemaError) {
        guard let location = registry.locate(SchemaURI(uri)) else {
            throw SchemaError(resource: uri, pointer: .root, message: "no schema is registered under this URI")
        }
        var compiler = SchemaCompiler(registry: registry, assertsFormats: assertsFormats)
        root = try compiler.compileRoot(location, draft: draft)
        program = compiler.program
    }

    /// Compiles an inline `schema`, registering it under `uri` in a copy of `registry`.
    public init(
        _ schema: JSONValue, uri: String = "urn:hookcheck:schema", registry: SchemaRegistry = SchemaRegistry(),
        draft: SchemaDraft = .draft2020, assertsFormats: Bool = false
    ) throws(SchemaError) {
        var registry = registry
        registry.add(schema, uri: uri, draft: draft)
        try self.init(uri: uri, registry: registry, draft: draft, assertsFormats: assertsFormats)
    }

    /// The ways `instance` breaks the schema, in schema order; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [SchemaFailure] {
        var evaluator = SchemaEvaluator(program: program)
        var annotations = SchemaEvaluator.Annotations()
        _ = evaluator.evaluate(root, instance, &annotations)
        return evaluator.failures
    }

    /// Whether `instance` is valid.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(program: program)
        var annotations = SchemaEvaluator.Annotations()
        return evaluator.evaluate(root, instance, &annotations)
    }
}
