import Testing

@testable import HookCheck

@Suite struct OpenAPIImportTests {
    /// An OpenAPI 3.0 document whose webhook is a callback, with `nullable` and no example.
    static let threeZero = ##"""
        {"openapi": "3.0.3", "info": {"title": "Legacy", "version": "1"},
         "paths": {"/subscriptions": {"post": {"callbacks": {"orderShipped": {"{$request.body#/url}": {"post": {
           "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
           "responses": {"200": {"description": "ok"}}}}}}}}},
         "components": {"schemas": {"Order": {"type": "object", "required": ["type", "id", "note"],
           "properties": {"type": {"type": "string", "enum": ["order.shipped"]}, "id": {"type": "integer", "minimum": 1},
             "note": {"type": "string", "nullable": true}}}}}}
        """##

    @Test func threeZeroCallbacksBecomeCasesWithGeneratedBodiesThatPassTheirSchema() throws {
        let importer = OpenAPIImport(profile: Profile.builtIn[0], secretVariable: "X")
        let (suite, count) = try importer.suite(from: try JSONParser.parse(Self.threeZero))
        #expect(count == 1)
        let first = try #require(suite["cases"]?.arrayValue?.first)
        #expect(first["name"]?.stringValue == "orderShipped")
        let body = try #require(first["body"])
        #expect(body["type"]?.stringValue == "order.shipped")
        let schemaValue = try #require(first["schema"])
        #expect(schemaValue["$schema"]?.stringValue == "http://json-schema.org/draft-07/schema#")
        let schema = try JSONSchema(schemaValue)
        #expect(schema.validate(body).isEmpty)
        var nulled = try #require(body.objectValue)
        nulled["note"] = .null
        #expect(schema.isValid(.object(nulled)), "nullable: true admits null")
        nulled["id"] = .number("0")
        #expect(schema.validate(.object(nulled)).map(\.keywordLocation.description) == ["/$ref/properties/id/minimum"])
    }
}
