import Testing

@testable import HookCheck

@Suite struct JSONSchemaTests {
    private func schema(_ text: String, draft: SchemaDraft = .draft2020, formats: Bool = false) throws -> JSONSchema {
        try JSONSchema(try JSONParser.parse(text), draft: draft, assertsFormats: formats)
    }

    @Test func failureNamesInstanceAndKeywordPointers() throws {
        let validator = try schema(
            ##"{"properties": {"issue": {"$ref": "#/$defs/issue"}}, "$defs": {"issue": {"properties": {"number": {"type": "integer"}}}}}"##
        )
        let failures = validator.validate(try JSONParser.parse(#"{"issue": {"number": "7"}}"#))
        #expect(failures.count == 1)
        #expect(failures.first?.instanceLocation.description == "/issue/number")
        #expect(failures.first?.keywordLocation.description == "/properties/issue/$ref/properties/number/type")
        #expect(failures.first?.absoluteKeywordLocation == "urn:hookcheck:schema#/$defs/issue/properties/number/type")
        #expect(failures.first?.expected == "an integer")
        #expect(failures.first?.found == #"a string "7""#)
    }

    @Test(arguments: [
        ("0.3", "0.1", true), ("0.35", "0.1", false), ("1e308", "0.123456789", false), ("12391239123", "1e-8", true),
        ("4.5", "1.5", true), ("7", "2", false), ("-0", "3", true),
    ])
    func multipleOfIsExactInDecimal(value: String, divisor: String, valid: Bool) throws {
        #expect(try schema(#"{"multipleOf": \#(divisor)}"#).isValid(.number(value)) == valid)
    }

    @Test func draft7IgnoresRefSiblingsAnd2020AppliesThem() throws {
        let text = ##"{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 2}"##
        #expect(try schema(text, draft: .draft7).isValid(.string("long")))
        #expect(try !schema(text).isValid(.string("long")))
        let named =
            #"{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "integer"}], "additionalItems": false}"#
        #expect(try schema(named).isValid(try JSONParser.parse("[1]")))
        #expect(try !schema(named).isValid(try JSONParser.parse("[1, 2]")))
    }

    @Test func unknownKeywordsAreIgnored() throws {
        #expect(
            try schema(#"{"tsAdditionalProperties": false, "type": "object"}"#).isValid(
                try JSONParser.parse(#"{"a": 1}"#)))
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        let text = #"{"format": "date-time"}"#
        #expect(try schema(text).isValid(.string("yesterday")))
        #expect(try !schema(text, formats: true).isValid(.string("yesterday")))
        #expect(try schema(text, formats: true).isValid(.string("2024-05-01T10:00:00Z")))
    }

    @Test func registryResolvesRelativeRefsTheWayAjvAddSchemaDoes() throws {
        var registry = SchemaRegistry()
        registry.add(
            try JSONParser.parse(
                #"{"$id": "common/user.schema.json", "required": ["login"], "properties": {"login": {"type": "string"}}}"#
            ),
            uri: "common/user.schema.json")
        registry.add(
            try JSONParser.parse(
                #"{"$schema": "http://json-schema.org/draft-07/schema", "$id": "issues$opened", "properties": {"sender": {"$ref": "common/user.schema.json"}}}"#
            ),
            uri: "issues$opened")
        let validator = try JSONSchema(uri: "issues$opened", registry: registry)
        let failures = validator.validate(try JSONParser.parse(#"{"sender": {"id": 1}}"#))
        #expect(failures.map(\.instanceLocation.description) == ["/sender"])
        #expect(failures.map(\.keywordLocation.description) == ["/properties/sender/$ref/required"])
    }

    @Test func unresolvableRefIsACompileError() throws {
        #expect(throws: SchemaError.self) { try schema(#"{"$ref": "missing.json"}"#) }
    }

    @Test func oneOfWithOneTypeFittingBranchReportsThatBranch() throws {
        let validator = try schema(
            #"{"oneOf": [{"type": "null"}, {"type": "object", "required": ["id"]}]}"#)
        let failures = validator.validate(try JSONParser.parse("{}"))
        #expect(failures.map(\.keywordLocation.description) == ["/oneOf/1/required"])
    }
}
